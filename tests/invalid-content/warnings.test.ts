import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { buildSiteAsync, ROOT } from '../support/build.ts';
import { mutateFixture, type Edit } from '../support/fixture.ts';

const OBJECTIVE = 'objectives/2026-q4/sales/more-customers.md';
const LATE_CHECK_IN = 'checkins/2026-q4/2026-11-27.md';

/** Builds an extra Q4 sales objective with two key results, so that it raises no warning itself. */
function extraObjective(slug: string): Edit {
  const keyResult = (id: string) =>
    `  - id: ${id}\n    title: Milestone ${id}\n    owner: sam-ortiz\n    type: milestone\n`;
  return {
    file: `objectives/2026-q4/sales/${slug}.md`,
    content: `---\ntitle: Objective ${slug}\nperiod: 2026-q4\nteam: sales\nowner: sam-ortiz\nkeyResults:\n${keyResult('a')}${keyResult('b')}---\n`,
  };
}

const cases: { name: string; asOf: string; edits: Edit[]; warnings: string[] }[] = [
  {
    name: 'stale-key-results',
    asOf: '2026-12-01',
    edits: [{ file: LATE_CHECK_IN, remove: true }],
    // The last check-in was on 13 November, 18 days before.
    warnings: [`${OBJECTIVE}:8 stale`, `${OBJECTIVE}:15 stale`, `${OBJECTIVE}:22 stale`],
  },
  {
    name: 'fresh-on-the-cadence-edge',
    asOf: '2026-11-27',
    edits: [{ file: LATE_CHECK_IN, remove: true }],
    // Exactly 14 days after the last check-in is not yet stale.
    warnings: [],
  },
  {
    name: 'too-many-objectives',
    // Before the extra objectives' key results go stale.
    asOf: '2026-10-10',
    edits: [extraObjective('extra-a'), extraObjective('extra-b'), extraObjective('extra-c')],
    warnings: ['objectives/2026-q4/sales/more-customers.md:4 objectives-per-team'],
  },
  {
    name: 'too-few-key-results',
    asOf: '2026-11-15',
    edits: [
      {
        file: 'objectives/2026-q3/sales/q3-pipeline.md',
        find: /  - id: churn[\s\S]*?(?=---)/,
        replace: '',
      },
      {
        file: 'checkins/2026-q3/2026-09-25.md',
        find: /  - keyResult: churn\n    value: 3\n/,
        replace: '',
      },
    ],
    warnings: ['objectives/2026-q3/sales/q3-pipeline.md:6 key-results-per-objective'],
  },
  {
    name: 'objective-without-key-results',
    asOf: '2026-11-15',
    edits: [{ file: OBJECTIVE, find: 'parent: 2026-q4/company/grow\n', replace: '' }],
    warnings: ['objectives/2026-q4/company/grow.md:6 no-key-results'],
  },
];

describe.concurrent('quality warnings', () => {
  test.each(cases)('$name', async ({ name, asOf, edits, warnings }) => {
    const contentDir = mutateFixture(`warning-${name}`, edits);
    const result = await loadContent(path.join(ROOT, contentDir), { root: ROOT, asOf });
    const found = result.problems.map(
      (problem) => `${problem.file.slice(contentDir.length + 1)}:${problem.line} ${problem.rule}`,
    );
    expect(found.sort()).toEqual([...warnings].sort());
    expect(result.problems.every((problem) => problem.severity === 'warning')).toBe(true);
  });

  test('warnings leave the build passing', async () => {
    const contentDir = mutateFixture('warning-build', [{ file: LATE_CHECK_IN, remove: true }]);
    const result = await loadContent(path.join(ROOT, contentDir), {
      root: ROOT,
      asOf: '2026-12-01',
    });
    const build = await buildSiteAsync({ contentDir, name: 'warning-build', asOf: '2026-12-01' });
    expect(build.status).toBe(0);
    expect(result.problems.length).toBe(3);
    for (const problem of result.problems) expect(build.stderr).toContain(formatProblem(problem));
  });
});
