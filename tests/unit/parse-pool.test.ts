import { cpSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { ROOT, TMP } from '../support/build.ts';

/** Loads a content folder on `threads` threads, without git history. */
const load = (contentDir: string, threads: number) =>
  loadContent(contentDir, { root: ROOT, asOf: '2026-12-04', history: false, threads });

describe('reading content on several threads', () => {
  test('gives the same model as one thread', async () => {
    const contentDir = path.join(ROOT, 'content');
    const one = await load(contentDir, 1);
    const two = await load(contentDir, 2);
    expect(one.problems).toEqual([]);
    expect(two.problems).toEqual(one.problems);
    expect(two.model).toEqual(one.model);
    expect(two.fileCount).toBe(one.fileCount);
  });

  test('reports the same problems as one thread', async () => {
    const contentDir = path.join(TMP, 'parse-pool', 'content');
    rmSync(contentDir, { recursive: true, force: true });
    cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
    // Actions are read last, so these files land in a worker's batch.
    const actions = path.join(contentDir, 'actions/2026-q4');
    writeFileSync(path.join(actions, 'broken-yaml.md'), '---\ntitle: a: b\n---\n');
    writeFileSync(
      path.join(actions, 'no-owner.md'),
      '---\ntitle: No owner\nkind: initiative\n---\n',
    );
    renameSync(
      path.join(actions, 'weekly-pipeline-review.md'),
      path.join(actions, 'Weekly Review.md'),
    );

    const one = await load(contentDir, 1);
    const two = await load(contentDir, 2);
    const rules = new Set(one.problems.map((problem) => problem.rule));
    expect(rules).toContain('yaml');
    expect(rules).toContain('schema');
    expect(rules).toContain('file-name');
    expect(two.problems).toEqual(one.problems);
  });
});
