import type { CheckIn, ContentModel, KeyResult, Objective } from './model.ts';
import { keyResultKey, type Scorecard } from './score/engine.ts';
import type { Status } from './score/status.ts';

/** The content and its scores at one git revision. */
export interface Snapshot {
  model: ContentModel;
  scorecard: Scorecard;
}

export interface KeyResultRef {
  objective: Objective;
  keyResult: KeyResult;
}

export interface TargetChange extends KeyResultRef {
  /** The key result as it was, whose type and unit format `from`. */
  before: KeyResult;
  from?: number;
  to?: number;
}

export interface CheckInUpdateChange extends KeyResultRef {
  valueBefore?: number;
  valueAfter: number;
  scoreBefore: number;
  scoreAfter: number;
}

export interface StatusChange {
  objective: Objective;
  /** Undefined when the objective's own status changed. */
  keyResult?: KeyResult;
  from: Status;
  to: Status;
}

/** Changes to the OKRs between a base and a head snapshot. */
export interface OkrDiff {
  addedObjectives: Objective[];
  removedObjectives: Objective[];
  addedKeyResults: KeyResultRef[];
  removedKeyResults: KeyResultRef[];
  targetChanges: TargetChange[];
  newCheckIns: { checkIn: CheckIn; objective: Objective; updates: CheckInUpdateChange[] }[];
  statusChanges: StatusChange[];
}

/** Compares two snapshots scored as of the same day. */
export function diffSnapshots(base: Snapshot, head: Snapshot): OkrDiff {
  const baseObjectives = new Map(
    base.model.objectives.map((objective) => [objective.id, objective]),
  );
  const headObjectives = new Map(
    head.model.objectives.map((objective) => [objective.id, objective]),
  );
  const diff: OkrDiff = {
    addedObjectives: head.model.objectives.filter((objective) => !baseObjectives.has(objective.id)),
    removedObjectives: base.model.objectives.filter(
      (objective) => !headObjectives.has(objective.id),
    ),
    addedKeyResults: [],
    removedKeyResults: [],
    targetChanges: [],
    newCheckIns: [],
    statusChanges: [],
  };

  for (const objective of head.model.objectives) {
    const before = baseObjectives.get(objective.id);
    if (!before) continue;
    const beforeKeyResults = new Map(
      before.keyResults.map((keyResult) => [keyResult.id, keyResult]),
    );
    const afterIds = new Set(objective.keyResults.map((keyResult) => keyResult.id));

    for (const keyResult of objective.keyResults) {
      const old = beforeKeyResults.get(keyResult.id);
      if (!old) {
        diff.addedKeyResults.push({ objective, keyResult });
        continue;
      }
      if (old.target !== keyResult.target) {
        diff.targetChanges.push(
          withNumbers({ objective, keyResult, before: old }, old.target, keyResult.target),
        );
      }
      const key = keyResultKey(objective.id, keyResult.id);
      const from = base.scorecard.keyResults.get(key)?.status;
      const to = head.scorecard.keyResults.get(key)?.status;
      if (from && to && from !== to) diff.statusChanges.push({ objective, keyResult, from, to });
    }
    for (const keyResult of before.keyResults) {
      if (!afterIds.has(keyResult.id))
        diff.removedKeyResults.push({ objective: before, keyResult });
    }

    const from = base.scorecard.objectives.get(objective.id)?.status;
    const to = head.scorecard.objectives.get(objective.id)?.status;
    if (from && to && from !== to) diff.statusChanges.push({ objective, from, to });
  }

  const baseCheckIns = new Set(base.model.checkIns.map((checkIn) => checkIn.id));
  for (const checkIn of head.model.checkIns) {
    if (baseCheckIns.has(checkIn.id)) continue;
    const objective = headObjectives.get(checkIn.objective);
    if (!objective) continue;
    diff.newCheckIns.push({
      checkIn,
      objective,
      updates: describeUpdates(checkIn, objective, head),
    });
  }
  diff.newCheckIns.sort(
    (a, b) =>
      a.checkIn.date.localeCompare(b.checkIn.date) || a.checkIn.id.localeCompare(b.checkIn.id),
  );
  return diff;
}

function withNumbers(
  ref: KeyResultRef & { before: KeyResult },
  from: number | undefined,
  to: number | undefined,
): TargetChange {
  const change: TargetChange = { ...ref };
  if (from !== undefined) change.from = from;
  if (to !== undefined) change.to = to;
  return change;
}

/**
 * Describes each update of a new check-in against the key result's observation before it: the
 * value it replaces and the score before and after. Updates dated after the as-of day have no
 * observation and are left out.
 */
function describeUpdates(
  checkIn: CheckIn,
  objective: Objective,
  head: Snapshot,
): CheckInUpdateChange[] {
  const changes: CheckInUpdateChange[] = [];
  for (const update of checkIn.updates) {
    const keyResult = objective.keyResults.find((item) => item.id === update.keyResult);
    const result = head.scorecard.keyResults.get(keyResultKey(objective.id, update.keyResult));
    if (!keyResult || !result) continue;
    const index = result.history.findIndex((observation) => observation.checkIn === checkIn.id);
    if (index < 0) continue;

    const observation = result.history[index]!;
    const previous = result.history[index - 1];
    const startValue = keyResult.type === 'metric' ? keyResult.start : 0;
    const change: CheckInUpdateChange = {
      objective,
      keyResult,
      valueAfter: observation.value,
      scoreBefore: clamp(previous?.progress ?? 0),
      scoreAfter: clamp(observation.progress),
    };
    const valueBefore = previous ? previous.value : startValue;
    if (valueBefore !== undefined) change.valueBefore = valueBefore;
    changes.push(change);
  }
  return changes;
}

function clamp(progress: number): number {
  return Math.min(1, Math.max(0, progress));
}

/** Tells whether a diff has nothing to report. */
export function isEmptyDiff(diff: OkrDiff): boolean {
  return Object.values(diff).every((items) => items.length === 0);
}
