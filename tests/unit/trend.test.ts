import { describe, expect, test } from 'vitest';
import { CHART, trendChart } from '../../src/lib/charts/trend.ts';
import { keyResultKey, scorePortfolio } from '../../src/lib/score/engine.ts';
import { checkIn, defaultConfig, keyResult, model, objective, q4 } from '../support/model.ts';

const leads = keyResult({ id: 'leads', title: 'Leads', start: 0, target: 1000, unit: 'leads' });
const sales = objective({ id: '2026-q4/sales/grow', keyResults: [leads] });
const checkIns = [
  checkIn(sales.id, '2026-10-01', [{ keyResult: 'leads', value: 0, confidence: 8 }]),
  checkIn(sales.id, '2026-11-15', [{ keyResult: 'leads', value: 400, confidence: 4 }]),
];
const history = scorePortfolio(
  model([sales], checkIns),
  defaultConfig,
  '2026-11-15',
).keyResults.get(keyResultKey(sales.id, 'leads'))!.history;
const chart = trendChart(q4, leads, history, '2026-11-15');
const bottom = CHART.height - CHART.bottom;
const right = CHART.width - CHART.right;

describe('trendChart', () => {
  test('places the first value at the start of the period and the bottom', () => {
    expect(chart.points[0]).toMatchObject({ x: CHART.left, y: bottom });
  });

  test('places values by day and size', () => {
    // 15 Nov is 45 of the period's 91 days; 400 is 40% of the range from 0 to 1,000.
    const x = CHART.left + (45 / 91) * (right - CHART.left);
    const y = bottom - 0.4 * (bottom - CHART.top);
    expect(chart.points[1]!.x).toBeCloseTo(x, 0);
    expect(chart.points[1]!.y).toBeCloseTo(y, 0);
  });

  test('draws the expected line from start to target', () => {
    expect(chart.expected).toEqual([
      { x: CHART.left, y: bottom },
      { x: right, y: CHART.top },
    ]);
    expect(chart.targetY).toBe(CHART.top);
  });

  test('describes the trend in words', () => {
    expect(chart.description).toBe(
      'Leads: 0 leads on 1 Oct 2026, 400 leads on 15 Nov 2026. Expected by 15 Nov 2026: 495 leads; target 1,000 leads.',
    );
  });

  test('labels the axis with numbers and names the unit', () => {
    expect(chart.axis).toEqual({ top: '1K', bottom: '0', unit: 'leads' });
  });

  test('shows milestones as progress', () => {
    const milestone = keyResult({
      id: 'launch',
      title: 'Launch',
      type: 'milestone',
      start: undefined,
      target: undefined,
    });
    const drawn = trendChart(q4, milestone, [], '2026-11-15');
    expect(drawn.axis).toEqual({ top: '100', bottom: '0', unit: '% done' });
    expect(drawn.description).toBe('Launch: no check-in yet; target 100%.');
  });
});
