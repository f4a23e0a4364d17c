import { configSchema, type PortalConfig } from '../../src/schemas/index.ts';
import type { CheckIn, ContentModel, KeyResult, Objective, Period } from '../../src/lib/model.ts';

/** The default configuration, as an empty `config.yaml` gives it. */
export const defaultConfig: PortalConfig = configSchema.parse({});

export const q4: Period = {
  id: '2026-q4',
  name: 'Q4 2026',
  start: '2026-10-01',
  end: '2026-12-31',
};

/** Builds a metric key result that increases from 0 to 100, with any field overridden. */
export function keyResult(overrides: Partial<KeyResult> & { id: string }): KeyResult {
  return {
    title: overrides.id,
    owner: 'owner',
    type: 'metric',
    direction: 'increase',
    start: 0,
    target: 100,
    weight: 1,
    ...overrides,
  };
}

/** Builds an objective of team `sales` in Q4 2026, with any field overridden. */
export function objective(overrides: Partial<Objective> & { id: string }): Objective {
  return {
    slug: overrides.id.split('/').at(-1)!,
    title: overrides.id,
    period: q4.id,
    team: 'sales',
    owner: 'owner',
    visibility: 'public',
    keyResults: [],
    ...overrides,
  };
}

let checkInCount = 0;

/** Builds a check-in of one objective on `date` with the given key result updates. */
export function checkIn(objectiveId: string, date: string, updates: CheckIn['updates']): CheckIn {
  checkInCount += 1;
  return { id: `check-in-${checkInCount}`, date, author: 'owner', objective: objectiveId, updates };
}

/** Builds a content model with the Q4 period and the given objectives and check-ins. */
export function model(
  objectives: Objective[],
  checkIns: CheckIn[] = [],
  periods: Period[] = [q4],
): ContentModel {
  return { periods, teams: [], people: [], objectives, checkIns, actions: [] };
}
