import { describe, expect, test } from 'vitest';
import { duePeriods } from '../../scripts/retrospective.ts';
import { judgeAverage, toGrade } from '../../src/lib/retrospective.ts';
import { configSchema, type PeriodList } from '../../src/schemas/index.ts';

const grades = configSchema.parse({}).grades;

describe('toGrade', () => {
  test.each([
    [0, 0],
    [0.04999, 0],
    [0.05, 0.1],
    [0.649, 0.6],
    [0.65, 0.7],
    [0.6786, 0.7],
    [0.95, 1],
    [1, 1],
  ])('rounds %f to %f', (score, grade) => {
    expect(toGrade(score, grades).grade).toBe(grade);
  });

  test.each([
    [0.34, 'red'],
    [0.35, 'yellow'],
    [0.649, 'yellow'],
    [0.65, 'green'],
  ])('bands %f by its grade as %s', (score, band) => {
    expect(toGrade(score, grades).band).toBe(band);
  });
});

describe('judgeAverage', () => {
  test.each([
    [0.95, 'sandbagging'],
    [0.9001, 'sandbagging'],
    [0.9, 'above'],
    [0.7001, 'above'],
    [0.7, 'sweet-spot'],
    [0.6, 'sweet-spot'],
    [0.5999, 'below'],
    [0.4, 'below'],
    [0.3999, 'overreach'],
    [0, 'overreach'],
  ])('judges %f as %s', (average, verdict) => {
    expect(judgeAverage(average, grades)).toBe(verdict);
  });

  test('follows the configured limits', () => {
    const strict = { ...grades, sandbagging: 0.8, overreach: 0.5 };
    expect(judgeAverage(0.85, strict)).toBe('sandbagging');
    expect(judgeAverage(0.45, strict)).toBe('overreach');
  });
});

describe('duePeriods', () => {
  const period = (id: string, phase: 'upcoming' | 'open' | 'closed') => ({
    id,
    name: id,
    start: '2026-01-01',
    end: '2026-03-31',
    phase,
    files: {},
  });
  const list: PeriodList = {
    formatVersion: 1,
    company: 'Test',
    asOf: '2026-12-04',
    periods: [
      period('2026-q2', 'closed'),
      period('2026-q3', 'closed'),
      period('2026-q4', 'open'),
      period('2027-q1', 'upcoming'),
    ],
  };

  test('lists closed periods without a tag', () => {
    expect(duePeriods(list, [])).toEqual(['2026-q2', '2026-q3']);
  });

  test('skips published periods', () => {
    expect(duePeriods(list, ['retrospective/2026-q2'])).toEqual(['2026-q3']);
  });

  test('ignores other tags', () => {
    expect(duePeriods(list, ['v1.0', '2026-q3', 'retrospective/2026-q4'])).toEqual([
      '2026-q2',
      '2026-q3',
    ]);
  });
});
