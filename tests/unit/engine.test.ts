import { describe, expect, test } from 'vitest';
import { keyResultKey, scorePortfolio } from '../../src/lib/score/engine.ts';
import { checkIn, defaultConfig, keyResult, model, objective, q4 } from '../support/model.ts';

const SALES = '2026-q4/sales/grow';

function salesObjective() {
  return objective({
    id: SALES,
    keyResults: [
      keyResult({ id: 'sqls', start: 0, target: 1500, weight: 2 }),
      keyResult({ id: 'conversion', start: 12, target: 18 }),
      keyResult({ id: 'cycle', direction: 'decrease', start: 50, target: 30 }),
      keyResult({ id: 'partners', type: 'milestone', start: undefined, target: undefined }),
    ],
  });
}

const checkIns = [
  checkIn(SALES, '2026-10-16', [
    { keyResult: 'sqls', value: 300, confidence: 8 },
    { keyResult: 'cycle', value: 55 },
  ]),
  checkIn(SALES, '2026-11-13', [
    { keyResult: 'sqls', value: 600 },
    { keyResult: 'conversion', value: 19.5 },
    { keyResult: 'partners', value: 0.45, confidence: 3 },
  ]),
  checkIn(SALES, '2026-12-11', [{ keyResult: 'sqls', value: 1400 }]),
];

const at = (asOf: string) =>
  scorePortfolio(model([salesObjective()], checkIns), defaultConfig, asOf);
const kr = (asOf: string, id: string) => at(asOf).keyResults.get(keyResultKey(SALES, id))!;

describe('key result scores as of 15 Nov 2026', () => {
  // Expected progress is (15 Nov − 1 Oct) / (31 Dec − 1 Oct) = 45 / 91 ≈ 0.4945.
  test('increase uses the latest check-in before the as-of date', () => {
    const result = kr('2026-11-15', 'sqls');
    expect(result.value).toBe(600);
    expect(result.progress).toBeCloseTo(0.4, 10);
    expect(result.score).toBeCloseTo(0.4, 10);
    expect(result.status).toBe('on-track');
  });

  test('overachievement shows above 100% and scores 1', () => {
    const result = kr('2026-11-15', 'conversion');
    expect(result.progress).toBeCloseTo(1.25, 10);
    expect(result.score).toBe(1);
    expect(result.status).toBe('achieved');
  });

  test('decrease worse than the start scores 0, never negative', () => {
    const result = kr('2026-11-15', 'cycle');
    expect(result.value).toBe(55);
    expect(result.progress).toBeCloseTo(-0.25, 10);
    expect(result.score).toBe(0);
    expect(result.status).toBe('off-track');
  });

  test('milestone on track with low confidence is at risk', () => {
    const result = kr('2026-11-15', 'partners');
    expect(result.progress).toBeCloseTo(0.45, 10);
    expect(result.confidence).toBe(3);
    expect(result.status).toBe('at-risk');
  });

  test('latest confidence carries over when an update omits it', () => {
    expect(kr('2026-11-15', 'sqls').confidence).toBe(8);
  });

  test('objective score is the weighted mean of its key results', () => {
    // (0.4 × 2 + 1 + 0 + 0.45) / 5 = 0.45
    expect(at('2026-11-15').objectives.get(SALES)!.score).toBeCloseTo(0.45, 10);
  });
});

describe('as-of dates around the period', () => {
  test('before the start every key result has no check-in', () => {
    const card = at('2026-09-30');
    const statuses = [...card.keyResults.values()].map((result) => result.status);
    expect(statuses).toEqual(['no-check-in', 'no-check-in', 'no-check-in', 'no-check-in']);
    expect(card.periods.get(q4.id)!.expected).toBe(0);
    expect(card.periods.get(q4.id)!.phase).toBe('upcoming');
  });

  test('before the start a metric takes its start value', () => {
    const result = kr('2026-09-30', 'conversion');
    expect(result.value).toBe(12);
    expect(result.score).toBe(0);
  });

  test('after the end the period is closed and expected is 1', () => {
    const card = at('2027-01-15');
    expect(card.periods.get(q4.id)!.phase).toBe('closed');
    expect(card.periods.get(q4.id)!.expected).toBe(1);
  });

  test('after the end the last check-in counts', () => {
    const result = kr('2027-01-15', 'sqls');
    expect(result.value).toBe(1400);
    expect(result.progress).toBeCloseTo(1400 / 1500, 10);
    expect(result.status).toBe('on-track');
  });

  test('a check-in on the as-of date counts', () => {
    expect(kr('2026-11-13', 'sqls').value).toBe(600);
    expect(kr('2026-11-12', 'sqls').value).toBe(300);
  });
});

