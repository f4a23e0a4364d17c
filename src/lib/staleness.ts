import type { PortalConfig } from '../schemas/index.ts';
import type { ContentModel, KeyResult, Objective, Period } from './model.ts';
import { daysBetween } from './score/dates.ts';
import { keyResultKey } from './score/engine.ts';
import { computeProgress, toNumber } from './score/progress.ts';
import { classifyStatus, periodPhase } from './score/status.ts';

/** Facts about one key result that the staleness rule reads. */
export interface StalenessFacts {
  period: Period;
  keyResult: KeyResult;
  /** Day of the latest check-in on or before the as-of date; undefined without one. */
  lastCheckIn?: string | undefined;
  /** Whether the latest reported value reaches the target (status achieved). */
  achieved: boolean;
}

/**
 * Counts the days an open key result has gone without a check-in, when that is more than
 * `cadenceDays`. Counting starts at the last check-in, or at the period's start without one.
 * Returns undefined when the key result is not stale, and for a period that is not open or a key
 * result that is achieved or graded.
 */
export function daysWithoutCheckIn(
  facts: StalenessFacts,
  asOf: string,
  cadenceDays: number,
): number | undefined {
  if (periodPhase(facts.period, asOf) !== 'open') return undefined;
  if (facts.achieved || facts.keyResult.grade) return undefined;
  const days = daysBetween(facts.lastCheckIn ?? facts.period.start, asOf);
  return days > cadenceDays ? days : undefined;
}

/** A stale key result, as {@link findStaleKeyResults} lists it. */
export interface StaleKeyResult {
  objective: Objective;
  /** Position of the key result in its objective's `keyResults`. */
  index: number;
  keyResult: KeyResult;
  days: number;
  lastCheckIn?: string;
  period: Period;
}

/**
 * Lists the stale key results of open periods, in content order. It reads only each key
 * result's latest check-in on or before `asOf`, so content validation can run it without the
 * score engine. The result matches `staleDays` on a scored portal: the latest check-in is the
 * one the engine takes (latest date, then last id), and achieved means the same progress test
 * as the engine's status.
 */
export function findStaleKeyResults(
  model: ContentModel,
  config: PortalConfig,
  asOf: string,
): StaleKeyResult[] {
  const periods = new Map(model.periods.map((period) => [period.id, period]));
  const open = new Map(
    model.objectives
      .filter((objective) => {
        const period = periods.get(objective.period);
        return period !== undefined && periodPhase(period, asOf) === 'open';
      })
      .map((objective) => [objective.id, objective]),
  );

  const latest = new Map<string, { date: string; checkIn: string; value: number }>();
  for (const checkIn of model.checkIns) {
    if (checkIn.date > asOf || !open.has(checkIn.objective)) continue;
    for (const update of checkIn.updates) {
      const key = keyResultKey(checkIn.objective, update.keyResult);
      const current = latest.get(key);
      const newer =
        !current ||
        checkIn.date > current.date ||
        (checkIn.date === current.date && checkIn.id.localeCompare(current.checkIn) > 0);
      if (newer) {
        latest.set(key, { date: checkIn.date, checkIn: checkIn.id, value: toNumber(update.value) });
      }
    }
  }

  const stale: StaleKeyResult[] = [];
  for (const objective of open.values()) {
    const period = periods.get(objective.period)!;
    objective.keyResults.forEach((keyResult, index) => {
      const last = latest.get(keyResultKey(objective.id, keyResult.id));
      // The engine's status is achieved exactly when classifyStatus returns it, whatever the
      // expected progress and confidence.
      const achieved =
        last !== undefined &&
        classifyStatus(computeProgress(keyResult, last.value), 0, config.status) === 'achieved';
      const facts = { period, keyResult, lastCheckIn: last?.date, achieved };
      const days = daysWithoutCheckIn(facts, asOf, config.checks.checkInCadenceDays);
      if (days === undefined) return;
      const item: StaleKeyResult = { objective, index, keyResult, days, period };
      if (last) item.lastCheckIn = last.date;
      stale.push(item);
    });
  }
  return stale;
}
