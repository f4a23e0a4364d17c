import type { PortalConfig } from '../../schemas/index.ts';
import type { CheckIn, ContentModel, KeyResult, Objective, ReportedValue } from '../model.ts';
import { computeProgress, mean, toNumber, toScore, weightedMean } from './progress.ts';
import {
  classifyStatus,
  expectedProgress,
  gradeBand,
  periodPhase,
  STATUSES,
  type GradeBand,
  type PeriodPhase,
  type Status,
} from './status.ts';

/** One reported value of a key result, in date order. */
export interface Observation {
  date: string;
  checkIn: string;
  author: string;
  reported: ReportedValue;
  /** The reported value as a number: see {@link toNumber}. */
  value: number;
  progress: number;
  confidence?: number;
  note?: string;
}

export interface KeyResultScore {
  objective: string;
  keyResult: KeyResult;
  /** Current value: the latest reported on or before the as-of date, else the start value. */
  value?: number;
  /** Raw progress; may exceed 1 or fall below 0. */
  progress: number;
  /** Progress clamped to [0, 1]. */
  computedScore: number;
  /** The score that rolls up: the hand grade when there is one, else the computed score. */
  score: number;
  status: Status;
  band: GradeBand;
  confidence?: number;
  lastCheckIn?: string;
  /** Observations on or before the as-of date, oldest first. */
  history: Observation[];
}

export interface ObjectiveScore {
  objective: string;
  /** The score that rolls up: from key results, or from children when it has no key results. */
  score?: number;
  /** Weighted mean of the key results' scores; undefined without key results. */
  keyResultScore?: number;
  /** Mean of the child objectives' scores; undefined without children. */
  childrenScore?: number;
  children: string[];
  status: Status;
  band?: GradeBand;
}

export interface GroupScore {
  score?: number;
  band?: GradeBand;
  objectiveCount: number;
}

export interface PeriodScore extends GroupScore {
  period: string;
  phase: PeriodPhase;
  expected: number;
  teams: Map<string, GroupScore>;
  /** Number of key results in each status. */
  statusCounts: Record<Status, number>;
}

/** Every computed number of a build, keyed by id; pages read it and never recompute. */
export interface Scorecard {
  asOf: string;
  periods: Map<string, PeriodScore>;
  objectives: Map<string, ObjectiveScore>;
  /** Keyed by `objective-id#key-result-id`. */
  keyResults: Map<string, KeyResultScore>;
}

/** Builds the key of a key result in {@link Scorecard.keyResults}. */
export const keyResultKey = (objective: string, keyResult: string) => `${objective}#${keyResult}`;

/**
 * Scores every key result, objective, team and period as of `asOf`. It reads each check-in
 * once and each objective once, so it runs in time linear in the size of the content.
 */
export function scorePortfolio(model: ContentModel, config: PortalConfig, asOf: string): Scorecard {
  const periods = new Map(model.periods.map((period) => [period.id, period]));
  const observations = collectObservations(model, asOf);
  const keyResults = new Map<string, KeyResultScore>();

  for (const objective of model.objectives) {
    const period = periods.get(objective.period);
    const expected = period ? expectedProgress(period, asOf) : 0;
    for (const keyResult of objective.keyResults) {
      const key = keyResultKey(objective.id, keyResult.id);
      keyResults.set(
        key,
        scoreKeyResult(objective, keyResult, observations.get(key) ?? [], expected, config),
      );
    }
  }

  const objectives = scoreObjectives(model.objectives, keyResults, periods, asOf, config);
  const periodScores = new Map<string, PeriodScore>();
  const objectivesByPeriod = groupBy(model.objectives, (objective) => objective.period);
  for (const period of model.periods) {
    const inPeriod = objectivesByPeriod.get(period.id) ?? [];
    const teams = new Map<string, GroupScore>();
    for (const [teamId, teamObjectives] of groupBy(inPeriod, (objective) => objective.team)) {
      teams.set(teamId, groupScore(teamObjectives, objectives, config));
    }
    const statusCounts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
      Status,
      number
    >;
    for (const objective of inPeriod) {
      for (const keyResult of objective.keyResults) {
        statusCounts[keyResults.get(keyResultKey(objective.id, keyResult.id))!.status] += 1;
      }
    }
    periodScores.set(period.id, {
      ...groupScore(inPeriod, objectives, config),
      period: period.id,
      phase: periodPhase(period, asOf),
      expected: expectedProgress(period, asOf),
      teams,
      statusCounts,
    });
  }

  return { asOf, periods: periodScores, objectives, keyResults };
}

