import type { ContentModel } from './model.ts';

/** Periods and teams whose private objectives a build left out, so pages can note it without a count. */
export interface Hidden {
  /** Ids of periods with at least one private objective left out. */
  periods: Set<string>;
  /** Ids of teams with at least one private objective left out. */
  teams: Set<string>;
}

/**
 * Removes private objectives and everything that hangs from them: their key results, check-ins
 * and actions. A public objective that aligns to a private one, or carries one over, keeps its
 * place but loses that link, so that no page names the private objective. With
 * `includePrivate`, for internal builds, the model passes through unchanged.
 */
export function applyVisibility(
  model: ContentModel,
  includePrivate: boolean,
): { model: ContentModel; hidden: Hidden } {
  const hidden: Hidden = { periods: new Set(), teams: new Set() };
  if (includePrivate) return { model, hidden };

  const privateIds = new Set<string>();
  for (const objective of model.objectives) {
    if (objective.visibility !== 'private') continue;
    privateIds.add(objective.id);
    hidden.periods.add(objective.period);
    hidden.teams.add(objective.team);
  }
  if (privateIds.size === 0) return { model, hidden };

  const objectives = model.objectives
    .filter((objective) => !privateIds.has(objective.id))
    .map((objective) => {
      if (!privateIds.has(objective.parent ?? '') && !privateIds.has(objective.continues ?? '')) {
        return objective;
      }
      const copy = { ...objective };
      if (privateIds.has(copy.parent ?? '')) delete copy.parent;
      if (privateIds.has(copy.continues ?? '')) delete copy.continues;
      return copy;
    });

  return {
    model: {
      ...model,
      objectives,
      checkIns: model.checkIns.filter((checkIn) => !privateIds.has(checkIn.objective)),
      actions: model.actions.filter((action) => !privateIds.has(action.objective)),
    },
    hidden,
  };
}

/** Reads `OKR_INCLUDE_PRIVATE`: only `1` or `true` requests an internal build. */
export function readIncludePrivate(value = process.env.OKR_INCLUDE_PRIVATE): boolean {
  const normalized = value?.trim().toLowerCase();
  return normalized === '1' || normalized === 'true';
}
