import { z } from 'astro/zod';
import { slug, title, type ReferenceFactory } from './common.ts';

/** Builds the schema of a team: a unit of the organisation, placed in a tree by `parent`. */
export function teamSchema(reference: ReferenceFactory) {
  return z.strictObject({
    /** Display name, such as "Sales". */
    name: title,
    /** The team above this one; the root team has none. */
    parent: reference('teams').optional(),
    /** Person who leads the team. */
    lead: reference('people'),
    /** Business area, such as sales, marketing, finance, operations, technology or people. */
    area: slug,
  });
}

export type TeamData = z.output<ReturnType<typeof teamSchema>>;
