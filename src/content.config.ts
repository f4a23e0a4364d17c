import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import {
  COLLECTION_NAMES,
  COLLECTION_SCHEMAS,
  ENTRY_PATTERN,
  entryIdFromPath,
  type CollectionName,
} from './lib/content/collections.ts';
import { resolveContentDir } from './lib/settings.ts';
import type { ReferenceFactory } from './schemas/index.ts';

const contentDir = resolveContentDir(process.cwd());

function collection(name: CollectionName) {
  return defineCollection({
    loader: glob({
      pattern: ENTRY_PATTERN,
      base: pathToFileURL(path.join(contentDir, name) + path.sep),
      generateId: ({ entry }) => entryIdFromPath(entry),
    }),
    schema: COLLECTION_SCHEMAS[name](reference as ReferenceFactory),
  });
}

export const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, collection(name)])) as {
  [K in CollectionName]: ReturnType<typeof collection>;
};
