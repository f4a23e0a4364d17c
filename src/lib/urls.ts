import type { Action, Objective, Period } from './model.ts';

/** Paths of the portal's pages, without the site's base path. */
export const paths = {
  home: () => '/',
  periods: () => '/periods/',
  period: (period: Pick<Period, 'id'> | string) =>
    `/${typeof period === 'string' ? period : period.id}/`,
  objective: (objective: Pick<Objective, 'period' | 'team' | 'slug'>) =>
    `/${objective.period}/${objective.team}/${objective.slug}/`,
  keyResult: (objective: Pick<Objective, 'period' | 'team' | 'slug'>, keyResultId: string) =>
    `${paths.objective(objective)}#kr-${keyResultId}`,
  teams: () => '/teams/',
  team: (teamId: string) => `/teams/${teamId}/`,
  people: () => '/people/',
  person: (personId: string) => `/people/${personId}/`,
  actions: () => '/actions/',
  action: (action: Pick<Action, 'id'>) => `/actions/${action.id}/`,
};

/** Prefixes a site path with the base path, which may or may not end in `/`. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}
