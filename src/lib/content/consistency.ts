import type { CheckInData } from '../../schemas/index.ts';
import type { LoadedEntry } from './load.ts';
import { formatFieldPath, type Problem } from './problem.ts';
import { suggest } from './references.ts';

/** Top-level URL segments that pages use, so no period may take them as its id. */
export const RESERVED_PERIOD_IDS = [
  'actions',
  'api',
  'checkins',
  'deviations',
  'feeds',
  'pagefind',
  'people',
  'periods',
  'schemas',
  'search',
  'teams',
];

/**
 * Checks the rules that span files and that references alone do not cover: key results named by
 * check-ins and actions, check-in dates and values, cycles in the team and objective trees,
 * reserved and duplicate URLs.
 */
export function checkConsistency(entries: LoadedEntry[]): Problem[] {
  const problems: Problem[] = [];
  const report = (entry: LoadedEntry, path: PropertyKey[], rule: string, message: string) =>
    problems.push({
      file: entry.file,
      ...entry.locate(path),
      severity: 'error',
      rule,
      field: formatFieldPath(path),
      message,
    });

  const byId = (collection: string) =>
    new Map(
      entries.filter((entry) => entry.collection === collection).map((entry) => [entry.id, entry]),
    );
  const periods = byId('periods');
  const objectives = byId('objectives');
  const teams = byId('teams');

  for (const period of periods.values()) {
    if (RESERVED_PERIOD_IDS.includes(period.id)) {
      report(
        period,
        [],
        'reserved-id',
        `is named "${period.id}", which the portal uses for its own pages; rename the file`,
      );
    }
  }

  const routes = new Map<string, LoadedEntry>();
  for (const objective of objectives.values()) {
    const slug = objective.id.slice(objective.id.lastIndexOf('/') + 1);
    const route = `${objective.data.period.id}/${objective.data.team.id}/${slug}`;
    const other = routes.get(route);
    if (other) {
      report(
        objective,
        ['title'],
        'duplicate-route',
        `has the same URL /${route}/ as ${other.file}; rename one of the files`,
      );
    }
    routes.set(route, objective);
    checkContinues(objective, objectives, periods, report);
  }

  for (const entry of entries) {
    if (entry.collection === 'checkins') checkCheckIn(entry, objectives, periods, report);
    if (entry.collection === 'actions') {
      const objective = objectives.get(entry.data.objective.id);
      if (!objective) continue;
      const known = objective.data.keyResults.map((keyResult: { id: string }) => keyResult.id);
      entry.data.keyResults.forEach((id: string, index: number) => {
        if (!known.includes(id)) {
          report(
            entry,
            ['keyResults', index],
            'reference',
            describeKeyResult(id, objective.id, known),
          );
        }
      });
    }
  }

  findCycles(teams, 'teams', report);
  findCycles(objectives, 'objectives', report);
  return problems;
}

type Report = (entry: LoadedEntry, path: PropertyKey[], rule: string, message: string) => void;

function checkCheckIn(
  entry: LoadedEntry,
  objectives: Map<string, LoadedEntry>,
  periods: Map<string, LoadedEntry>,
  report: Report,
) {
  const data = entry.data as CheckInData;
  const objective = objectives.get(data.objective.id);
  if (!objective) return;

  const period = periods.get(objective.data.period.id);
  if (period && (data.date < period.data.start || data.date > period.data.end)) {
    report(
      entry,
      ['date'],
      'check-in-date',
      `${data.date} is outside the objective's period ${period.id} (${period.data.start} to ${period.data.end}); fix the date or the objective`,
    );
  }

  const keyResults = new Map<string, { type: string; unit?: string }>(
    objective.data.keyResults.map((keyResult: { id: string; type: string; unit?: string }) => [
      keyResult.id,
      keyResult,
    ]),
  );
  const updated = new Set<string>();
  data.updates.forEach((update, index) => {
    if (updated.has(update.keyResult)) {
      report(
        entry,
        ['updates', index, 'keyResult'],
        'duplicate-update',
        `updates "${update.keyResult}" a second time in this check-in; keep one update per key result`,
      );
      return;
    }
    updated.add(update.keyResult);
    const keyResult = keyResults.get(update.keyResult);
    if (!keyResult) {
      report(
        entry,
        ['updates', index, 'keyResult'],
        'reference',
        describeKeyResult(update.keyResult, objective.id, [...keyResults.keys()]),
      );
      return;
    }
    const message = checkValue(keyResult, update.value);
    if (message) report(entry, ['updates', index, 'value'], 'check-in-value', message);
  });
}

