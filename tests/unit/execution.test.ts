import { describe, expect, test } from 'vitest';
import { isOverdue } from '../../src/lib/actions.ts';
import { findDeviations, staleDays } from '../../src/lib/execution.ts';
import type { Action, CheckIn } from '../../src/lib/model.ts';
import { createPortal } from '../../src/lib/portal.ts';
import { checkIn, defaultConfig, keyResult, model, objective } from '../support/model.ts';

const SALES = '2026-q4/sales/grow';
const sales = objective({
  id: SALES,
  keyResults: [
    keyResult({ id: 'leads', start: 0, target: 100 }),
    keyResult({ id: 'deals', start: 0, target: 10 }),
  ],
});

function action(overrides: Partial<Action> & { id: string }): Action {
  return {
    title: overrides.id,
    kind: 'corrective',
    objective: SALES,
    keyResults: ['leads'],
    owner: 'owner',
    due: '2026-12-01',
    status: 'in-progress',
    deviation: 'Behind plan.',
    cause: 'Budget moved.',
    ...overrides,
  };
}

function portalAt(asOf: string, checkIns: CheckIn[], actions: Action[] = []) {
  return createPortal({ ...model([sales], checkIns), actions }, defaultConfig, asOf);
}

// Expected progress in Q4 2026 is (day − 1 Oct) / 91 days.
const history = [
  // 16 Oct: expected 15/91 ≈ 0.165, progress 0.15 → on track.
  checkIn(SALES, '2026-10-16', [
    { keyResult: 'leads', value: 15 },
    { keyResult: 'deals', value: 2 },
  ]),
  // 30 Oct: expected 29/91 ≈ 0.319, progress 0.2 → at risk.
  checkIn(SALES, '2026-10-30', [
    { keyResult: 'leads', value: 20 },
    { keyResult: 'deals', value: 4 },
  ]),
  // 13 Nov: expected 43/91 ≈ 0.473, progress 0.2 → off track.
  checkIn(SALES, '2026-11-13', [
    { keyResult: 'leads', value: 20 },
    { keyResult: 'deals', value: 5 },
  ]),
];

describe('deviations', () => {
  test('start on the first day behind the line', () => {
    const [deviation] = findDeviations(portalAt('2026-11-15', history));
    expect(deviation!.result.keyResult.id).toBe('leads');
    expect(deviation!.result.status).toBe('off-track');
    // With 0.15 from 16 Oct, at risk once 0.15 < (day − 1 Oct) / 91 − 0.1, from 24 Oct.
    expect(deviation!.since).toBe('2026-10-24');
    expect(deviation!.days).toBe(22);
  });

  test('leave out key results on track', () => {
    // deals: 5/10 = 0.5 against 0.484 expected on 15 Nov.
    const ids = findDeviations(portalAt('2026-11-15', history)).map(
      (item) => item.result.keyResult.id,
    );
    expect(ids).toEqual(['leads']);
  });

  test('restart after a check-in back on track', () => {
    const recovered = [
      ...history,
      checkIn(SALES, '2026-11-20', [{ keyResult: 'leads', value: 60 }]),
      checkIn(SALES, '2026-11-27', [{ keyResult: 'leads', value: 45 }]),
    ];
    // 26 Nov: 0.6 ≥ 0.615 − 0.1 → on track; 27 Nov: 0.45 < 0.626 − 0.1 → at risk.
    const deviation = findDeviations(portalAt('2026-11-28', recovered)).find(
      (item) => item.result.keyResult.id === 'leads',
    );
    expect(deviation!.since).toBe('2026-11-27');
    expect(deviation!.days).toBe(1);
  });

  test.each([
    { name: 'an open corrective action', actions: [action({ id: 'a' })], addressed: true },
    {
      name: 'a blocked corrective action',
      actions: [action({ id: 'a', status: 'blocked' })],
      addressed: true,
    },
    {
      name: 'a planned corrective action',
      actions: [action({ id: 'a', status: 'planned' })],
      addressed: true,
    },
    {
      name: 'a done corrective action',
      actions: [action({ id: 'a', status: 'done' })],
      addressed: false,
    },
    {
      name: 'a cancelled corrective action',
      actions: [action({ id: 'a', status: 'cancelled' })],
      addressed: false,
    },
    { name: 'an initiative', actions: [action({ id: 'a', kind: 'initiative' })], addressed: false },
    {
      name: 'an action on another key result',
      actions: [action({ id: 'a', keyResults: ['deals'] })],
      addressed: false,
    },
  ])('are addressed by $name: $addressed', ({ actions, addressed }) => {
    const [deviation] = findDeviations(portalAt('2026-11-15', history, actions));
    expect(deviation!.correctiveActions.length > 0).toBe(addressed);
  });

  test('ignore closed periods', () => {
    expect(findDeviations(portalAt('2027-01-10', history))).toEqual([]);
  });
});

describe('staleness with a 14-day cadence', () => {
  const last = [checkIn(SALES, '2026-11-01', [{ keyResult: 'leads', value: 40 }])];

  test.each([
    { asOf: '2026-11-15', days: undefined, name: '14 days after the last check-in' },
    { asOf: '2026-11-16', days: 15, name: '15 days after the last check-in' },
  ])('$name', ({ asOf, days }) => {
    expect(staleDays(portalAt(asOf, last), sales, 'leads')).toBe(days);
  });

  test('counts from the period start without check-ins', () => {
    expect(staleDays(portalAt('2026-10-15', []), sales, 'deals')).toBeUndefined();
    expect(staleDays(portalAt('2026-10-16', []), sales, 'deals')).toBe(15);
  });

  test('leaves achieved key results alone', () => {
    const done = [checkIn(SALES, '2026-10-05', [{ keyResult: 'leads', value: 100 }])];
    expect(staleDays(portalAt('2026-12-01', done), sales, 'leads')).toBeUndefined();
  });

  test('leaves closed periods alone', () => {
    expect(staleDays(portalAt('2027-01-20', last), sales, 'leads')).toBeUndefined();
  });
});

describe('overdue actions', () => {
  test.each([
    { due: '2026-11-15', status: 'in-progress', overdue: false, name: 'due today' },
    { due: '2026-11-14', status: 'in-progress', overdue: true, name: 'due yesterday' },
    { due: '2026-11-14', status: 'planned', overdue: true, name: 'planned and past due' },
    { due: '2026-11-14', status: 'blocked', overdue: true, name: 'blocked and past due' },
    { due: '2026-11-14', status: 'done', overdue: false, name: 'done' },
    { due: '2026-11-14', status: 'cancelled', overdue: false, name: 'cancelled' },
  ] as const)('$name', ({ due, status, overdue }) => {
    expect(isOverdue({ due, status }, '2026-11-15')).toBe(overdue);
  });
});
