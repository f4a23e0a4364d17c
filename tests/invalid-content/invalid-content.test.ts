import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { buildSiteAsync, ROOT } from '../support/build.ts';
import { mutateFixture } from '../support/fixture.ts';
import { INVALID_CASES } from './cases.ts';

const AS_OF = '2026-11-15';

describe.concurrent('invalid content', () => {
  test('has at least 40 cases', () => {
    expect(INVALID_CASES.length).toBeGreaterThanOrEqual(40);
  });

  test.each(INVALID_CASES)('$name', async ({ name, edits, errors }) => {
    const contentDir = mutateFixture(`invalid-${name}`, edits);
    const result = await loadContent(path.join(ROOT, contentDir), { root: ROOT, asOf: AS_OF });
    const found = result.problems
      .filter((problem) => problem.severity === 'error')
      .map(
        (problem) => `${problem.file.slice(contentDir.length + 1)}:${problem.line} ${problem.rule}`,
      );
    expect(found.sort()).toEqual([...errors].sort());

    const build = await buildSiteAsync({ contentDir, name: `invalid-${name}`, asOf: AS_OF });
    expect(build.status).toBe(1);
    for (const problem of result.problems) {
      expect(build.stderr).toContain(formatProblem(problem));
    }
    expect(build.stderr + build.stdout).not.toMatch(/^\s+at /m);
    expect(existsSync(build.outDir)).toBe(false);
  });
});
