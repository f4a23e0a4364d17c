import type { PortalConfig } from '../schemas/index.ts';
import { movementSince } from './execution.ts';
import type { Action, KeyResult, Objective, Period } from './model.ts';
import type { Portal } from './portal.ts';
import { keyResultKey, type KeyResultScore, type PeriodScore } from './score/engine.ts';
import { gradeBand, type GradeBand } from './score/status.ts';

/** A score rounded to a grade, as Google-style grading gives it: 0.0 to 1.0 in steps of 0.1. */
export interface Grade {
  score: number;
  grade: number;
  /** Band of the rounded grade, so that a grade shown as 0.7 is always green. */
  band: GradeBand;
}

export interface GradedKeyResult extends Grade {
  objective: Objective;
  keyResult: KeyResult;
  value?: number;
  /** True when an owner graded the key result by hand at the close of the period. */
  handGraded: boolean;
}

export interface GradedObjective extends Partial<Grade> {
  objective: Objective;
  keyResults: GradedKeyResult[];
}

/** Verdict on a period's average against the stretch sweet spot. */
export type Verdict = 'sandbagging' | 'above' | 'sweet-spot' | 'below' | 'overreach';

export interface ActionOutcome {
  action: Action;
  objective: Objective;
  /**
   * Progress of each key result the action serves, on the day the action started and at the
   * period's end; empty when the action never started.
   */
  keyResults: { keyResult: KeyResult; progressBefore: number; progressAfter: number }[];
}

export interface Retrospective {
  period: Period;
  score: PeriodScore;
  /** Mean of the objectives' scores, unrounded. */
  average?: number;
  verdict?: Verdict;
  objectives: GradedObjective[];
  /** Number of objectives and key results at each grade from 0.0 to 1.0. */
  distribution: { grade: number; objectives: number; keyResults: number }[];
  /** Key results graded in the green band. */
  achieved: GradedKeyResult[];
  /** Key results graded in the red band. */
  missed: GradedKeyResult[];
  /** Average of each closed period up to this one, oldest first. */
  trend: { period: Period; average?: number }[];
  /** Objectives of later periods that carry over one of this period's objectives. */
  carriedOver: { from: Objective; to: Objective }[];
  /** Corrective actions on this period's objectives. */
  actions: ActionOutcome[];
}

/** Rounds a score to one decimal, the precision a grade is given with. */
export function toGrade(score: number, grades: PortalConfig['grades']): Grade {
  // Rounds 0.65 up to 0.7, whatever the binary error of score × 10.
  const grade = Math.round(Number((score * 10).toFixed(6))) / 10;
  return { score, grade, band: gradeBand(grade, grades) };
}

/** Compares a closed period's average with the sweet spot and the sandbagging and overreach limits. */
export function judgeAverage(average: number, grades: PortalConfig['grades']): Verdict {
  if (average > grades.sandbagging) return 'sandbagging';
  if (average < grades.overreach) return 'overreach';
  if (average > grades.sweetSpotMax) return 'above';
  if (average < grades.sweetSpotMin) return 'below';
  return 'sweet-spot';
}

/** Describes the verdict on a period's average in a sentence fragment, such as "in the sweet spot". */
export function describeVerdict(
  retrospective: Pick<Retrospective, 'verdict'>,
  grades: PortalConfig['grades'],
): string {
  const sweetSpot = `${grades.sweetSpotMin.toFixed(1)}–${grades.sweetSpotMax.toFixed(1)} sweet spot`;
  switch (retrospective.verdict) {
    case 'sandbagging':
      return `above ${grades.sandbagging.toFixed(1)}, possible sandbagging: targets met almost in full were probably set too low`;
    case 'overreach':
      return `below ${grades.overreach.toFixed(1)}, possible overreach: the targets were out of reach`;
    case 'above':
      return `above the ${sweetSpot}`;
    case 'below':
      return `below the ${sweetSpot}`;
    case 'sweet-spot':
      return `in the ${sweetSpot} of stretch goals`;
    default:
      return 'not graded, because no objective has a score';
  }
}

