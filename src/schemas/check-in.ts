import { z } from 'astro/zod';
import {
  calendarDay,
  numeric,
  MAX_MAGNITUDE,
  PERCENT_PATTERN,
  slug,
  title,
  type ReferenceFactory,
} from './common.ts';

/** A percentage written as text, such as "40%"; its meaning depends on the key result's type. */
export type PercentText = `${number}%`;

// A metric reads "40%" as 40, so a percentage has the same limits as a plain number.
const percentText = z
  .string()
  .regex(PERCENT_PATTERN)
  .transform((text) => Number(PERCENT_PATTERN.exec(text)![1]))
  .pipe(z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE))
  .transform((number) => `${number}%` as PercentText);

/**
 * A reported value: a number for a metric, a fraction from 0 to 1 or `done` for a milestone,
 * and `done`, `true` or `false` for a boolean key result. A percentage such as "40%" means 0.4
 * of a milestone, or 40 on a metric whose unit is "%".
 */
export const checkInValue = z.union(
  [z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE), z.boolean(), z.literal('done'), percentText],
  {
    error: (issue) =>
      `must be a number, a fraction from 0 to 1, done, true or false (found ${JSON.stringify(issue.input)})`,
  },
);

/** The update of one key result in a check-in. */
export const keyResultUpdateSchema = z.strictObject({
  /** Id of a key result of the check-in's objective. */
  keyResult: slug,
  /** Current value. */
  value: checkInValue,
  /** The owner's confidence that the target will be met, from 0 (no chance) to 10 (certain). */
  confidence: numeric
    .int({ error: 'must be a whole number from 0 to 10' })
    .min(0, { error: 'must be a whole number from 0 to 10' })
    .max(10, { error: 'must be a whole number from 0 to 10' })
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
