import type {
  ActionData,
  CheckInData,
  EntryReference,
  KeyResultData,
  ObjectiveData,
  PeriodData,
  PersonData,
  TeamData,
} from '../schemas/index.ts';

/** An entry as both Astro's content collections and the content loader return it. */
export interface RawEntry<T> {
  id: string;
  data: T;
  /** Path of the source file relative to the content folder, such as `objectives/2026-q4/x.md`. */
  source?: string | undefined;
}

/** Path of an entry's source file relative to the content folder, when known. */
interface Sourced {
  source?: string;
}

/** Parsed entries of every collection, before they become a {@link ContentModel}. */
export interface RawContent {
  periods: RawEntry<PeriodData>[];
  teams: RawEntry<TeamData>[];
  people: RawEntry<PersonData>[];
  objectives: RawEntry<ObjectiveData>[];
  checkins: RawEntry<CheckInData>[];
  actions: RawEntry<ActionData>[];
}

export type Period = PeriodData & { id: string };
export type Team = Omit<TeamData, 'parent' | 'lead'> & {
  id: string;
  parent?: string;
  lead: string;
};
export type Person = Omit<PersonData, 'team'> & { id: string; team: string };
export type KeyResult = Omit<KeyResultData, 'owner'> & { owner: string };

export interface Objective
  extends
    Sourced,
    Omit<ObjectiveData, 'period' | 'team' | 'owner' | 'parent' | 'continues' | 'keyResults'> {
  id: string;
  /** Last segment of the id, used in the objective's URL. */
  slug: string;
  period: string;
  team: string;
  owner: string;
  parent?: string;
  continues?: string;
  keyResults: KeyResult[];
}

/** A value as a check-in reports it, with percentages read for the key result's type. */
export type ReportedValue = number | boolean | 'done';

export interface KeyResultUpdate extends Omit<CheckInData['updates'][number], 'value'> {
  value: ReportedValue;
}

export interface CheckIn extends Sourced, Omit<CheckInData, 'author' | 'objective' | 'updates'> {
  id: string;
  author: string;
  objective: string;
  updates: KeyResultUpdate[];
}

export interface Action extends Sourced, Omit<ActionData, 'objective' | 'owner'> {
  id: string;
  objective: string;
  owner: string;
}

/** All content with references resolved to plain ids. */
export interface ContentModel {
  periods: Period[];
  teams: Team[];
  people: Person[];
  objectives: Objective[];
  checkIns: CheckIn[];
  actions: Action[];
}

const refId = (reference: EntryReference | undefined) => reference?.id;

/** Turns parsed entries into the content model, sorted by id so that output is stable. */
export function toModel(content: RawContent): ContentModel {
  const objectivesById = new Map(content.objectives.map((entry) => [entry.id, entry]));
  const byId = <T extends { id: string }>(items: T[]) => items.sort(compareIds);

  return {
    periods: byId(content.periods.map(({ id, data }) => ({ ...data, id }))).sort((a, b) =>
      a.start.localeCompare(b.start),
    ),
    teams: byId(
      content.teams.map(({ id, data }) =>
        withoutUndefined({ ...data, id, parent: refId(data.parent), lead: data.lead.id }),
      ),
    ),
    people: byId(content.people.map(({ id, data }) => ({ ...data, id, team: data.team.id }))),
    objectives: byId(
      content.objectives.map(({ id, data, source }) =>
        withoutUndefined({
          ...data,
          id,
          source,
          slug: id.slice(id.lastIndexOf('/') + 1),
          period: data.period.id,
          team: data.team.id,
          owner: data.owner.id,
          parent: refId(data.parent),
          continues: refId(data.continues),
          keyResults: data.keyResults.map((keyResult) => ({
            ...keyResult,
            owner: keyResult.owner.id,
          })),
        }),
      ),
    ),
    checkIns: byId(
      content.checkins.map(({ id, data, source }) => {
        const objective = objectivesById.get(data.objective.id);
        const updates = data.updates.map((update) => {
          const keyResult = objective?.data.keyResults.find((item) => item.id === update.keyResult);
          return { ...update, value: readReportedValue(update.value, keyResult) };
        });
        const checkIn = { ...data, id, author: data.author.id, objective: data.objective.id };
        return withoutUndefined({ ...checkIn, updates, source });
      }),
    ),
    actions: byId(
      content.actions.map(({ id, data, source }) =>
        withoutUndefined({
          ...data,
          id,
          objective: data.objective.id,
          owner: data.owner.id,
          source,
        }),
      ),
    ),
  };
}

/**
 * Reads a percentage such as "40%" as the fraction 0.4 on a milestone and as 40 on a metric.
 * Other values pass through unchanged.
 */
export function readReportedValue(
  value: CheckInData['updates'][number]['value'],
  keyResult: Pick<KeyResultData, 'type'> | undefined,
): ReportedValue {
  if (typeof value !== 'string' || value === 'done') return value;
  const number = Number(value.slice(0, -1));
  return keyResult?.type === 'milestone' ? number / 100 : number;
}

function compareIds(a: { id: string }, b: { id: string }): number {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
