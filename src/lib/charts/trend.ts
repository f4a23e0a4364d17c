import { formatDay, formatValue } from '../format.ts';
import type { KeyResult, Period } from '../model.ts';
import { dayToTime } from '../score/dates.ts';
import type { Observation } from '../score/engine.ts';
import { expectedProgress } from '../score/status.ts';

/** Size of the drawing area and its margins, in SVG user units. */
export const CHART = { width: 600, height: 220, left: 72, right: 16, top: 16, bottom: 36 };

export interface TrendChart {
  /** Reported values, as `x,y` pairs for a polyline, with the day and label of each. */
  points: { x: number; y: number; day: string; label: string }[];
  /** Expected line, from the period's start to its end, as two `x,y` points. */
  expected: [{ x: number; y: number }, { x: number; y: number }];
  /** Height of the target line. */
  targetY: number;
  /** Labels of the value axis: its top and bottom, as numbers; `unit` names what they count. */
  axis: { top: string; bottom: string; unit: string };
  /** Labels of the time axis: the period's first and last days. */
  dates: { start: string; end: string };
  /** Text alternative that describes the chart in words. */
  description: string;
}

/**
 * Lays out a key result's trend: its reported values over the period, against the expected line
 * and the target. Metrics are drawn in their unit; milestones and booleans as progress from 0
 * to 100%. Stay-above and stay-below key results expect the target all along.
 */
export function trendChart(
  period: Period,
  keyResult: KeyResult,
  history: Observation[],
  asOf: string,
): TrendChart {
  const metric = keyResult.type === 'metric';
  const target = metric ? (keyResult.target ?? 0) : 1;
  const staysAtTarget =
    keyResult.direction === 'stay-above' || keyResult.direction === 'stay-below';
  // The expected line starts at the start value, or at the target for stay-above and stay-below.
  let start = 0;
  if (metric) start = staysAtTarget ? target : (keyResult.start ?? 0);
  const values = history.map((observation) => observation.value);
  let low = Math.min(start, target, ...values);
  let high = Math.max(start, target, ...values);
  if (low === high) {
    low -= 1;
    high += 1;
  }

  const from = dayToTime(period.start);
  const to = dayToTime(period.end);
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const x = (day: string) => CHART.left + ((dayToTime(day) - from) / (to - from)) * plotWidth;
  const y = (value: number) => CHART.top + (1 - (value - low) / (high - low)) * plotHeight;
  const show = (value: number) =>
    metric ? formatValue(keyResult, value) : `${Math.round(value * 100)}%`;

  const points = history.map((observation) => ({
    x: round(x(observation.date)),
    y: round(y(observation.value)),
    day: observation.date,
    label: `${formatDay(observation.date)}: ${show(observation.value)}`,
  }));

  // Whole numbers unless the range is small, so that "494.51 leads" reads as "495 leads".
  const precision = Math.abs(target - start) >= 10 ? 1 : 100;
  const expectedNow =
    Math.round((start + expectedProgress(period, asOf) * (target - start)) * precision) / precision;
  const latest = history.at(-1);
  const description = latest
    ? `${keyResult.title}: ${show(history[0]!.value)} on ${formatDay(history[0]!.date)}, ${show(latest.value)} on ${formatDay(latest.date)}. Expected by ${formatDay(asOf)}: ${show(staysAtTarget ? target : expectedNow)}; target ${show(target)}.`
    : `${keyResult.title}: no check-in yet; target ${show(target)}.`;

  return {
    points,
    expected: [
      { x: CHART.left, y: round(y(start)) },
      { x: CHART.width - CHART.right, y: round(y(target)) },
    ],
    targetY: round(y(target)),
    axis: {
      top: axisNumber.format(metric ? high : high * 100),
      bottom: axisNumber.format(metric ? low : low * 100),
      unit: metric ? (keyResult.unit ?? '') : '% done',
    },
    dates: { start: formatDay(period.start), end: formatDay(period.end) },
    description,
  };
}

const axisNumber = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 1,
});

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