/** Checks that an objective carries over one from a period that started before its own. */
function checkContinues(
  objective: LoadedEntry,
  objectives: Map<string, LoadedEntry>,
  periods: Map<string, LoadedEntry>,
  report: Report,
) {
  const earlier = objectives.get(objective.data.continues?.id);
  if (!earlier) return;
  const period = periods.get(objective.data.period.id);
  const earlierPeriod = periods.get(earlier.data.period.id);
  if (!period || !earlierPeriod) return;
  if (earlierPeriod.data.start >= period.data.start) {
    report(
      objective,
      ['continues'],
      'continues-period',
      `refers to ${earlier.id} of ${earlierPeriod.id}, which does not start before this objective's period ${period.id}; carry over an objective of an earlier period`,
    );
  }
}

/** Returns what is wrong with a reported value for a key result, if anything. */
export function checkValue(
  keyResult: { type: string; unit?: string },
  value: number | boolean | string,
): string | undefined {
  const percent =
    typeof value === 'string' && value !== 'done' ? Number(value.slice(0, -1)) : undefined;
  switch (keyResult.type) {
    case 'metric':
      if (percent !== undefined && keyResult.unit !== undefined && keyResult.unit !== '%') {
        return `is a percentage (${value}) but the unit is ${keyResult.unit}; write the number of ${keyResult.unit}`;
      }
      if (typeof value === 'boolean' || value === 'done') {
        return `must be a number for a metric key result (found ${String(value)})`;
      }
      return undefined;
    case 'milestone':
      if (typeof value === 'boolean') {
        return `must be a fraction from 0 to 1 or done for a milestone (found ${value})`;
      }
      if (percent !== undefined && (percent < 0 || percent > 100)) {
        return `must be a percentage from 0% to 100% for a milestone (found ${value})`;
      }
      if (typeof value === 'number' && (value < 0 || value > 1)) {
        return `must be a fraction from 0 to 1 or done for a milestone (found ${value}); write 40% as 0.4`;
      }
      return undefined;
    default:
      if (typeof value === 'number' || percent !== undefined) {
        return `must be done, true or false for a boolean key result (found ${value})`;
      }
      return undefined;
  }
}

function describeKeyResult(id: string, objectiveId: string, known: string[]): string {
  const suggestion = suggest(id, known);
  const hint = suggestion
    ? `did you mean "${suggestion}"?`
    : `use one of: ${known.join(', ') || '(none defined)'}`;
  return `refers to "${id}", which is not a key result of ${objectiveId}; ${hint}`;
}

/** Reports each entry whose chain of `parent` references leads back to itself. */
function findCycles(items: Map<string, LoadedEntry>, collection: string, report: Report) {
  for (const start of items.values()) {
    const seen = [start.id];
    let current = start.data.parent?.id as string | undefined;
    while (current && items.has(current)) {
      if (current === start.id) {
        report(
          start,
          ['parent'],
          'cycle',
          `makes a cycle in ${collection}: ${[...seen, current].join(' → ')}; point one of them at another parent`,
        );
        break;
      }
      if (seen.includes(current)) break;
      seen.push(current);
      current = items.get(current)!.data.parent?.id;
    }
  }
}
