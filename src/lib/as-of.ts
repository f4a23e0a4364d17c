import { localDay } from './score/dates.ts';

/** Pattern of a calendar day, `YYYY-MM-DD`. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Resolves the as-of date of a build: `override` (from `OKR_AS_OF`) when set, else today in the
 * machine's time zone. Throws an error naming the variable when the override is not a real day.
 */
export function resolveAsOf(override: string | undefined, now = new Date()): string {
  if (override === undefined || override.trim() === '') return localDay(now);
  const day = override.trim();
  const parsed = new Date(`${day}T00:00:00Z`);
  if (
    !ISO_DAY.test(day) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== day
  ) {
    throw new Error(
      `OKR_AS_OF must be a date written YYYY-MM-DD, such as 2026-09-30 (found "${override}")`,
    );
  }
  return day;
}
