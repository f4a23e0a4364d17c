import type { PortalConfig } from '../schemas/index.ts';
import type { Action, CheckIn, ContentModel, Objective, Period, Person, Team } from './model.ts';
import { groupBy, scorePortfolio, type Scorecard } from './score/engine.ts';
import type { Hidden } from './visibility.ts';

/** The content model, its scores and the look-ups that pages need, built once per build. */
export interface Portal {
  asOf: string;
  config: PortalConfig;
  model: ContentModel;
  scorecard: Scorecard;
  /** Periods by start date, oldest first. */
  periods: Period[];
  /** The period that contains the as-of date, else the latest that started before it. */
  currentPeriod?: Period;
  periodById: Map<string, Period>;
  teamById: Map<string, Team>;
  personById: Map<string, Person>;
  objectiveById: Map<string, Objective>;
  checkInById: Map<string, CheckIn>;
  actionById: Map<string, Action>;
  objectivesByPeriod: Map<string, Objective[]>;
  objectivesByTeam: Map<string, Objective[]>;
  childObjectives: Map<string, Objective[]>;
  childTeams: Map<string, Team[]>;
  /** Check-ins of each objective on or before the as-of date, newest first. */
  checkInsByObjective: Map<string, CheckIn[]>;
  actionsByObjective: Map<string, Action[]>;
  /** Periods and teams that have private objectives this build leaves out. */
  hidden: Hidden;
  /** True in an internal build, which shows private objectives. */
  includesPrivate: boolean;
}

/** Treatment of private objectives in a build; see `applyVisibility`. */
export interface VisibilityOptions {
  hidden: Hidden;
  includesPrivate: boolean;
}

const NOTHING_HIDDEN: VisibilityOptions = {
  hidden: { periods: new Set(), teams: new Set() },
  includesPrivate: false,
};

/** Scores the content and indexes it for the pages. */
export function createPortal(
  model: ContentModel,
  config: PortalConfig,
  asOf: string,
  visibility: VisibilityOptions = NOTHING_HIDDEN,
): Portal {
  const periods = [...model.periods].sort(
    (a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  const started = periods.filter((period) => period.start <= asOf);
  const currentPeriod =
    started.find((period) => period.end >= asOf) ?? started.at(-1) ?? periods[0];

  const checkIns = model.checkIns
    .filter((checkIn) => checkIn.date <= asOf)
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));

  const portal: Portal = {
    asOf,
    config,
    model,
    scorecard: scorePortfolio(model, config, asOf),
    periods,
    periodById: new Map(periods.map((period) => [period.id, period])),
    teamById: new Map(model.teams.map((team) => [team.id, team])),
    personById: new Map(model.people.map((person) => [person.id, person])),
    objectiveById: new Map(model.objectives.map((objective) => [objective.id, objective])),
    checkInById: new Map(model.checkIns.map((checkIn) => [checkIn.id, checkIn])),
    actionById: new Map(model.actions.map((action) => [action.id, action])),
    objectivesByPeriod: groupBy(model.objectives, (objective) => objective.period),
    objectivesByTeam: groupBy(model.objectives, (objective) => objective.team),
    childObjectives: groupBy(
      model.objectives.filter((objective) => objective.parent),
      (objective) => objective.parent!,
    ),
    childTeams: groupBy(
      model.teams.filter((team) => team.parent),
      (team) => team.parent!,
    ),
    checkInsByObjective: groupBy(checkIns, (checkIn) => checkIn.objective),
    actionsByObjective: groupBy(model.actions, (action) => action.objective),
    hidden: visibility.hidden,
    includesPrivate: visibility.includesPrivate,
  };
  if (currentPeriod) portal.currentPeriod = currentPeriod;
  return portal;
}

/** Lists teams depth-first from the roots, each with its depth, so that a page can indent them. */
export function teamTree(portal: Portal): { team: Team; depth: number }[] {
  const rows: { team: Team; depth: number }[] = [];
  const visit = (team: Team, depth: number) => {
    rows.push({ team, depth });
    for (const child of portal.childTeams.get(team.id) ?? []) visit(child, depth + 1);
  };
  for (const root of portal.model.teams.filter(
    (team) => !team.parent || !portal.teamById.has(team.parent),
  )) {
    visit(root, 0);
  }
  return rows;
}
