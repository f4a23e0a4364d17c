import { appendFileSync, renameSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isMdxAllowed, loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { ROOT } from '../support/build.ts';
import { mutateFixture, SMALL_FIXTURE, type Edit } from '../support/fixture.ts';

const OBJECTIVE = 'objectives/2026-q4/sales/more-customers.md';
const CHECK_IN = 'checkins/2026-q4/2026-11-13.md';
const ACTION = 'actions/partner-push.md';

describe('loadContent on the small fixture', () => {
  test('finds no problems', async () => {
    const result = await loadContent(SMALL_FIXTURE, { root: ROOT, asOf: '2026-11-15' });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.fileCount).toBe(14);
  });

  test('derives ids from paths', async () => {
    const { model } = await loadContent(SMALL_FIXTURE, { root: ROOT, asOf: '2026-11-15' });
    expect(model!.objectives.map((objective) => objective.id)).toEqual([
      '2026-q3/sales/q3-pipeline',
      '2026-q4/company/grow',
      '2026-q4/sales/more-customers',
    ]);
    expect(model!.objectives[2]!.slug).toBe('more-customers');
  });

  test('reads unquoted dates as the written day', async () => {
    const { model } = await loadContent(SMALL_FIXTURE, { root: ROOT, asOf: '2026-11-15' });
    expect(model!.periods.map((period) => [period.start, period.end])).toEqual([
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ]);
  });

  test('applies defaults', async () => {
    const { model, config } = await loadContent(SMALL_FIXTURE, { root: ROOT, asOf: '2026-11-15' });
    const keyResult = model!.objectives[2]!.keyResults[2]!;
    expect(keyResult.weight).toBe(1);
    expect(keyResult.direction).toBe('increase');
    expect(model!.objectives[2]!.visibility).toBe('public');
    expect(config.company).toBe('Fixture Co');
    expect(config.status.onTrackMargin).toBe(0.1);
  });
});

const cases: { name: string; edits: Edit[]; problem: string }[] = [
  {
    name: 'unknown-field',
    edits: [
      { file: OBJECTIVE, find: 'title: Win more customers', replace: 'titel: Win more customers' },
    ],
    problem: `${OBJECTIVE}:2:1  error  titel is not a known field; remove it or check its spelling (see docs/content-format.md)  (schema)`,
  },
  {
    name: 'yaml-syntax',
    edits: [{ file: OBJECTIVE, find: 'team: sales\n', replace: 'team: [sales\n' }],
    problem: `${OBJECTIVE}:5:`,
  },
  {
    name: 'recursive-alias',
    edits: [{ file: OBJECTIVE, find: 'team: sales\n', replace: 'team: &team [sales, *team]\n' }],
    problem: `${OBJECTIVE}:4:21  error  has invalid YAML: the alias *team is inside the value it refers to, so the value would contain itself; remove the alias  (yaml)`,
  },
  {
    name: 'duplicate-key-result',
    edits: [{ file: OBJECTIVE, find: '- id: cycle', replace: '- id: leads' }],
    problem: `${OBJECTIVE}:15:5  error  keyResults[1].id "leads" is used by another key result of this objective; give each key result its own id  (schema)`,
  },
  {
    name: 'start-equals-target',
    edits: [{ file: OBJECTIVE, find: 'target: 30', replace: 'target: 50' }],
    problem: `${OBJECTIVE}:20:5  error  keyResults[1].target equals start (50), so progress cannot be measured; set a different target  (schema)`,
  },
  {
    name: 'check-in-outside-period',
    edits: [{ file: CHECK_IN, find: 'date: 2026-11-13', replace: 'date: 2027-01-04' }],
    problem: `${CHECK_IN}:2:1  error  date 2027-01-04 is outside the objective's period 2026-q4 (2026-10-01 to 2026-12-31); fix the date or the objective  (check-in-date)`,
  },
  {
    name: 'unknown-key-result',
    edits: [{ file: CHECK_IN, find: 'keyResult: cycle', replace: 'keyResult: cycel' }],
    problem: `${CHECK_IN}:10:5  error  updates[1].keyResult refers to "cycel", which is not a key result of 2026-q4/sales/more-customers; did you mean "cycle"?  (reference)`,
  },
  {
    name: 'milestone-as-percent',
    edits: [{ file: CHECK_IN, find: 'value: 0.5', replace: 'value: 50' }],
    problem: `${CHECK_IN}:14:5  error  updates[2].value must be a fraction from 0 to 1 or done for a milestone (found 50); write 40% as 0.4  (check-in-value)`,
  },
  {
    name: 'percent-beyond-number-limit',
    edits: [
      {
        file: 'checkins/2026-q3/2026-09-25.md',
        find: 'value: 3\n',
        replace: "value: '2000000000000%'\n",
      },
    ],
    problem: `checkins/2026-q3/2026-09-25.md:9:5  error  updates[1].value must be a number, a fraction from 0 to 1, done, true or false (found "2000000000000%")  (schema)`,
  },
  {
    name: 'corrective-without-cause',
    edits: [{ file: ACTION, find: /cause: .*\n/, replace: '' }],
    problem: `${ACTION}:1:1  error  cause is required on a corrective action; say which root cause it removes  (schema)`,
  },
  {
    name: 'parent-cycle',
    edits: [
      {
        file: 'objectives/2026-q4/company/grow.md',
        find: 'owner: cleo-park',
        replace: 'owner: cleo-park\nparent: 2026-q4/sales/more-customers',
      },
    ],
    problem: `objectives/2026-q4/company/grow.md:6:1  error  parent makes a cycle in objectives: 2026-q4/company/grow → 2026-q4/sales/more-customers → 2026-q4/company/grow; point one of them at another parent  (cycle)`,
  },
  {
    name: 'end-before-start',
    edits: [{ file: 'periods/2026-q4.md', find: 'end: 2026-12-31', replace: 'end: 2026-09-30' }],
    problem: `periods/2026-q4.md:4:1  error  end must be after start  (schema)`,
  },
  {
    name: 'bad-date',
    edits: [{ file: 'periods/2026-q4.md', find: 'end: 2026-12-31', replace: 'end: 2026-02-30' }],
    problem: `periods/2026-q4.md:4:1  error  end must be a real date written YYYY-MM-DD, such as 2026-10-05 (found "2026-02-30")  (schema)`,
  },
];

