import { z } from 'astro/zod';
import { calendarDay, slug, title, type ReferenceFactory } from './common.ts';

export const ACTION_KINDS = ['initiative', 'corrective'] as const;
export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'blocked', 'cancelled'] as const;

/** Builds the schema of an action: an initiative or a corrective action plan. */
export function actionSchema(reference: ReferenceFactory) {
  return z
    .strictObject({
      /** What will be done. */
      title,
      /** initiative (planned work) or corrective (addresses a deviation). */
      kind: z.enum(ACTION_KINDS),
      /** Objective whose key results the action serves. */
      objective: reference('objectives'),
      /** Ids of the objective's key results that the action serves. */
      keyResults: z.array(slug).min(1, { error: 'must list at least one key result id' }),
      /** Person accountable for the action. */
      owner: reference('people'),
      /** Day work started. */
      started: calendarDay.optional(),
      /** Day the action is due. */
      due: calendarDay,
      /** planned, in-progress, done, blocked or cancelled. */
      status: z.enum(ACTION_STATUSES),
      /** The deviation that a corrective action addresses, such as "SQLs 30% behind plan in week 6". */
      deviation: title.optional(),
      /** Root cause of that deviation. */
      cause: title.optional(),
    })
    .superRefine((action, context) => {
      if (action.kind !== 'corrective') return;
      for (const field of ['deviation', 'cause'] as const) {
        if (action[field] === undefined) {
          context.addIssue({
            code: 'custom',
            path: [field],
            message: `is required on a corrective action; say which ${field === 'cause' ? 'root cause it removes' : 'deviation it addresses'}`,
            input: action,
          });
        }
      }
    });
}

export type ActionData = z.output<ReturnType<typeof actionSchema>>;
