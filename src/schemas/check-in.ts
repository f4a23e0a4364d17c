import { z } from 'astro/zod';
import { calendarDay, numeric, slug, title, type ReferenceFactory } from './common.ts';

/**
 * A reported value: a number for a metric, a fraction from 0 to 1 or `done` for a milestone,
 * and `done`, `true` or `false` for a boolean key result.
 */
export const checkInValue = z.union([z.number(), z.boolean(), z.literal('done')], {
  error: (issue) =>
    `must be a number, a fraction from 0 to 1, done, true or false (found ${JSON.stringify(issue.input)})`,
});

/** The update of one key result in a check-in. */
export const keyResultUpdateSchema = z.strictObject({
  /** Id of a key result of the check-in's objective. */
  keyResult: slug,
  /** Current value. */
  value: checkInValue,
  /** The owner's confidence that the target will be met, from 0 (no chance) to 10 (certain). */
  confidence: numeric
    .int({ error: 'must be a whole number from 0 to 10' })
    .min(0)
    .max(10)
    .optional(),
  /** Short comment on the change since the last check-in. */
  note: title.optional(),
});

/** Builds the schema of a check-in: one person's update of one objective on one day. */
export function checkInSchema(reference: ReferenceFactory) {
  return z.strictObject({
    /** Day of the check-in. */
    date: calendarDay,
    /** Person who wrote the check-in. */
    author: reference('people'),
    /** Objective whose key results are updated. */
    objective: reference('objectives'),
    /** One update per key result reported on. */
    updates: z
      .array(keyResultUpdateSchema)
      .min(1, { error: 'must list at least one key result update' }),
  });
}

export type CheckInData = z.output<ReturnType<typeof checkInSchema>>;
