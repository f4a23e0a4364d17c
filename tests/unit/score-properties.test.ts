import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CheckIn, ContentModel, KeyResult, Objective, Period } from '../../src/lib/model.ts';
import { addDays } from '../../src/lib/score/dates.ts';
import { keyResultKey, scorePortfolio } from '../../src/lib/score/engine.ts';
import { computeProgress, toNumber, toScore } from '../../src/lib/score/progress.ts';
import {
  classifyStatus,
  expectedProgress,
  gradeBand,
  STATUSES,
  type GradeBand,
  type Status,
} from '../../src/lib/score/status.ts';
import {
  configSchema,
  DIRECTIONS,
  keyResultSchema,
  MAX_MAGNITUDE,
  plainReference,
  type PortalConfig,
} from '../../src/schemas/index.ts';

/** Runs of each property on a single function, which is fast. */
const FUNCTION_RUNS = 1000;
/** Runs of each property on a whole generated portfolio. */
const PORTFOLIO_RUNS = 300;

// Generators. Every number, key result and configuration is one that the schemas accept.

/** A number in a numeric field: small integers, which authors mostly write, and any double. */
const fieldNumber = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE, noNaN: true }),
);

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** A weight greater than 0, down to the smallest subnormal double. */
const weight = fc.oneof(
  fc.constant(1),
  fc.integer({ min: 1, max: 5 }),
  fc.double({ min: Number.MIN_VALUE, max: MAX_MAGNITUDE, noNaN: true }),
);

/** Two different numbers, smaller first. */
const ascendingPair = fc
  .tuple(fieldNumber, fieldNumber)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

const grade = fc.option(
  fc.record({ score: fraction, note: fc.constant('Graded at the close of the period.') }),
  { nil: undefined },
);

/** Builds a key result with id `kr`, which {@link portfolio} replaces with a unique id. */
function baseKeyResult(
  extra: Partial<KeyResult>,
  handGrade: { score: number; note: string } | undefined,
) {
  const keyResult: KeyResult = {
    id: 'kr',
    title: 'Key result',
    owner: 'owner',
    type: 'metric',
    direction: 'increase',
    weight: 1,
    ...extra,
  };
  if (handGrade) keyResult.grade = handGrade;
  return keyResult;
}

const increaseKeyResult = fc
  .record({ pair: ascendingPair, weight, grade })
  .map(({ pair: [start, target], weight, grade }) =>
    baseKeyResult({ direction: 'increase', start, target, weight }, grade),
  );

const decreaseKeyResult = fc
  .record({ pair: ascendingPair, weight, grade })
  .map(({ pair: [target, start], weight, grade }) =>
    baseKeyResult({ direction: 'decrease', start, target, weight }, grade),
  );

/** A stay-above or stay-below key result. Its start is optional and may lie on either side. */
const thresholdKeyResult = fc
  .record({
    direction: fc.constantFrom('stay-above', 'stay-below'),
    start: fc.option(fieldNumber, { nil: undefined }),
    target: fieldNumber,
    weight,
    grade,
  })
  .map(({ direction, start, target, weight, grade }) =>
    baseKeyResult(
      start === undefined ? { direction, target, weight } : { direction, start, target, weight },
      grade,
    ),
  );

/** A milestone or boolean key result, with any direction, which the schema accepts and ignores. */
const nonMetricKeyResult = fc
  .record({
    type: fc.constantFrom('milestone', 'boolean'),
    direction: fc.constantFrom(...DIRECTIONS),
    weight,
    grade,
  })
  .map(({ type, direction, weight, grade }) => baseKeyResult({ type, direction, weight }, grade));

const anyKeyResult = fc.oneof(
  increaseKeyResult,
  decreaseKeyResult,
  thresholdKeyResult,
  nonMetricKeyResult,
);

type Reported = CheckIn['updates'][number]['value'];

/** Seed of a reported value, from which {@link reportedValue} picks what fits the key result. */
const valueSeed = fc.record({
  number: fieldNumber,
  fraction,
  flag: fc.constantFrom<boolean | 'done'>(true, false, 'done'),
});

type ValueSeed = typeof valueSeed extends fc.Arbitrary<infer T> ? T : never;

/** Picks a value that the loader accepts for a key result of this type. */
function reportedValue(keyResult: KeyResult, seed: ValueSeed): Reported {
  if (keyResult.type === 'metric') return seed.number;
  if (keyResult.type === 'milestone') return seed.flag === 'done' ? 'done' : seed.fraction;
  return seed.flag;
}