/** Groups the check-in updates on or before `asOf` by key result, oldest first. */
function collectObservations(model: ContentModel, asOf: string): Map<string, Observation[]> {
  const objectives = new Map(model.objectives.map((objective) => [objective.id, objective]));
  const byKeyResult = new Map<string, Observation[]>();
  const checkIns = model.checkIns
    .filter((checkIn) => checkIn.date <= asOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  for (const checkIn of checkIns) {
    const objective = objectives.get(checkIn.objective);
    if (!objective) continue;
    for (const update of checkIn.updates) {
      const keyResult = objective.keyResults.find((item) => item.id === update.keyResult);
      if (!keyResult) continue;
      const key = keyResultKey(objective.id, keyResult.id);
      const list = byKeyResult.get(key) ?? [];
      list.push(observe(checkIn, keyResult, update));
      byKeyResult.set(key, list);
    }
  }
  return byKeyResult;
}

function observe(
  checkIn: CheckIn,
  keyResult: KeyResult,
  update: CheckIn['updates'][number],
): Observation {
  const value = toNumber(update.value);
  const observation: Observation = {
    date: checkIn.date,
    checkIn: checkIn.id,
    author: checkIn.author,
    reported: update.value,
    value,
    progress: computeProgress(keyResult, value),
  };
  if (update.confidence !== undefined) observation.confidence = update.confidence;
  if (update.note !== undefined) observation.note = update.note;
  return observation;
}

function scoreKeyResult(
  objective: Objective,
  keyResult: KeyResult,
  history: Observation[],
  expected: number,
  config: PortalConfig,
): KeyResultScore {
  const latest = history.at(-1);
  let value: number | undefined = keyResult.type === 'metric' ? keyResult.start : 0;
  if (latest) value = latest.value;
  const progress = computeProgress(keyResult, value);
  const computedScore = toScore(progress);
  const score = keyResult.grade ? keyResult.grade.score : computedScore;
  const confidence = history.findLast((item) => item.confidence !== undefined)?.confidence;

  const result: KeyResultScore = {
    objective: objective.id,
    keyResult,
    progress,
    computedScore,
    score,
    status: latest ? classifyStatus(progress, expected, config.status, confidence) : 'no-check-in',
    band: gradeBand(score, config.grades),
    history,
  };
  if (value !== undefined) result.value = value;
  if (confidence !== undefined) result.confidence = confidence;
  if (latest) result.lastCheckIn = latest.date;
  return result;
}

function scoreObjectives(
  objectives: Objective[],
  keyResults: Map<string, KeyResultScore>,
  periods: Map<string, { start: string; end: string }>,
  asOf: string,
  config: PortalConfig,
): Map<string, ObjectiveScore> {
  const children = new Map<string, string[]>();
  for (const objective of objectives) {
    if (!objective.parent) continue;
    const siblings = children.get(objective.parent);
    if (siblings) siblings.push(objective.id);
    else children.set(objective.parent, [objective.id]);
  }
  const byId = new Map(objectives.map((objective) => [objective.id, objective]));
  const scores = new Map<string, ObjectiveScore>();

  // Depth-first, so that a parent is scored after its children; `visiting` guards against a
  // cycle, which content validation reports before scoring runs.
  const visiting = new Set<string>();
  const visit = (objective: Objective): ObjectiveScore => {
    const done = scores.get(objective.id);
    if (done) return done;
    visiting.add(objective.id);

    const childIds = children.get(objective.id) ?? [];
    const childScores = childIds
      .filter((id) => !visiting.has(id))
      .map((id) => visit(byId.get(id)!));
    const own = objective.keyResults.map((keyResult) =>
      keyResults.get(keyResultKey(objective.id, keyResult.id))!,
    );
    const keyResultScore = weightedMean(
      own.map((item) => ({ value: item.score, weight: item.keyResult.weight })),
    );
    const childrenScore = mean(childScores.map((child) => child.score));
    const score = own.length > 0 ? keyResultScore : childrenScore;

    const checkedIn =
      own.length > 0
        ? own.some((item) => item.history.length > 0)
        : childScores.some((child) => child.status !== 'no-check-in');
    const period = periods.get(objective.period);
    const expected = period ? expectedProgress(period, asOf) : 0;
    const result: ObjectiveScore = {
      objective: objective.id,
      children: childIds,
      status:
        checkedIn && score !== undefined
          ? classifyStatus(score, expected, config.status)
          : 'no-check-in',
    };
    if (score !== undefined) {
      result.score = score;
      result.band = gradeBand(score, config.grades);
    }
    if (keyResultScore !== undefined) result.keyResultScore = keyResultScore;
    if (childrenScore !== undefined) result.childrenScore = childrenScore;

    visiting.delete(objective.id);
    scores.set(objective.id, result);
    return result;
  };

  for (const objective of objectives) visit(objective);
  return scores;
}

function groupScore(
  objectives: Objective[],
  scores: Map<string, ObjectiveScore>,
  config: PortalConfig,
): GroupScore {
  const score = mean(objectives.map((objective) => scores.get(objective.id)?.score));
  const group: GroupScore = { objectiveCount: objectives.length };
  if (score !== undefined) {
    group.score = score;
    group.band = gradeBand(score, config.grades);
  }
  return group;
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