describe('hand grades', () => {
  const graded = objective({
    id: '2026-q4/sales/graded',
    keyResults: [
      keyResult({
        id: 'deals',
        target: 20,
        grade: { score: 0.7, note: 'Two deals slipped to January.' },
      }),
      keyResult({ id: 'churn', direction: 'stay-below', start: undefined, target: 2 }),
    ],
  });
  const card = scorePortfolio(
    model(
      [graded],
      [
        checkIn(graded.id, '2026-12-18', [
          { keyResult: 'deals', value: 17 },
          { keyResult: 'churn', value: 1.5 },
        ]),
      ],
    ),
    defaultConfig,
    '2027-01-05',
  );

  test('the grade replaces the computed score', () => {
    const deals = card.keyResults.get(keyResultKey(graded.id, 'deals'))!;
    expect(deals.computedScore).toBeCloseTo(0.85, 10);
    expect(deals.score).toBe(0.7);
    expect(deals.band).toBe('green');
  });

  test('the grade rolls up into the objective', () => {
    // (0.7 + 1) / 2
    expect(card.objectives.get(graded.id)!.score).toBeCloseTo(0.85, 10);
  });
});

describe('alignment', () => {
  const company = objective({ id: '2026-q4/company/win', team: 'company' });
  const sales = objective({
    id: '2026-q4/sales/a',
    parent: company.id,
    keyResults: [keyResult({ id: 'x' })],
  });
  const marketing = objective({
    id: '2026-q4/marketing/b',
    team: 'marketing',
    parent: sales.id,
    keyResults: [keyResult({ id: 'y' })],
  });
  const support = objective({
    id: '2026-q4/support/c',
    team: 'support',
    parent: company.id,
    keyResults: [keyResult({ id: 'z' })],
  });
  const card = scorePortfolio(
    model(
      [company, sales, marketing, support],
      [
        checkIn(sales.id, '2026-11-01', [{ keyResult: 'x', value: 60 }]),
        checkIn(marketing.id, '2026-11-01', [{ keyResult: 'y', value: 20 }]),
        checkIn(support.id, '2026-11-01', [{ keyResult: 'z', value: 90 }]),
      ],
    ),
    defaultConfig,
    '2026-11-15',
  );

  test('an objective without key results takes the mean of its children', () => {
    // mean(0.6, 0.9)
    expect(card.objectives.get(company.id)!.score).toBeCloseTo(0.75, 10);
    expect(card.objectives.get(company.id)!.children).toEqual([sales.id, support.id]);
  });

  test('a parent with key results shows its children beside its own score', () => {
    const result = card.objectives.get(sales.id)!;
    expect(result.score).toBeCloseTo(0.6, 10);
    expect(result.childrenScore).toBeCloseTo(0.2, 10);
  });

  test('team and period scores are means of objective scores', () => {
    const period = card.periods.get(q4.id)!;
    expect(period.teams.get('sales')!.score).toBeCloseTo(0.6, 10);
    expect(period.teams.get('company')!.score).toBeCloseTo(0.75, 10);
    // mean(0.75, 0.6, 0.2, 0.9)
    expect(period.score).toBeCloseTo(0.6125, 10);
  });

  test('status counts cover every key result of the period', () => {
    const counts = card.periods.get(q4.id)!.statusCounts;
    expect(counts['on-track'] + counts['off-track'] + counts['at-risk'] + counts.achieved).toBe(3);
    expect(counts['off-track']).toBe(1);
  });
});

describe('objectives without data', () => {
  test('an objective with neither key results nor children has no score', () => {
    const card = scorePortfolio(
      model([objective({ id: '2026-q4/sales/empty' })]),
      defaultConfig,
      '2026-11-15',
    );
    const result = card.objectives.get('2026-q4/sales/empty')!;
    expect(result.score).toBeUndefined();
    expect(result.status).toBe('no-check-in');
    expect(card.periods.get(q4.id)!.score).toBeUndefined();
  });

  test('a key result without check-ins scores from its start value', () => {
    const card = scorePortfolio(
      model([
        objective({
          id: '2026-q4/sales/new',
          keyResults: [keyResult({ id: 'k', start: 10, target: 20 })],
        }),
      ]),
      defaultConfig,
      '2026-11-15',
    );
    const result = card.keyResults.get(keyResultKey('2026-q4/sales/new', 'k'))!;
    expect(result.value).toBe(10);
    expect(result.score).toBe(0);
    expect(result.status).toBe('no-check-in');
    expect(result.lastCheckIn).toBeUndefined();
  });
});
