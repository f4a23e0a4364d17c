import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { ROOT } from '../support/build.ts';
import { mutateFixture, type Edit } from '../support/fixture.ts';

const OBJECTIVE = 'objectives/2026-q4/sales/more-customers.md';
const CHECK_IN = 'checkins/2026-q4/2026-11-13.md';

async function load(name: string, edits: Edit[]) {
  const contentDir = mutateFixture(`trap-${name}`, edits);
  const result = await loadContent(path.join(ROOT, contentDir), { root: ROOT, asOf: '2026-11-15' });
  expect(result.problems.map(formatProblem)).toEqual([]);
  return result.model!;
}

const salesObjective = (model: Awaited<ReturnType<typeof load>>) =>
  model.objectives.find((objective) => objective.id === '2026-q4/sales/more-customers')!;

describe('YAML traps read as the author meant', () => {
  test('percent target without a unit', async () => {
    const model = await load('percent-target', [
      {
        file: OBJECTIVE,
        find: '    start: 0\n    target: 1000\n    unit: leads\n',
        replace: "    start: 12%\n    target: '18 %'\n",
      },
    ]);
    const keyResult = salesObjective(model).keyResults[0]!;
    expect(keyResult.start).toBe(12);
    expect(keyResult.target).toBe(18);
    expect(keyResult.unit).toBe('%');
  });

  test('percent check-in on a milestone', async () => {
    const model = await load('percent-milestone', [
      { file: CHECK_IN, find: 'value: 0.5', replace: 'value: 50%' },
    ]);
    const checkIn = model.checkIns.find((item) => item.id === '2026-q4/2026-11-13')!;
    expect(checkIn.updates[2]!.value).toBe(0.5);
  });

  test('percent check-in on a percent metric', async () => {
    const model = await load('percent-metric', [
      { file: OBJECTIVE, find: 'unit: leads', replace: "unit: '%'" },
      { file: CHECK_IN, find: 'value: 400', replace: 'value: 40%' },
    ]);
    const checkIn = model.checkIns.find((item) => item.id === '2026-q4/2026-11-13')!;
    expect(checkIn.updates[0]!.value).toBe(40);
  });

  test('title that YAML reads as a date', async () => {
    const model = await load('date-title', [
      { file: OBJECTIVE, find: 'title: Win more customers', replace: 'title: 2026-10-05' },
    ]);
    expect(salesObjective(model).title).toBe('2026-10-05');
  });

  test('title that YAML reads as a whole number', async () => {
    const model = await load('number-title', [
      { file: OBJECTIVE, find: 'title: Win more customers', replace: 'title: 2026' },
    ]);
    expect(salesObjective(model).title).toBe('2026');
  });

  test('quoted decimal title keeps its zero', async () => {
    const model = await load('quoted-title', [
      { file: OBJECTIVE, find: 'title: Win more customers', replace: "title: '12.10'" },
    ]);
    expect(salesObjective(model).title).toBe('12.10');
  });

  test('decimal with a trailing zero in a number field', async () => {
    const model = await load('decimal-number', [
      { file: OBJECTIVE, find: 'target: 30', replace: 'target: 12.10' },
    ]);
    expect(salesObjective(model).keyResults[1]!.target).toBe(12.1);
  });

  test('quoted and unquoted dates give the same day', async () => {
    const model = await load('quoted-date', [
      { file: 'periods/2026-q4.md', find: 'start: 2026-10-01', replace: "start: '2026-10-01'" },
    ]);
    expect(model.periods.find((period) => period.id === '2026-q4')!.start).toBe('2026-10-01');
  });
});
