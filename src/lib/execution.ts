import { isOpen } from './actions.ts';
import type { Action, Objective } from './model.ts';
import type { Portal } from './portal.ts';
import { addDays, daysBetween } from './score/dates.ts';
import { keyResultKey, type KeyResultScore } from './score/engine.ts';
import { classifyStatus, expectedProgress } from './score/status.ts';
import { daysWithoutCheckIn } from './staleness.ts';

/** A key result of an open period that is at risk or off track. */
export interface Deviation {
  objective: Objective;
  result: KeyResultScore;
  /** First day of the current run of check-ins at risk or off track. */
  since: string;
  /** Days from `since` to the as-of date. */
  days: number;
  /** Open corrective actions that serve the key result; none makes it unaddressed. */
  correctiveActions: Action[];
}

const deviating = (status: string) => status === 'at-risk' || status === 'off-track';

/**
 * Finds the first day of a key result's current deviation. It walks back from the as-of date
 * and stops at the last day that was neither at risk nor off track, judged by the check-ins up
 * to that day against that day's expected progress. Status can change between check-ins,
 * because expected progress grows every day.
 */
function deviationStart(portal: Portal, objective: Objective, result: KeyResultScore): string {
  const period = portal.periodById.get(objective.period)!;
  const history = result.history;
  let since = portal.asOf;
  let index = history.length - 1;

  // Latest confidence reported up to each check-in, computed once instead of once per day.
  let latest: number | undefined;
  const confidenceAt = history.map((observation) => (latest = observation.confidence ?? latest));

  for (let day = portal.asOf; day >= period.start; day = addDays(day, -1)) {
    while (index >= 0 && history[index]!.date > day) index -= 1;
    if (index < 0) break;
    const confidence = confidenceAt[index];
    const expected = expectedProgress(period, day);
    const status = classifyStatus(
      history[index]!.progress,
      expected,
      portal.config.status,
      confidence,
    );
    if (!deviating(status)) break;
    since = day;
  }
  return since;
}

const deviationsByPortal = new WeakMap<Portal, Deviation[]>();

/**
 * Lists the deviations of open periods, the longest-running first. The list is computed once per
 * portal, because the dashboard and every team page read it.
 */
export function findDeviations(portal: Portal): Deviation[] {
  const cached = deviationsByPortal.get(portal);
  if (cached) return cached;

  const deviations: Deviation[] = [];
  for (const objective of portal.model.objectives) {
    if (portal.scorecard.periods.get(objective.period)?.phase !== 'open') continue;
    const actions = portal.actionsByObjective.get(objective.id) ?? [];
    for (const keyResult of objective.keyResults) {
      const result = portal.scorecard.keyResults.get(keyResultKey(objective.id, keyResult.id))!;
      if (!deviating(result.status)) continue;
      const since = deviationStart(portal, objective, result);
      deviations.push({
        objective,
        result,
        since,
        days: daysBetween(since, portal.asOf),
        correctiveActions: actions.filter(
          (action) =>
            action.kind === 'corrective' &&
            isOpen(action) &&
            action.keyResults.includes(keyResult.id),
        ),
      });
    }
  }
  deviations.sort((a, b) => b.days - a.days || a.objective.id.localeCompare(b.objective.id));
  deviationsByPortal.set(portal, deviations);
  return deviations;
}

/**
 * Tells how many days an open key result has gone without a check-in, when that is more than
 * `checkInCadenceDays`. {@link daysWithoutCheckIn} states the rule.
 */
export function staleDays(
  portal: Portal,
  objective: Objective,
  keyResultId: string,
): number | undefined {
  const period = portal.periodById.get(objective.period);
  const result = portal.scorecard.keyResults.get(keyResultKey(objective.id, keyResultId));
  if (!period || !result) return undefined;
  const facts = {
    period,
    keyResult: result.keyResult,
    lastCheckIn: result.lastCheckIn,
    achieved: result.status === 'achieved',
  };
  return daysWithoutCheckIn(facts, portal.asOf, portal.config.checks.checkInCadenceDays);
}

/** A key result's value and progress at two days, to show how it moved. */
export interface Movement {
  before?: number;
  after?: number;
  progressBefore: number;
  progressAfter: number;
}

/**
 * Tells how a key result moved from `day` to the as-of date: its latest reported value on or
 * before each day, or its start value before any check-in.
 */
export function movementSince(result: KeyResultScore, day: string): Movement {
  const atStart = result.keyResult.type === 'metric' ? result.keyResult.start : 0;
  const before = result.history.findLast((observation) => observation.date <= day);
  const movement: Movement = {
    progressBefore: before?.progress ?? 0,
    progressAfter: result.progress,
  };
  const valueBefore = before ? before.value : atStart;
  if (valueBefore !== undefined) movement.before = valueBefore;
  if (result.value !== undefined) movement.after = result.value;
  return movement;
}
