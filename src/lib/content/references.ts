import { closest, distance } from 'fastest-levenshtein';
import { ENTRY_ID_PATTERN } from '../../schemas/index.ts';
import type { CollectionName } from './collections.ts';
import type { SourcePosition } from './frontmatter.ts';
import { formatFieldPath, type Problem } from './problem.ts';

/** A file whose YAML parsed, with its frontmatter as written, before schema validation. */
export interface ParsedFile {
  collection: CollectionName;
  file: string;
  data: unknown;
  locate(path: readonly PropertyKey[]): SourcePosition;
}

/** Reference fields of each collection: where the id is, and which collection it names. */
const REFERENCE_FIELDS: Record<CollectionName, { path: string[]; collection: CollectionName }[]> = {
  periods: [],
  teams: [
    { path: ['parent'], collection: 'teams' },
    { path: ['lead'], collection: 'people' },
  ],
  people: [{ path: ['team'], collection: 'teams' }],
  objectives: [
    { path: ['period'], collection: 'periods' },
    { path: ['team'], collection: 'teams' },
    { path: ['owner'], collection: 'people' },
    { path: ['parent'], collection: 'objectives' },
    { path: ['continues'], collection: 'objectives' },
    { path: ['keyResults', '*', 'owner'], collection: 'people' },
  ],
  checkins: [
    { path: ['author'], collection: 'people' },
    { path: ['objective'], collection: 'objectives' },
  ],
  actions: [
    { path: ['objective'], collection: 'objectives' },
    { path: ['owner'], collection: 'people' },
  ],
};

/** Lists the values at a path, where `*` stands for every item of a list. */
function valuesAt(
  data: unknown,
  path: string[],
  prefix: PropertyKey[] = [],
): { path: PropertyKey[]; value: unknown }[] {
  const [head, ...rest] = path;
  if (head === undefined) return [{ path: prefix, value: data }];
  if (!data || typeof data !== 'object') return [];
  if (head === '*') {
    if (!Array.isArray(data)) return [];
    return data.flatMap((item, index) => valuesAt(item, rest, [...prefix, index]));
  }
  return valuesAt((data as Record<string, unknown>)[head], rest, [...prefix, head]);
}

/**
 * Checks that every reference names an existing entry, suggesting the closest id for a near miss.
 * It reads the frontmatter as written, so that a file with a schema error still has its
 * references checked. `ids` lists the id of every file in each collection, valid or not, so that
 * an entry with a schema error is reported once and not again by each entry that refers to it.
 */
export function checkReferences(
  files: ParsedFile[],
  ids: Map<CollectionName, Set<string>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const source of files) {
    for (const field of REFERENCE_FIELDS[source.collection]) {
      for (const { path, value } of valuesAt(source.data, field.path)) {
        // Values that are not ids at all are the schema's to report.
        if (typeof value !== 'string' || !ENTRY_ID_PATTERN.test(value)) continue;
        const known = ids.get(field.collection) ?? new Set<string>();
        if (known.has(value)) continue;
        problems.push({
          file: source.file,
          ...source.locate(path),
          severity: 'error',
          rule: 'reference',
          field: formatFieldPath(path),
          message: describeMissing(field.collection, value, [...known]),
        });
      }
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
