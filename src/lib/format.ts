import type { KeyResult } from './model.ts';
import { daysBetween } from './score/dates.ts';
import type { GradeBand, Status } from './score/status.ts';

export const STATUS_LABELS: Record<Status, string> = {
  achieved: 'Achieved',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-check-in': 'No check-in',
};

export const BAND_LABELS: Record<GradeBand, string> = {
  green: 'Green',
  yellow: 'Yellow',
  red: 'Red',
};

/** Formats a score from 0 to 1 with two decimals, as in "0.65"; a dash when there is none. */
export function formatScore(score: number | undefined): string {
  return score === undefined ? '–' : score.toFixed(2);
}

/** Formats a fraction as a whole percentage, as in "125%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Formats a key result's value with its unit: "400 leads", "18%", "50% done" or "Done". */
export function formatValue(
  keyResult: Pick<KeyResult, 'type' | 'unit'>,
  value: number | undefined,
): string {
  if (value === undefined) return '–';
  if (keyResult.type === 'boolean') return value >= 1 ? 'Done' : 'Not done';
  if (keyResult.type === 'milestone') return value >= 1 ? 'Done' : `${formatPercent(value)} done`;
  const number = numberFormat.format(value);
  if (!keyResult.unit) return number;
  return keyResult.unit === '%' ? `${number}%` : `${number} ${keyResult.unit}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a calendar day `YYYY-MM-DD` as "13 Nov 2026", the same on every machine. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** Describes a due date relative to the as-of date: "due today", "due in 3 days", "5 days overdue". */
export function describeDue(due: string, asOf: string): string {
  const days = daysBetween(asOf, due);
  const plural = (count: number) => `${count} day${count === 1 ? '' : 's'}`;
  if (days === 0) return 'due today';
  return days > 0 ? `due in ${plural(days)}` : `${plural(-days)} overdue`;
}

/** Describes what a key result measures, such as "From 50 days to 30 days" or "Stay at or above 99.9%". */
export function describeTarget(keyResult: KeyResult): string {
  if (keyResult.type === 'milestone') return 'Milestone';
  if (keyResult.type === 'boolean') return 'Done or not done';
  const target = formatValue(keyResult, keyResult.target);
  switch (keyResult.direction) {
    case 'stay-above':
      return `Stay at or above ${target}`;
    case 'stay-below':
      return `Stay at or below ${target}`;
    default:
      return `From ${formatValue(keyResult, keyResult.start)} to ${target}`;
  }
}
