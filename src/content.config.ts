import { defineCollection, reference } from 'astro:content';
import type { z } from 'astro/zod';
import path from 'node:path';
import type { CollectionName } from './lib/content/collections.ts';
import { contentLoader } from './lib/content/loader.ts';
import { resolveContentDir } from './lib/settings.ts';
import {
  actionSchema,
  checkInSchema,
  objectiveSchema,
  periodSchema,
  personSchema,
  teamSchema,
  type ReferenceFactory,
} from './schemas/index.ts';

const contentDir = resolveContentDir(process.cwd());
const astroReference = reference as ReferenceFactory;

/** Defines a collection whose entries are the Markdown and MDX files of one content folder. */
function collection<S extends z.ZodType>(name: CollectionName, schema: S) {
  return defineCollection({
    loader: contentLoader(path.join(contentDir, name)),
    schema,
  });
}

export const collections = {
  periods: collection('periods', periodSchema),
  teams: collection('teams', teamSchema(astroReference)),
  people: collection('people', personSchema(astroReference)),
  objectives: collection('objectives', objectiveSchema(astroReference)),
  checkins: collection('checkins', checkInSchema(astroReference)),
  actions: collection('actions', actionSchema(astroReference)),
};
