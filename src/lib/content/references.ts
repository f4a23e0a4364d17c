import { closest, distance } from 'fastest-levenshtein';
import type { EntryReference } from '../../schemas/index.ts';
import type { CollectionName } from './collections.ts';
import type { LoadedEntry } from './load.ts';
import { formatFieldPath, type Problem } from './problem.ts';

/** Reference fields of each collection, as paths into the entry's data. */
function referencesOf(entry: LoadedEntry): { path: PropertyKey[]; target: EntryReference }[] {
  const found: { path: PropertyKey[]; target: EntryReference }[] = [];
  const add = (path: PropertyKey[], value: unknown) => {
    if (value && typeof value === 'object' && 'collection' in value && 'id' in value) {
      found.push({ path, target: value as EntryReference });
    }
  };

  for (const [key, value] of Object.entries(entry.data as Record<string, unknown>))
    add([key], value);
  if (entry.collection === 'objectives') {
    entry.data.keyResults.forEach((keyResult: { owner: unknown }, index: number) =>
      add(['keyResults', index, 'owner'], keyResult.owner),
    );
  }
  return found;
}

/**
 * Checks that every reference names an existing entry, suggesting the closest id for a near miss.
 * `ids` lists the id of every file in each collection, valid or not, so that an entry with a
 * schema error is reported once and not again by each entry that refers to it.
 */
export function checkReferences(entries: LoadedEntry[], ids: Map<string, string[]>): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const { path, target } of referencesOf(entry)) {
      const known = ids.get(target.collection) ?? [];
      if (known.includes(target.id)) continue;
      problems.push({
        file: entry.file,
        ...entry.locate(path),
        severity: 'error',
        rule: 'reference',
        field: formatFieldPath(path),
        message: describeMissing(target.collection as CollectionName, target.id, known),
      });
    }
  }
  return problems;
}

/** Describes a reference to a missing entry, with the closest existing id when one is near. */
export function describeMissing(collection: CollectionName, id: string, known: string[]): string {
  const suggestion = suggest(id, known);
  const hint = suggestion
    ? `did you mean "${suggestion}"?`
    : `add content/${collection}/${id}.md or use an existing id`;
  return `refers to "${id}", which is not in ${collection}; ${hint}`;
}

/** Returns the known id closest to `id` when it is a plausible typo of it. */
export function suggest(id: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = id.toLowerCase().replaceAll(/[\s_]+/g, '-');
  const exact = known.find((candidate) => candidate === lower);
  if (exact) return exact;
  const nearest = closest(lower, known);
  return distance(lower, nearest) <= Math.max(2, Math.floor(nearest.length / 4))
    ? nearest
    : undefined;
}
