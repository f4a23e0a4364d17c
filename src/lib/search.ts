import { ACTION_STATUS_LABELS } from './actions.ts';
import { BAND_LABELS, formatDay, formatScore, STATUS_LABELS } from './format.ts';
import type { Action, CheckIn, Objective } from './model.ts';
import type { Portal } from './portal.ts';
import { keyResultKey } from './score/engine.ts';

/** Kinds of indexed pages, as the search page's type filter lists them. */
export const SEARCH_TYPES = [
  'Objective',
  'Key result',
  'Check-in',
  'Action',
  'Retrospective',
] as const;

/** Search record of an indexed page: Pagefind's filters, sort keys and result metadata. */
export interface SearchRecord {
  type: (typeof SEARCH_TYPES)[number];
  period: string;
  /** Team name; absent on pages about the whole company, such as a retrospective. */
  team?: string;
  /** Owner's name; absent on pages about the whole company. */
  owner?: string;
  /** Status, grade band or action status; absent for check-ins. */
  status?: string;
  /** Day used by the date sort, YYYY-MM-DD. */
  date: string;
  /** Score from 0 to 1 used by the score sort. */
  score: number;
  /** Title shown in results, when the page's heading alone would not say enough. */
  title?: string;
}

function names(portal: Portal, objective: Objective) {
  return {
    period: portal.periodById.get(objective.period)?.name ?? objective.period,
    team: portal.teamById.get(objective.team)?.name ?? objective.team,
  };
}

function statusLabel(portal: Portal, objective: Objective, status: string, band?: string): string {
  const closed = portal.scorecard.periods.get(objective.period)?.phase === 'closed';
  if (closed && band) return BAND_LABELS[band as keyof typeof BAND_LABELS];
  return STATUS_LABELS[status as keyof typeof STATUS_LABELS];
}

const ownerName = (portal: Portal, personId: string) =>
  portal.personById.get(personId)?.name ?? personId;

/** Describes an objective page for search. */
export function objectiveRecord(portal: Portal, objective: Objective): SearchRecord {
  const score = portal.scorecard.objectives.get(objective.id)!;
  return {
    type: 'Objective',
    ...names(portal, objective),
    owner: ownerName(portal, objective.owner),
    status: statusLabel(portal, objective, score.status, score.band),
    date: portal.periodById.get(objective.period)?.start ?? portal.asOf,
    score: score.score ?? 0,
  };
}

/** Describes a key result page for search; its date is its latest check-in. */
export function keyResultRecord(
  portal: Portal,
  objective: Objective,
  keyResultId: string,
): SearchRecord {
  const result = portal.scorecard.keyResults.get(keyResultKey(objective.id, keyResultId))!;
  return {
    type: 'Key result',
    ...names(portal, objective),
    owner: ownerName(portal, result.keyResult.owner),
    status: statusLabel(portal, objective, result.status, result.band),
    date: result.lastCheckIn ?? portal.periodById.get(objective.period)?.start ?? portal.asOf,
    score: result.score,
  };
}

/** Describes a check-in page for search; its score is its objective's. */
export function checkInRecord(portal: Portal, checkIn: CheckIn): SearchRecord {
  const objective = portal.objectiveById.get(checkIn.objective)!;
  return {
    type: 'Check-in',
    title: `Check-in of ${formatDay(checkIn.date)}: ${objective.title}`,
    ...names(portal, objective),
    owner: ownerName(portal, checkIn.author),
    date: checkIn.date,
    score: portal.scorecard.objectives.get(objective.id)?.score ?? 0,
  };
}

/** Describes an action page for search; its score is the mean of the key results it serves. */
export function actionRecord(portal: Portal, action: Action): SearchRecord {
  const objective = portal.objectiveById.get(action.objective)!;
  const scores = action.keyResults.map(
    (id) => portal.scorecard.keyResults.get(keyResultKey(objective.id, id))?.score ?? 0,
  );
  return {
    type: 'Action',
    ...names(portal, objective),
    owner: ownerName(portal, action.owner),
    status: ACTION_STATUS_LABELS[action.status],
    date: action.due,
    score: scores.length ? scores.reduce((sum, value) => sum + value, 0) / scores.length : 0,
  };
}

/** Describes a period's retrospective for search; its status is the band of its average. */
export function retrospectiveRecord(portal: Portal, periodId: string): SearchRecord {
  const period = portal.periodById.get(periodId)!;
  const score = portal.scorecard.periods.get(periodId)!;
  const record: SearchRecord = {
    type: 'Retrospective',
    title: `${period.name} retrospective`,
    period: period.name,
    date: period.end,
    score: score.score ?? 0,
  };
  if (score.band) record.status = BAND_LABELS[score.band];
  return record;
}

/** Formats a score as a sort key that sorts as a number. */
export const scoreSortKey = (score: number) => formatScore(Math.min(1, Math.max(0, score)));
