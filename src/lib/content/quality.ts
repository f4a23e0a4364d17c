import type { PortalConfig } from '../../schemas/index.ts';
import type { ContentModel } from '../model.ts';
import { groupBy } from '../score/engine.ts';
import { findStaleKeyResults } from '../staleness.ts';
import type { LoadedEntry } from './load.ts';
import { formatFieldPath, type Problem } from './problem.ts';

/**
 * Finds content that is valid but weak by common OKR practice, and reports it as warnings. It
 * flags too few or too many objectives per team and period, and key results per objective. It
 * also flags an objective with neither key results nor children, and stale open key results.
 */
export function checkQuality(
  entries: LoadedEntry[],
  model: ContentModel,
  config: PortalConfig,
  asOf: string,
): Problem[] {
  const problems: Problem[] = [];
  const limits = config.checks;
  const sources = new Map(
    entries.filter((entry) => entry.collection === 'objectives').map((entry) => [entry.id, entry]),
  );
  const warn = (objectiveId: string, path: PropertyKey[], rule: string, message: string) => {
    const entry = sources.get(objectiveId)!;
    problems.push({
      file: entry.file,
      ...entry.locate(path),
      severity: 'warning',
      rule,
      field: formatFieldPath(path),
      message,
    });
  };

  for (const objectives of groupBy(
    model.objectives,
    (item) => `${item.period} ${item.team}`,
  ).values()) {
    const count = objectives.length;
    const [first] = objectives;
    if (count > limits.maxObjectivesPerTeam || count < limits.minObjectivesPerTeam) {
      for (const objective of objectives.slice(
        count > limits.maxObjectivesPerTeam ? limits.maxObjectivesPerTeam : 0,
      )) {
        warn(
          objective.id,
          ['team'],
          'objectives-per-team',
          `${first!.team} has ${count} objectives in ${first!.period}; keep ${limits.minObjectivesPerTeam} to ${limits.maxObjectivesPerTeam}, so that each gets attention`,
        );
      }
    }
  }

  const parents = new Set(model.objectives.map((objective) => objective.parent));
  // Staleness needs only the latest check-in of each key result, so validation never runs the
  // score engine, and a build scores the content once, for the pages.
  const stale = groupBy(findStaleKeyResults(model, config, asOf), (item) => item.objective.id);

  for (const objective of model.objectives) {
    const count = objective.keyResults.length;
    if (count === 0 && !parents.has(objective.id)) {
      warn(
        objective.id,
        ['keyResults'],
        'no-key-results',
        'is empty and no objective aligns to this one, so it has no score; add key results',
      );
    } else if (count > 0 && (count < limits.minKeyResults || count > limits.maxKeyResults)) {
      warn(
        objective.id,
        ['keyResults'],
        'key-results-per-objective',
        `has ${count} key results; keep ${limits.minKeyResults} to ${limits.maxKeyResults}, enough to measure the objective and few enough to focus on`,
      );
    }

    for (const { index, days, lastCheckIn, period } of stale.get(objective.id) ?? []) {
      const last = lastCheckIn
        ? `the last was on ${lastCheckIn}`
        : `none since the period started on ${period.start}`;
      warn(
        objective.id,
        ['keyResults', index, 'id'],
        'stale',
        `has had no check-in for ${days} days (${last}); add a check-in`,
      );
    }
  }
  return problems;
}
