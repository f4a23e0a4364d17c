import { describe, expect, test } from 'vitest';
import {
  computeProgress,
  mean,
  toNumber,
  toScore,
  weightedMean,
} from '../../src/lib/score/progress.ts';
import { keyResult } from '../support/model.ts';

describe('computeProgress', () => {
  test.each([
    { name: 'increase halfway', kr: { start: 0, target: 1500 }, value: 750, expected: 0.5 },
    {
      name: 'increase from a non-zero start',
      kr: { start: 12, target: 18 },
      value: 15,
      expected: 0.5,
    },
    { name: 'increase overachieved', kr: { start: 0, target: 20 }, value: 25, expected: 1.25 },
    { name: 'increase below start', kr: { start: 12, target: 18 }, value: 9, expected: -0.5 },
    {
      name: 'decrease a quarter',
      kr: { direction: 'decrease', start: 50, target: 30 },
      value: 45,
      expected: 0.25,
    },
    {
      name: 'decrease overachieved',
      kr: { direction: 'decrease', start: 50, target: 30 },
      value: 25,
      expected: 1.25,
    },
    {
      name: 'decrease worse than start',
      kr: { direction: 'decrease', start: 50, target: 30 },
      value: 60,
      expected: -0.5,
    },
    {
      name: 'stay-above met at the target',
      kr: { direction: 'stay-above', target: 99.9 },
      value: 99.9,
      expected: 1,
    },
    {
      name: 'stay-above missed',
      kr: { direction: 'stay-above', target: 99.9 },
      value: 99.89,
      expected: 0,
    },
    {
      name: 'stay-below met at the target',
      kr: { direction: 'stay-below', target: 40 },
      value: 40,
      expected: 1,
    },
    {
      name: 'stay-below missed',
      kr: { direction: 'stay-below', target: 40 },
      value: 41,
      expected: 0,
    },
    { name: 'milestone fraction', kr: { type: 'milestone' }, value: 0.35, expected: 0.35 },
    { name: 'boolean done', kr: { type: 'boolean' }, value: 1, expected: 1 },
    { name: 'no value', kr: {}, value: undefined, expected: 0 },
  ] as const)('$name', ({ kr, value, expected }) => {
    expect(computeProgress(keyResult({ id: 'kr', ...kr }), value)).toBeCloseTo(expected, 10);
  });
});

describe('toNumber', () => {
  test.each([
    { value: 'done', expected: 1 },
    { value: 0.4, expected: 0.4 },
    { value: true, expected: 1 },
    { value: false, expected: 0 },
    { value: 210, expected: 210 },
  ] as const)('$value', ({ value, expected }) => {
    expect(toNumber(value)).toBe(expected);
  });
});

describe('toScore', () => {
  test('clamps overachievement to 1', () => expect(toScore(1.25)).toBe(1));
  test('clamps negative progress to 0', () => expect(toScore(-0.5)).toBe(0));
  test('keeps progress inside the range', () => expect(toScore(0.42)).toBe(0.42));
});

describe('means', () => {
  test('weighted mean uses the weights', () => {
    expect(
      weightedMean([
        { value: 0.4, weight: 2 },
        { value: 0.25, weight: 1 },
        { value: 0.5, weight: 1 },
      ]),
    ).toBeCloseTo(0.3875, 10);
  });
  test('weighted mean of nothing is undefined', () => expect(weightedMean([])).toBeUndefined());
  test('mean skips undefined values', () =>
    expect(mean([0.2, undefined, 0.6])).toBeCloseTo(0.4, 10));
});
