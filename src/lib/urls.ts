import type { PortalConfig } from '../schemas/index.ts';
import type { Action, CheckIn, Objective, Period } from './model.ts';

/** Files of each period's data export. */
export const EXPORT_FILES = [
  'okrs.json',
  'objectives.csv',
  'key-results.csv',
  'check-ins.csv',
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

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
  keyResultPage: (objective: Pick<Objective, 'period' | 'team' | 'slug'>, keyResultId: string) =>
    `${paths.objective(objective)}${keyResultId}/`,
  retrospective: (periodId: string) => `/${periodId}/retrospective/`,
  retrospectiveMarkdown: (periodId: string) => `/${periodId}/retrospective.md`,
  exportFile: (periodId: string, file: ExportFile) => `/api/${periodId}/${file}`,
  teams: () => '/teams/',
  team: (teamId: string) => `/teams/${teamId}/`,
  people: () => '/people/',
  person: (personId: string) => `/people/${personId}/`,
  actions: () => '/actions/',
  deviations: () => '/deviations/',
  action: (action: Pick<Action, 'id'>) => `/actions/${action.id}/`,
  checkIn: (checkIn: Pick<CheckIn, 'id'>) => `/checkins/${checkIn.id}/`,
};

/** Link to view or edit a content file on GitHub, when the configuration names a repository. */
export function editUrl(
  repository: PortalConfig['repository'],
  source: string | undefined,
): string | undefined {
  if (!repository || !source) return undefined;
  const root = repository.url.replace(/\/+$/, '');
  return `${root}/edit/${repository.branch}/${repository.contentPath}/${source}`;
}

/**
 * Link that opens GitHub's new-file form with a check-in of `objective` for `day`, prefilled
 * with each key result's current value and confidence for the author to update.
 */
export function newCheckInUrl(
  repository: PortalConfig['repository'],
  objective: Pick<Objective, 'id' | 'owner' | 'keyResults'>,
  day: string,
  current: (keyResultId: string) => { value?: number; confidence?: number },
): string | undefined {
  if (!repository || objective.keyResults.length === 0) return undefined;
  const updates = objective.keyResults.flatMap((keyResult) => {
    const { value, confidence } = current(keyResult.id);
    return [
      `  - keyResult: ${keyResult.id}`,
      `    value: ${value ?? ''}`,
      ...(confidence === undefined ? [] : [`    confidence: ${confidence}`]),
      `    # note: what changed since the last check-in`,
    ];
  });
  const text = [
    '---',
    `date: ${day}`,
    `author: ${objective.owner}`,
    `objective: ${objective.id}`,
    'updates:',
    ...updates,
    '---',
    '',
  ].join('\n');
  const root = repository.url.replace(/\/+$/, '');
  const filename = `${repository.contentPath}/checkins/${objective.id}/${day}.md`;
  const query = new URLSearchParams({ filename, value: text });
  return `${root}/new/${repository.branch}?${query.toString()}`;
}

/** Prefixes a site path with the base path, which may or may not end in `/`. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** Base of the URLs that exports write: the site, when known, and the base path. */
export interface LinkBase {
  site?: URL | undefined;
  base: string;
}

/** Turns a site path into an absolute URL when the site is known, else into a path with the base. */
export function linkTo(location: LinkBase, path: string): string {
  const sitePath = withBase(location.base, path);
  return location.site ? new URL(sitePath, location.site).href : sitePath;
}