describe('loadContent reports problems', () => {
  test.each(cases)('$name', async ({ name, edits, problem }) => {
    const contentDir = mutateFixture(`load-${name}`, edits);
    const result = await loadContent(`${ROOT}/${contentDir}`, { root: ROOT, asOf: '2026-11-15' });
    const lines = result.problems.map(formatProblem);
    expect(
      lines.some((line) => line.startsWith(`${contentDir}/${problem}`)),
      lines.join('\n'),
    ).toBe(true);
    expect(result.model).toBeUndefined();
  });
});

describe('loadContent checks MDX bodies', () => {
  test('reports an MDX syntax error with its line in the file', async () => {
    const contentDir = mutateFixture('load-mdx', []);
    const file = `${ROOT}/${contentDir}/objectives/2026-q4/company/grow`;
    renameSync(`${file}.md`, `${file}.mdx`);
    appendFileSync(`${file}.mdx`, '\nChurn fell to <5% this quarter.\n');
    const result = await loadContent(`${ROOT}/${contentDir}`, { root: ROOT, asOf: '2026-11-15' });
    const lines = result.problems.map(formatProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${contentDir}/objectives/2026-q4/company/grow.mdx:10:\\d+  error  has invalid MDX in its body: .*\\(mdx\\)$`,
      ),
    );
  });
});

describe('isMdxAllowed', () => {
  const config = (allowedFolders?: string[]) => ({ mdx: allowedFolders ? { allowedFolders } : {} });

  test.each([
    ['objectives/2026-q4/company/plan.mdx', undefined, true],
    ['objectives/2026-q4/company/plan.mdx', [], false],
    ['objectives/2026-q4/company/plan.mdx', ['objectives/*/company'], true],
    ['objectives/2026-q4/sales/plan.mdx', ['objectives/*/company'], false],
    ['objectives/2026-q4/company/deep/plan.mdx', ['objectives/*/company'], true],
    ['objectives/plan.mdx', ['objectives/*/company'], false],
    ['periods/2026-q4.mdx', ['periods'], true],
    ['periods/2026-q4.mdx', ['/periods/'], true],
    ['people/ana.mdx', ['periods'], false],
  ])('%s with %j is %s', (file, folders, expected) => {
    expect(isMdxAllowed(file, config(folders))).toBe(expected);
  });
});