const keyResultWithValue = fc
  .tuple(anyKeyResult, valueSeed)
  .map(([keyResult, seed]) => ({ keyResult, value: reportedValue(keyResult, seed) }));

/** Calendar days from 1900 to 2200, within the range of `YYYY-MM-DD` that the schema accepts. */
const DAY_COUNT = 300 * 366;
const day = fc.integer({ min: 0, max: DAY_COUNT }).map((offset) => addDays('1900-01-01', offset));

/** A period whose start comes before its end, as the schema requires. */
const period = fc
  .tuple(day, fc.integer({ min: 1, max: 400 }))
  .map(([start, length]) => ({ start, end: addDays(start, length) }));

/** Sorts two numbers, so that a pair of thresholds is in the order the schema requires. */
const sortPair = (a: number, b: number) => [Math.min(a, b), Math.max(a, b)] as const;

/**
 * A configuration built from any thresholds in the ranges that the schema accepts, each pair put
 * in the order that the schema requires.
 */
const config: fc.Arbitrary<PortalConfig> = fc
  .record({
    onTrackMargins: fc.tuple(fraction, fraction),
    lowConfidence: fc.integer({ min: 0, max: 10 }),
    bands: fc.tuple(fraction, fraction),
    sweetSpot: fc.tuple(fraction, fraction),
  })
  .map(({ onTrackMargins, lowConfidence, bands, sweetSpot }) => {
    const [onTrackMargin, atRiskMargin] = sortPair(...onTrackMargins);
    const [yellow, green] = sortPair(...bands);
    const [sweetSpotMin, sweetSpotMax] = sortPair(...sweetSpot);
    return configSchema.parse({
      status: { onTrackMargin, atRiskMargin, lowConfidence },
      grades: { yellow, green, sweetSpotMin, sweetSpotMax, overreach: 0, sandbagging: 1 },
    });
  });

/** A configuration whose thresholds are in the documented order, which the schema enforces. */
const orderedConfig = config;

const confidence = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });

/**
 * A content model: up to 3 periods, up to 6 objectives in 3 teams, each with up to 5 key results
 * and a parent among the objectives before it, and up to 12 check-ins. Check-in dates lie around
 * the periods, also outside them, and updates may name a key result twice, because the engine
 * must score such content too. Each value is a model with an as-of date near its periods.
 */
