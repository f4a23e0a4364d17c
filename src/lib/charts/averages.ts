import type { PortalConfig } from '../../schemas/index.ts';
import type { Period } from '../model.ts';

/** Size of the drawing area and its margins, in SVG user units. */
export const AVERAGES_CHART = { width: 600, height: 200, left: 40, right: 16, top: 16, bottom: 40 };

export interface AveragesChart {
  /** One point per period that has an average, in period order. */
  points: { x: number; y: number; label: string; value: string; current: boolean }[];
  /** Labels of the time axis, one per period, at the same x as its point. */
  periods: { x: number; label: string }[];
  /** Top and bottom of the sweet-spot band. */
  sweetSpot: { top: number; bottom: number };
  /** Heights of the axis ticks at 0, 0.5 and 1. */
  ticks: { y: number; label: string }[];
  /** Text alternative that describes the chart in words. */
  description: string;
}

/**
 * Lays out the average score of each closed period, oldest first, against the sweet spot of
 * stretch goals. `current` names the period the chart belongs to, which the chart highlights.
 */
export function averagesChart(
  rows: { period: Period; average?: number }[],
  current: string,
  grades: PortalConfig['grades'],
): AveragesChart {
  const { width, height, left, right, top, bottom } = AVERAGES_CHART;
  const plotHeight = height - top - bottom;
  const step = (width - left - right) / Math.max(rows.length, 1);
  const xAt = (index: number) => left + (index + 0.5) * step;
  const yAt = (score: number) => top + (1 - score) * plotHeight;

  const points = rows.flatMap((row, index) =>
    row.average === undefined
      ? []
      : [
          {
            x: xAt(index),
            y: yAt(row.average),
            label: row.period.name,
            value: row.average.toFixed(2),
            current: row.period.id === current,
          },
        ],
  );
  const described = rows.map(
    (row) =>
      `${row.period.name} ${row.average === undefined ? 'not scored' : row.average.toFixed(2)}`,
  );
  return {
    points,
    periods: rows.map((row, index) => ({ x: xAt(index), label: row.period.name })),
    sweetSpot: { top: yAt(grades.sweetSpotMax), bottom: yAt(grades.sweetSpotMin) },
    ticks: [0, 0.5, 1].map((score) => ({ y: yAt(score), label: score.toFixed(1) })),
    description: `Average score of each closed period, against the ${grades.sweetSpotMin.toFixed(1)}–${grades.sweetSpotMax.toFixed(1)} sweet spot: ${described.join(', ')}.`,
  };
}
