import type { KeyResult, ReportedValue } from '../model.ts';

/**
 * Turns a reported value into a number: a metric's value, a milestone's fraction done (1 once
 * done), or 0 and 1 for a boolean.
 */
export function toNumber(value: ReportedValue): number {
  if (value === 'done' || value === true) return 1;
  if (value === false) return 0;
  return value;
}

/**
 * Computes raw progress of a key result at `value`. It may exceed 1 (overachievement) or fall
 * below 0 (worse than the start); the score clamps it.
 * - increase: (value − start) / (target − start)
 * - decrease: (start − value) / (start − target)
 * - stay-above / stay-below: 1 while the value is at or on the right side of the target, else 0
 * - milestone: the fraction done; boolean: 0 or 1
 */
export function computeProgress(
  keyResult: Pick<KeyResult, 'type' | 'direction' | 'start' | 'target'>,
  value: number | undefined,
): number {
  if (value === undefined) return 0;
  if (keyResult.type !== 'metric') return value;

  const { start, target } = keyResult;
  if (target === undefined) return 0;
  switch (keyResult.direction) {
    case 'stay-above':
      return value >= target ? 1 : 0;
    case 'stay-below':
      return value <= target ? 1 : 0;
    case 'increase':
      return start === undefined || start === target ? 0 : (value - start) / (target - start);
    case 'decrease':
      return start === undefined || start === target ? 0 : (start - value) / (start - target);
  }
}

/** Clamps progress to the score range [0, 1]. */
export function toScore(progress: number): number {
  return Math.min(1, Math.max(0, progress));
}

/** Weighted mean of `items`; undefined when the weights sum to 0. */
export function weightedMean(items: { value: number; weight: number }[]): number | undefined {
  const totalWeight = items.reduce((sum, item) => sum + item.weight, 0);
  if (totalWeight <= 0) return undefined;
  return items.reduce((sum, item) => sum + item.value * item.weight, 0) / totalWeight;
}

/** Plain mean of the defined values; undefined when there are none. */
export function mean(values: (number | undefined)[]): number | undefined {
  return weightedMean(
    values.filter((value) => value !== undefined).map((value) => ({ value, weight: 1 })),
  );
}