const portfolio = fc
  .record({
    periods: fc.array(period, { minLength: 1, maxLength: 3 }),
    objectives: fc.array(
      fc.record({
        period: fc.nat(),
        team: fc.integer({ min: 0, max: 2 }),
        parent: fc.option(fc.nat(), { nil: undefined }),
        keyResults: fc.array(anyKeyResult, { maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    checkIns: fc.array(
      fc.record({
        objective: fc.nat(),
        day: fc.integer({ min: -30, max: 430 }),
        updates: fc.array(fc.record({ keyResult: fc.nat(), seed: valueSeed, confidence }), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
      { maxLength: 12 },
    ),
    asOf: fc.integer({ min: -30, max: 430 }),
  })
  .map((draft) => {
    const periods: Period[] = draft.periods.map((dates, index) => ({
      id: `p${index}`,
      name: `Period ${index}`,
      ...dates,
    }));
    const firstDay = periods.map((item) => item.start).sort()[0]!;
    const objectives: Objective[] = draft.objectives.map((item, index) => {
      const objective: Objective = {
        id: `o${index}`,
        slug: `o${index}`,
        title: `Objective ${index}`,
        period: periods[item.period % periods.length]!.id,
        team: `t${item.team}`,
        owner: 'owner',
        visibility: 'public',
        keyResults: item.keyResults.map((keyResult, position) => ({
          ...keyResult,
          id: `kr${position}`,
        })),
      };
      if (item.parent !== undefined && index > 0) objective.parent = `o${item.parent % index}`;
      return objective;
    });
    const checkIns: CheckIn[] = [];
    draft.checkIns.forEach((item, index) => {
      const objective = objectives[item.objective % objectives.length]!;
      if (objective.keyResults.length === 0) return;
      const updates = item.updates.map((update) => {
        const keyResult = objective.keyResults[update.keyResult % objective.keyResults.length]!;
        const value = reportedValue(keyResult, update.seed);
        return update.confidence === undefined
          ? { keyResult: keyResult.id, value }
          : { keyResult: keyResult.id, value, confidence: update.confidence };
      });
      checkIns.push({
        id: `c${index}`,
        date: addDays(firstDay, item.day),
        author: 'owner',
        objective: objective.id,
        updates,
      });
    });
    const model: ContentModel = {
      periods,
      teams: [],
      people: [],
      objectives,
      checkIns,
      actions: [],
    };
    return { model, asOf: addDays(firstDay, draft.asOf) };
  });

// Helpers for the checks.

/** Asserts that a score is a number in [0, 1]. `label` names it in the failure message. */
function expectScore(value: number | undefined, label: string) {
  expect(value, `${label} is undefined`).toBeDefined();
  expect(Number.isNaN(value), `${label} is NaN`).toBe(false);
  expect(value, `${label} is below 0`).toBeGreaterThanOrEqual(0);
  expect(value, `${label} is above 1`).toBeLessThanOrEqual(1);
}

/** Asserts the same as {@link expectScore} when the score is defined. */
function expectOptionalScore(value: number | undefined, label: string) {
  if (value !== undefined) expectScore(value, label);
}

const progressOf = (keyResult: KeyResult, value: Reported) =>
  computeProgress(keyResult, toNumber(value));

/** Ranks statuses from worst to best. classifyStatus never returns `no-check-in`. */
const STATUS_RANK: Record<Exclude<Status, 'no-check-in'>, number> = {
  'off-track': 0,
  'at-risk': 1,
  'on-track': 2,
  achieved: 3,
};

const BAND_RANK: Record<GradeBand, number> = { red: 0, yellow: 1, green: 2 };

/** Any progress, including overachievement and progress worse than the start. */
const anyProgress = fc.oneof(
  fraction,
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.double({ noNaN: true }),
);

/** Two values of `arbitrary`, smaller first. Days written YYYY-MM-DD sort as text. */
const ordered = <T extends number | string>(arbitrary: fc.Arbitrary<T>) =>
  fc.tuple(arbitrary, arbitrary).map(([a, b]): [T, T] => (a <= b ? [a, b] : [b, a]));

describe('key result generators', () => {
  test('every generated key result passes the schema', () => {
    const schema = keyResultSchema(plainReference);
    fc.assert(
      fc.property(anyKeyResult, (keyResult) => {
        const result = schema.safeParse(keyResult);
        expect(result.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });
});

describe('computeProgress properties', () => {
  test('score is in [0, 1] and never NaN', () => {
    fc.assert(
      fc.property(keyResultWithValue, ({ keyResult, value }) => {
        const progress = progressOf(keyResult, value);
        expect(Number.isNaN(progress)).toBe(false);
        expectScore(toScore(progress), 'score');
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('increase is 0 at the start and 1 at the target', () => {
    fc.assert(
      fc.property(increaseKeyResult, (keyResult) => {
        expect(computeProgress(keyResult, keyResult.start)).toBe(0);
        expect(computeProgress(keyResult, keyResult.target)).toBe(1);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('decrease is 0 at the start and 1 at the target', () => {
    fc.assert(
      fc.property(decreaseKeyResult, (keyResult) => {
        expect(computeProgress(keyResult, keyResult.start)).toBe(0);
        expect(computeProgress(keyResult, keyResult.target)).toBe(1);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('increase never drops as the value rises', () => {
    fc.assert(
      fc.property(increaseKeyResult, ordered(fieldNumber), (keyResult, [lower, higher]) => {
        expect(computeProgress(keyResult, lower)).toBeLessThanOrEqual(
          computeProgress(keyResult, higher),
        );
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('decrease never drops as the value falls', () => {
    fc.assert(
      fc.property(decreaseKeyResult, ordered(fieldNumber), (keyResult, [lower, higher]) => {
        expect(computeProgress(keyResult, higher)).toBeLessThanOrEqual(
          computeProgress(keyResult, lower),
        );
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('stay-above never drops as the value rises', () => {
    const stayAbove = thresholdKeyResult.map((item) => ({
      ...item,
      direction: 'stay-above' as const,
    }));
    fc.assert(
      fc.property(stayAbove, ordered(fieldNumber), (keyResult, [lower, higher]) => {
        expect(computeProgress(keyResult, lower)).toBeLessThanOrEqual(
          computeProgress(keyResult, higher),
        );
        expect(computeProgress(keyResult, keyResult.target)).toBe(1);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('stay-below never drops as the value falls', () => {
    const stayBelow = thresholdKeyResult.map((item) => ({
      ...item,
      direction: 'stay-below' as const,
    }));
    fc.assert(
      fc.property(stayBelow, ordered(fieldNumber), (keyResult, [lower, higher]) => {
        expect(computeProgress(keyResult, higher)).toBeLessThanOrEqual(
          computeProgress(keyResult, lower),
        );
        expect(computeProgress(keyResult, keyResult.target)).toBe(1);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('milestone never drops as more is done', () => {
    const milestone = nonMetricKeyResult.map((item) => ({ ...item, type: 'milestone' as const }));
    fc.assert(
      fc.property(milestone, ordered(fraction), (keyResult, [lower, higher]) => {
        expect(progressOf(keyResult, lower)).toBeLessThanOrEqual(progressOf(keyResult, higher));
        expect(progressOf(keyResult, higher)).toBeLessThanOrEqual(progressOf(keyResult, 'done'));
        expect(progressOf(keyResult, 'done')).toBe(1);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('boolean is 0 when false and 1 when true or done', () => {
    const boolean = nonMetricKeyResult.map((item) => ({ ...item, type: 'boolean' as const }));
    fc.assert(
      fc.property(boolean, (keyResult) => {
        expect(progressOf(keyResult, false)).toBe(0);
        expect(progressOf(keyResult, true)).toBe(1);
        expect(progressOf(keyResult, 'done')).toBe(1);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('mirrored increase equals decrease', () => {
    fc.assert(
      fc.property(increaseKeyResult, fieldNumber, (keyResult, value) => {
        const mirrored: KeyResult = {
          ...keyResult,
          direction: 'decrease',
          start: -keyResult.start!,
          target: -keyResult.target!,
        };
        // Adding 0 turns -0 into 0, so that only the magnitude is compared.
        expect(computeProgress(mirrored, -value) + 0).toBe(computeProgress(keyResult, value) + 0);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('mirrored decrease equals increase', () => {
    fc.assert(
      fc.property(decreaseKeyResult, fieldNumber, (keyResult, value) => {
        const mirrored: KeyResult = {
          ...keyResult,
          direction: 'increase',
          start: -keyResult.start!,
          target: -keyResult.target!,
        };
        expect(computeProgress(mirrored, -value) + 0).toBe(computeProgress(keyResult, value) + 0);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('mirrored stay-above equals stay-below', () => {
    fc.assert(
      fc.property(thresholdKeyResult, fieldNumber, (keyResult, value) => {
        const mirrored: KeyResult = {
          ...keyResult,
          direction: keyResult.direction === 'stay-above' ? 'stay-below' : 'stay-above',
          target: -keyResult.target!,
        };
        expect(computeProgress(mirrored, -value)).toBe(computeProgress(keyResult, value));
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });
});

describe('scorePortfolio properties', () => {
  test('every score is in [0, 1] and never NaN', () => {
    fc.assert(
      fc.property(portfolio, config, ({ model, asOf }, settings) => {
        const card = scorePortfolio(model, settings, asOf);

        for (const [key, result] of card.keyResults) {
          expect(Number.isNaN(result.progress), `progress of ${key} is NaN`).toBe(false);
          expectScore(result.computedScore, `computed score of ${key}`);
          expectScore(result.score, `score of ${key}`);
        }
        for (const [id, result] of card.objectives) {
          expectOptionalScore(result.score, `score of ${id}`);
          expectOptionalScore(result.keyResultScore, `key result score of ${id}`);
          expectOptionalScore(result.childrenScore, `children score of ${id}`);
        }
        for (const [id, result] of card.periods) {
          expectOptionalScore(result.score, `score of ${id}`);
          expectScore(result.expected, `expected progress of ${id}`);
          for (const [team, group] of result.teams) {
            expectOptionalScore(group.score, `score of ${team} in ${id}`);
          }
        }
      }),
      { numRuns: PORTFOLIO_RUNS },
    );
  });

  test('every objective with key results has a score', () => {
    fc.assert(
      fc.property(portfolio, config, ({ model, asOf }, settings) => {
        const card = scorePortfolio(model, settings, asOf);
        for (const objective of model.objectives) {
          if (objective.keyResults.length === 0) continue;
          expectScore(card.objectives.get(objective.id)?.score, `score of ${objective.id}`);
        }
      }),
      { numRuns: PORTFOLIO_RUNS },
    );
  });

  test('status counts add up to the key results', () => {
    fc.assert(
      fc.property(portfolio, config, ({ model, asOf }, settings) => {
        const card = scorePortfolio(model, settings, asOf);
        for (const period of model.periods) {
          const keyResults = model.objectives
            .filter((objective) => objective.period === period.id)
            .flatMap((objective) => objective.keyResults);
          const counts = card.periods.get(period.id)!.statusCounts;
          const total = STATUSES.reduce((sum, status) => sum + counts[status], 0);
          expect(total).toBe(keyResults.length);
        }
      }),
      { numRuns: PORTFOLIO_RUNS },
    );
  });

  test('key result score matches computeProgress', () => {
    fc.assert(
      fc.property(portfolio, config, ({ model, asOf }, settings) => {
        const card = scorePortfolio(model, settings, asOf);
        for (const objective of model.objectives) {
          for (const keyResult of objective.keyResults) {
            const result = card.keyResults.get(keyResultKey(objective.id, keyResult.id))!;
            const expected = keyResult.grade
              ? keyResult.grade.score
              : toScore(computeProgress(keyResult, result.value));
            expect(result.score).toBe(expected);
          }
        }
      }),
      { numRuns: PORTFOLIO_RUNS },
    );
  });
});

describe('expectedProgress properties', () => {
  test('is in [0, 1] and never NaN', () => {
    fc.assert(
      fc.property(period, day, (dates, asOf) => {
        expectScore(expectedProgress(dates, asOf), 'expected progress');
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('never drops as the as-of date moves on', () => {
    fc.assert(
      fc.property(period, ordered(day), (dates, [earlier, later]) => {
        expect(expectedProgress(dates, earlier)).toBeLessThanOrEqual(
          expectedProgress(dates, later),
        );
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('is 0 on the first day and 1 on the last', () => {
    fc.assert(
      fc.property(period, (dates) => {
        expect(expectedProgress(dates, dates.start)).toBe(0);
        expect(expectedProgress(dates, dates.end)).toBe(1);
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });
});

describe('status and grade band properties', () => {
  test('status never drops as progress rises', () => {
    fc.assert(
      fc.property(
        config,
        fraction,
        ordered(anyProgress),
        confidence,
        (settings, expected, [lower, higher], latest) => {
          const worse = classifyStatus(lower, expected, settings.status, latest);
          const better = classifyStatus(higher, expected, settings.status, latest);
          expect(STATUS_RANK[worse]).toBeLessThanOrEqual(STATUS_RANK[better]);
        },
      ),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('status never rises as expected progress rises', () => {
    fc.assert(
      fc.property(
        config,
        anyProgress,
        ordered(fraction),
        confidence,
        (settings, progress, [lower, higher], latest) => {
          const early = classifyStatus(progress, lower, settings.status, latest);
          const late = classifyStatus(progress, higher, settings.status, latest);
          expect(STATUS_RANK[late]).toBeLessThanOrEqual(STATUS_RANK[early]);
        },
      ),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('confidence never raises the status', () => {
    fc.assert(
      fc.property(
        config,
        anyProgress,
        fraction,
        fc.integer({ min: 0, max: 10 }),
        (settings, progress, expected, latest) => {
          const without = classifyStatus(progress, expected, settings.status);
          const withConfidence = classifyStatus(progress, expected, settings.status, latest);
          expect(STATUS_RANK[withConfidence]).toBeLessThanOrEqual(STATUS_RANK[without]);
        },
      ),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('status thresholds apply in their order', () => {
    fc.assert(
      fc.property(orderedConfig, fraction, (settings, expected) => {
        const { onTrackMargin, atRiskMargin } = settings.status;
        const status = (progress: number) => classifyStatus(progress, expected, settings.status);
        expect(status(1)).toBe('achieved');
        expect(STATUS_RANK[status(expected - onTrackMargin)]).toBeGreaterThanOrEqual(
          STATUS_RANK['on-track'],
        );
        expect(STATUS_RANK[status(expected - atRiskMargin)]).toBeGreaterThanOrEqual(
          STATUS_RANK['at-risk'],
        );
        if (expected - atRiskMargin > 1e-6) expect(status(0)).toBe('off-track');
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('grade band never drops as the score rises', () => {
    fc.assert(
      fc.property(config, ordered(fraction), (settings, [lower, higher]) => {
        expect(BAND_RANK[gradeBand(lower, settings.grades)]).toBeLessThanOrEqual(
          BAND_RANK[gradeBand(higher, settings.grades)],
        );
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });

  test('grade bands apply in their order', () => {
    fc.assert(
      fc.property(orderedConfig, (settings) => {
        const { yellow, green } = settings.grades;
        expect(gradeBand(green, settings.grades)).toBe('green');
        expect(BAND_RANK[gradeBand(yellow, settings.grades)]).toBeGreaterThanOrEqual(
          BAND_RANK.yellow,
        );
        if (yellow > 1e-6) expect(gradeBand(0, settings.grades)).toBe('red');
      }),
      { numRuns: FUNCTION_RUNS },
    );
  });
});
