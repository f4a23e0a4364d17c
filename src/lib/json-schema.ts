import { z } from 'astro/zod';
import {
  actionSchema,
  checkInSchema,
  configSchema,
  objectiveSchema,
  periodExportSchema,
  periodListSchema,
  periodSchema,
  personSchema,
  plainReference,
  teamSchema,
} from '../schemas/index.ts';

/** Content types that get a JSON Schema, with the files each one describes. */
export const JSON_SCHEMA_TARGETS = [
  { name: 'period', schema: periodSchema, files: 'content/periods/**/*.{md,mdx}' },
  { name: 'team', schema: teamSchema(plainReference), files: 'content/teams/**/*.{md,mdx}' },
  { name: 'person', schema: personSchema(plainReference), files: 'content/people/**/*.{md,mdx}' },
  {
    name: 'objective',
    schema: objectiveSchema(plainReference),
    files: 'content/objectives/**/*.{md,mdx}',
  },
  {
    name: 'check-in',
    schema: checkInSchema(plainReference),
    files: 'content/checkins/**/*.{md,mdx}',
  },
  { name: 'action', schema: actionSchema(plainReference), files: 'content/actions/**/*.{md,mdx}' },
  { name: 'config', schema: configSchema, files: 'content/config.yaml' },
] as const;

/** Data exports that get a JSON Schema, with the site path of the files each one describes. */
export const EXPORT_SCHEMA_TARGETS = [
  { name: 'period-export', schema: periodExportSchema, files: '/api/<period>/okrs.json' },
  { name: 'period-list', schema: periodListSchema, files: '/api/periods.json' },
] as const;

/** Folder, relative to the project root, that `npm run schema` writes the JSON Schemas to. */
export const JSON_SCHEMA_DIR = 'public/schemas';

/**
 * Converts a content schema to a JSON Schema (draft 7, which editors' YAML tools read) of the
 * frontmatter as authors write it. Dates are strings in `YYYY-MM-DD` form, and references are ids.
 */
export function toJsonSchema(name: string, schema: z.ZodType): Record<string, unknown> {
  const jsonSchema = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: (context) => {
      if (context.zodSchema instanceof z.ZodDate) {
        context.jsonSchema.type = 'string';
        context.jsonSchema.pattern = '^\\d{4}-\\d{2}-\\d{2}$';
      }
    },
  });
  const { $schema, ...rest } = jsonSchema;
  return { $schema, title: `okr-portal ${name} frontmatter`, ...rest };
}

/** Converts an export schema to a JSON Schema (draft 2020-12) of the JSON that the build writes. */
export function toExportJsonSchema(name: string, schema: z.ZodType): Record<string, unknown> {
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
  const { $schema, ...rest } = jsonSchema;
  return { $schema, title: `okr-portal ${name}`, ...rest };
}