/** Lists the periods that have a retrospective: those closed at the as-of date, oldest first. */
export function closedPeriods(portal: Portal): Period[] {
  return portal.periods.filter(
    (period) => portal.scorecard.periods.get(period.id)?.phase === 'closed',
  );
}

/** Gathers a closed period's grades, their distribution, carried-over objectives and actions. */
export function buildRetrospective(portal: Portal, periodId: string): Retrospective {
  const period = portal.periodById.get(periodId);
  const score = portal.scorecard.periods.get(periodId);
  if (!period || !score) throw new Error(`period "${periodId}" not found in the portal`);
  const grades = portal.config.grades;

  const objectives = (portal.objectivesByPeriod.get(periodId) ?? []).map((objective) =>
    gradeObjective(portal, objective),
  );
  const keyResults = objectives.flatMap((objective) => objective.keyResults);

  const distribution = Array.from({ length: 11 }, (_, tenth) => ({
    grade: tenth / 10,
    objectives: objectives.filter((objective) => objective.grade === tenth / 10).length,
    keyResults: keyResults.filter((keyResult) => keyResult.grade === tenth / 10).length,
  }));

  const ownIds = new Set(objectives.map(({ objective }) => objective.id));
  const carriedOver = portal.model.objectives
    .filter((objective) => objective.continues && ownIds.has(objective.continues))
    .map((objective) => ({ from: portal.objectiveById.get(objective.continues!)!, to: objective }));

  const retrospective: Retrospective = {
    period,
    score,
    objectives,
    distribution,
    achieved: keyResults.filter((keyResult) => keyResult.band === 'green'),
    missed: keyResults.filter((keyResult) => keyResult.band === 'red'),
    trend: closedPeriods(portal)
      .filter((other) => other.start <= period.start)
      .map((other) => withAverage(other, portal.scorecard.periods.get(other.id)?.score)),
    carriedOver,
    actions: correctiveActions(portal, objectives),
  };
  if (score.score !== undefined) {
    retrospective.average = score.score;
    retrospective.verdict = judgeAverage(score.score, grades);
  }
  return retrospective;
}

function withAverage(period: Period, average: number | undefined) {
  return average === undefined ? { period } : { period, average };
}

function gradeObjective(portal: Portal, objective: Objective): GradedObjective {
  const grades = portal.config.grades;
  const keyResults = objective.keyResults.flatMap((keyResult) => {
    const result = portal.scorecard.keyResults.get(keyResultKey(objective.id, keyResult.id));
    return result ? [gradeKeyResult(objective, result, grades)] : [];
  });
  const score = portal.scorecard.objectives.get(objective.id)?.score;
  return score === undefined
    ? { objective, keyResults }
    : { objective, keyResults, ...toGrade(score, grades) };
}

function gradeKeyResult(
  objective: Objective,
  result: KeyResultScore,
  grades: PortalConfig['grades'],
): GradedKeyResult {
  const graded: GradedKeyResult = {
    objective,
    keyResult: result.keyResult,
    handGraded: result.keyResult.grade !== undefined,
    ...toGrade(result.score, grades),
  };
  if (result.value !== undefined) graded.value = result.value;
  return graded;
}

function correctiveActions(portal: Portal, objectives: GradedObjective[]): ActionOutcome[] {
  return objectives.flatMap(({ objective }) =>
    (portal.actionsByObjective.get(objective.id) ?? [])
      .filter((action) => action.kind === 'corrective')
      .map((action) => ({
        action,
        objective,
        keyResults: action.keyResults.flatMap((id) => {
          const result = portal.scorecard.keyResults.get(keyResultKey(objective.id, id));
          // An action that never started has no effect to measure.
          if (!result || !action.started) return [];
          const { progressBefore, progressAfter } = movementSince(result, action.started);
          return [{ keyResult: result.keyResult, progressBefore, progressAfter }];
        }),
      })),
  );
}
