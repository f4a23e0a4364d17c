import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { staleDays } from '../../src/lib/execution.ts';
import type { ContentModel } from '../../src/lib/model.ts';
import { createPortal } from '../../src/lib/portal.ts';
import { addDays } from '../../src/lib/score/dates.ts';
import { scorePortfolio } from '../../src/lib/score/engine.ts';
import { findStaleKeyResults } from '../../src/lib/staleness.ts';
import { ROOT } from '../support/build.ts';
import { mutateFixture } from '../support/fixture.ts';
import { checkIn, defaultConfig, keyResult, model, objective } from '../support/model.ts';

// Counts the score engine's runs while keeping its results.
vi.mock('../../src/lib/score/engine.ts', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../src/lib/score/engine.ts')>();
  return { ...engine, scorePortfolio: vi.fn(engine.scorePortfolio) };
});

/** Lists stale key results both ways: from check-in dates, and from a scored portal. */
function bothWays(content: ContentModel, asOf: string) {
  const fromDates = findStaleKeyResults(content, defaultConfig, asOf).map(
    (item) => `${item.objective.id}#${item.keyResult.id} ${item.days}`,
  );
  const portal = createPortal(content, defaultConfig, asOf);
  const fromScores = content.objectives.flatMap((item) =>
    item.keyResults.flatMap((result) => {
      const days = staleDays(portal, item, result.id);
      return days === undefined ? [] : [`${item.id}#${result.id} ${days}`];
    }),
  );
  return { fromDates, fromScores };
}

describe('staleness without the score engine', () => {
  test('validation finds stale key results without scoring', async () => {
    const contentDir = mutateFixture('staleness-unscored', [
      { file: 'checkins/2026-q4/2026-11-27.md', remove: true },
    ]);
    vi.mocked(scorePortfolio).mockClear();
    const result = await loadContent(path.join(ROOT, contentDir), {
      root: ROOT,
      asOf: '2026-12-01',
    });
    const stale = result.problems.filter((problem) => problem.rule === 'stale');
    expect(stale.length).toBe(3);
    expect(scorePortfolio).not.toHaveBeenCalled();
  });

  test('matches the scored portal on the sample company', async () => {
    const result = await loadContent(path.join(ROOT, 'content'), {
      root: ROOT,
      asOf: '2026-12-04',
      history: false,
    });
    let staleFound = 0;
    // Every fourth day from before the first quarter to after the last.
    for (let asOf = '2026-03-20'; asOf <= '2027-01-15'; asOf = addDays(asOf, 4)) {
      const { fromDates, fromScores } = bothWays(result.model!, asOf);
      expect(fromDates, asOf).toEqual(fromScores);
      staleFound += fromDates.length;
    }
    expect(staleFound).toBeGreaterThan(0);
  });

  const SALES = '2026-q4/sales/grow';
  const sales = objective({
    id: SALES,
    keyResults: [
      keyResult({ id: 'leads' }),
      keyResult({ id: 'launch', type: 'milestone', start: undefined, target: undefined }),
      keyResult({ id: 'graded', grade: { score: 0.5, note: 'Half done.' } }),
      keyResult({ id: 'churn', direction: 'decrease', start: 5, target: 3 }),
    ],
  });

  // 61 days from the start of Q4 2026 to 1 December.
  test.each([
    {
      name: 'achieved key results are not stale',
      stale: [],
      checkIns: [
        checkIn(SALES, '2026-10-02', [
          { keyResult: 'leads', value: 100 },
          { keyResult: 'launch', value: 'done' },
          { keyResult: 'churn', value: 2.9 },
        ]),
      ],
    },
    {
      name: 'the last of two check-ins on one day counts',
      stale: ['launch 61', 'churn 61'],
      checkIns: [
        { ...checkIn(SALES, '2026-10-02', [{ keyResult: 'leads', value: 100 }]), id: 'b' },
        { ...checkIn(SALES, '2026-10-02', [{ keyResult: 'leads', value: 10 }]), id: 'a' },
      ],
    },
    {
      name: 'check-ins after the as-of day do not count',
      stale: ['leads 61', 'launch 61', 'churn 61'],
      checkIns: [checkIn(SALES, '2026-12-30', [{ keyResult: 'churn', value: 4 }])],
    },
    {
      name: 'graded key results are not stale',
      stale: ['leads 61', 'churn 61'],
      checkIns: [checkIn(SALES, '2026-11-20', [{ keyResult: 'launch', value: 0.5 }])],
    },
  ])('$name', ({ checkIns, stale }) => {
    const { fromDates, fromScores } = bothWays(model([sales], checkIns), '2026-12-01');
    expect(fromDates).toEqual(stale.map((item) => `${SALES}#${item}`));
    expect(fromScores).toEqual(fromDates);
  });
});
