import type { z } from 'astro/zod';
import {
  actionSchema,
  checkInSchema,
  objectiveSchema,
  periodSchema,
  personSchema,
  teamSchema,
  type ReferenceFactory,
} from '../../schemas/index.ts';
import type { RawContent } from '../model.ts';

export type CollectionName = keyof RawContent;

/** The content collections: each is a folder under the content folder, named like the collection. */
export const COLLECTION_SCHEMAS: Record<
  CollectionName,
  (reference: ReferenceFactory) => z.ZodType
> = {
  periods: () => periodSchema,
  teams: teamSchema,
  people: personSchema,
  objectives: objectiveSchema,
  checkins: checkInSchema,
  actions: actionSchema,
};

export const COLLECTION_NAMES = Object.keys(COLLECTION_SCHEMAS) as CollectionName[];

/** Files that hold entries, relative to a collection's folder. */
export const ENTRY_PATTERN = '**/*.{md,mdx}';

/** Derives an entry's id from its path relative to the collection folder: the path without extension. */
export function entryIdFromPath(relativePath: string): string {
  return relativePath.replaceAll('\\', '/').replace(/\.mdx?$/, '');
}
