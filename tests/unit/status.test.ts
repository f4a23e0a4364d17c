import { describe, expect, test } from 'vitest';
import {
  classifyStatus,
  expectedProgress,
  gradeBand,
  inSweetSpot,
  periodPhase,
} from '../../src/lib/score/status.ts';
import { defaultConfig, q4 } from '../support/model.ts';

const thresholds = defaultConfig.status;
const grades = defaultConfig.grades;

describe('expectedProgress', () => {
  test.each([
    { asOf: '2026-09-15', expected: 0, name: 'before the start' },
    { asOf: '2026-10-01', expected: 0, name: 'on the first day' },
    { asOf: '2026-11-15', expected: 45 / 91, name: 'mid-period' },
    { asOf: '2026-12-31', expected: 1, name: 'on the last day' },
    { asOf: '2027-02-01', expected: 1, name: 'after the end' },
  ])('$name', ({ asOf, expected }) => {
    expect(expectedProgress(q4, asOf)).toBeCloseTo(expected, 10);
  });

  test('ignores daylight saving changes', () => {
    // 2026-10-25 is the end of summer time in Europe; day arithmetic is in UTC.
    expect(expectedProgress(q4, '2026-10-26')).toBeCloseTo(25 / 91, 10);
  });
});

describe('periodPhase', () => {
  test('upcoming before the start', () => expect(periodPhase(q4, '2026-09-30')).toBe('upcoming'));
  test('open on the first day', () => expect(periodPhase(q4, '2026-10-01')).toBe('open'));
  test('open on the last day', () => expect(periodPhase(q4, '2026-12-31')).toBe('open'));
  test('closed the day after', () => expect(periodPhase(q4, '2027-01-01')).toBe('closed'));
});

describe('classifyStatus', () => {
  // Expected progress 0.5: on track from 0.40, at risk from 0.25, off track below.
  test.each([
    { progress: 1, expected: 0.5, status: 'achieved' },
    { progress: 1.2, expected: 0.5, status: 'achieved' },
    { progress: 0.9999, expected: 1, status: 'on-track' },
    { progress: 0.4, expected: 0.5, status: 'on-track' },
    { progress: 0.3999, expected: 0.5, status: 'at-risk' },
    { progress: 0.25, expected: 0.5, status: 'at-risk' },
    { progress: 0.2499, expected: 0.5, status: 'off-track' },
    { progress: 0.6, expected: 0.7, status: 'on-track' },
    { progress: 0.45, expected: 0.7, status: 'at-risk' },
    { progress: 0, expected: 0, status: 'on-track' },
  ] as const)(
    'progress $progress with expected $expected is $status',
    ({ progress, expected, status }) => {
      expect(classifyStatus(progress, expected, thresholds)).toBe(status);
    },
  );

  test('confidence 3 turns on track into at risk', () => {
    expect(classifyStatus(0.6, 0.5, thresholds, 3)).toBe('at-risk');
  });
  test('confidence 4 leaves on track', () => {
    expect(classifyStatus(0.6, 0.5, thresholds, 4)).toBe('on-track');
  });
  test('low confidence leaves off track as it is', () => {
    expect(classifyStatus(0.1, 0.5, thresholds, 1)).toBe('off-track');
  });
  test('low confidence leaves achieved as it is', () => {
    expect(classifyStatus(1, 0.5, thresholds, 0)).toBe('achieved');
  });
});

describe('gradeBand', () => {
  test.each([
    { score: 0, band: 'red' },
    { score: 0.3999, band: 'red' },
    { score: 0.4, band: 'yellow' },
    { score: 0.6999, band: 'yellow' },
    { score: 0.7, band: 'green' },
    { score: 1, band: 'green' },
  ] as const)('$score is $band', ({ score, band }) => {
    expect(gradeBand(score, grades)).toBe(band);
  });
});

describe('inSweetSpot', () => {
  test.each([
    { score: 0.5999, inside: false },
    { score: 0.6, inside: true },
    { score: 0.65, inside: true },
    { score: 0.7, inside: true },
    { score: 0.7001, inside: false },
  ])('$score', ({ score, inside }) => {
    expect(inSweetSpot(score, grades)).toBe(inside);
  });
});
