import type { PortalConfig } from '../../schemas/index.ts';
import type { Period } from '../model.ts';
import { dayToTime } from './dates.ts';

export const STATUSES = ['achieved', 'on-track', 'at-risk', 'off-track', 'no-check-in'] as const;
export type Status = (typeof STATUSES)[number];

export type GradeBand = 'red' | 'yellow' | 'green';

/** Phase of a period at the as-of date. */
export type PeriodPhase = 'upcoming' | 'open' | 'closed';

/** Absorbs floating-point error so that progress exactly at a threshold counts as reaching it. */
const EPSILON = 1e-9;

/**
 * Computes the fraction of the period elapsed at `asOf`: (asOf − start) / (end − start), so 0 on
 * the first day and before it, and 1 on the last day and after it.
 */
export function expectedProgress(period: Pick<Period, 'start' | 'end'>, asOf: string): number {
  const start = dayToTime(period.start);
  const end = dayToTime(period.end);
  const now = dayToTime(asOf);
  if (now <= start) return 0;
  if (now >= end) return 1;
  return (now - start) / (end - start);
}

/** Tells whether `asOf` falls before, inside or after the period; the last day is still open. */
export function periodPhase(period: Pick<Period, 'start' | 'end'>, asOf: string): PeriodPhase {
  if (asOf < period.start) return 'upcoming';
  return asOf > period.end ? 'closed' : 'open';
}

/**
 * Classifies progress against the expected progress:
 * achieved at 1 or more, on track down to expected − onTrackMargin, at risk down to
 * expected − atRiskMargin, off track below. A latest confidence at or below `lowConfidence`
 * turns on track into at risk; achieved stays achieved.
 */
export function classifyStatus(
  progress: number,
  expected: number,
  thresholds: PortalConfig['status'],
  confidence?: number,
): Exclude<Status, 'no-check-in'> {
  if (progress + EPSILON >= 1) return 'achieved';
  let status: 'on-track' | 'at-risk' | 'off-track' =
    progress + EPSILON >= expected - thresholds.onTrackMargin
      ? 'on-track'
      : progress + EPSILON >= expected - thresholds.atRiskMargin
        ? 'at-risk'
        : 'off-track';
  if (status === 'on-track' && confidence !== undefined && confidence <= thresholds.lowConfidence) {
    status = 'at-risk';
  }
  return status;
}

/** Places a score in its grade band; bands are half-open: red < yellow ≤ score < green ≤ score. */
export function gradeBand(score: number, grades: PortalConfig['grades']): GradeBand {
  if (score + EPSILON >= grades.green) return 'green';
  return score + EPSILON >= grades.yellow ? 'yellow' : 'red';
}

/** Tells whether a period average falls in the stretch sweet spot, both ends included. */
export function inSweetSpot(score: number, grades: PortalConfig['grades']): boolean {
  return score + EPSILON >= grades.sweetSpotMin && score - EPSILON <= grades.sweetSpotMax;
}
