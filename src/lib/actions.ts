import type { Action } from './model.ts';

/** Statuses in the order the actions page lists them. */
export const ACTION_STATUS_ORDER = [
  'blocked',
  'in-progress',
  'planned',
  'done',
  'cancelled',
] as const;

export const ACTION_STATUS_LABELS: Record<Action['status'], string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};

/** Tells whether an action is still open: neither done nor cancelled. */
export function isOpen(action: Pick<Action, 'status'>): boolean {
  return action.status !== 'done' && action.status !== 'cancelled';
}

/** Tells whether an open action's due date has passed at `asOf`. */
export function isOverdue(action: Pick<Action, 'status' | 'due'>, asOf: string): boolean {
  return isOpen(action) && action.due < asOf;
}

/** Sorts actions overdue first, then by due date, then by id. */
export function sortActions<T extends Pick<Action, 'status' | 'due' | 'id'>>(
  actions: T[],
  asOf: string,
): T[] {
  return [...actions].sort(
    (a, b) =>
      Number(isOverdue(b, asOf)) - Number(isOverdue(a, asOf)) ||
      a.due.localeCompare(b.due) ||
      a.id.localeCompare(b.id),
  );
}
