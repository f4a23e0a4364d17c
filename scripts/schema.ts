// Writes a JSON Schema for each content type's frontmatter, and for each data export, to
// public/schemas/: `npm run schema`. Editors use the first to show content errors as authors type,
// and readers of the exports use the second; see the README.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  EXPORT_SCHEMA_TARGETS,
  JSON_SCHEMA_DIR,
  JSON_SCHEMA_TARGETS,
  toExportJsonSchema,
  toJsonSchema,
} from '../src/lib/json-schema.ts';

const folder = path.resolve(JSON_SCHEMA_DIR);
await mkdir(folder, { recursive: true });
for (const { name, schema } of JSON_SCHEMA_TARGETS) {
  const file = path.join(folder, `${name}.schema.json`);
  await writeFile(file, `${JSON.stringify(toJsonSchema(name, schema), null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
for (const { name, schema } of EXPORT_SCHEMA_TARGETS) {
  const file = path.join(folder, `${name}.schema.json`);
  await writeFile(file, `${JSON.stringify(toExportJsonSchema(name, schema), null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
