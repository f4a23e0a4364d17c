import { z } from 'astro/zod';
import { numeric, PERCENT_PATTERN, slug, title, type ReferenceFactory } from './common.ts';

export const KEY_RESULT_TYPES = ['metric', 'milestone', 'boolean'] as const;
export const DIRECTIONS = ['increase', 'decrease', 'stay-above', 'stay-below'] as const;

/** A hand grade given at the close of a period; it replaces the computed score in roll-ups. */
export const gradeSchema = z.strictObject({
  /** The grade, from 0.0 to 1.0. */
  score: numeric.min(0, { error: 'must be at least 0' }).max(1, { error: 'must be at most 1' }),
  /** Reason for the grade, such as what was and was not delivered. */
  note: title,
});

/**
 * Reads `start: 12%` and `target: 18%` as 12 and 18 with the unit "%", which is what the author
 * meant, unless the key result names another unit.
 */
function readPercentages(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const keyResult = { ...(input as Record<string, unknown>) };
  if (keyResult.unit !== undefined && keyResult.unit !== '%') return input;

  for (const field of ['start', 'target'] as const) {
    const match = typeof keyResult[field] === 'string' && PERCENT_PATTERN.exec(keyResult[field]);
    if (match) {
      keyResult[field] = Number(match[1]);
      keyResult.unit = '%';
    }
  }
  return keyResult;
}

/** Builds the schema of a key result, written inline in its objective's frontmatter. */
export function keyResultSchema(reference: ReferenceFactory) {
  return z.preprocess(readPercentages, keyResultFields(reference));
}

function keyResultFields(reference: ReferenceFactory) {
  return z
    .strictObject({
      /** Id, unique within the objective; it is the anchor of the key result on the page. */
      id: slug,
      /** What is measured, such as "1,500 sales-qualified leads in the quarter". */
      title,
      /** Person accountable for the key result. */
      owner: reference('people'),
      /** metric (a number moves from start to target), milestone (a fraction of work done) or boolean. Default metric. */
      type: z.enum(KEY_RESULT_TYPES).default('metric'),
      /** How a metric should move: increase, decrease, stay-above or stay-below the target. Default increase. */
      direction: z.enum(DIRECTIONS).default('increase'),
      /** Value at the start of the period. */
      start: numeric.optional(),
      /** Value that scores 1.0, or the threshold of stay-above and stay-below. */
      target: numeric.optional(),
      /** Unit shown after values, such as "%", "days" or "SQLs". */
      unit: z.string().trim().optional(),
      /** Weight in the objective's score, greater than 0. Default 1. */
      weight: numeric.positive({ error: 'must be greater than 0' }).default(1),
      /** Final grade given by hand at the close of the period. */
      grade: gradeSchema.optional(),
    })
    .superRefine((keyResult, context) => {
      const issue = (path: string, message: string) =>
        context.addIssue({ code: 'custom', path: [path], message, input: keyResult });

      if (keyResult.type !== 'metric') {
        for (const field of ['start', 'target'] as const) {
          if (keyResult[field] !== undefined) {
            issue(field, `applies only to metric key results; remove it or set type: metric`);
          }
        }
        return;
      }
      if (keyResult.target === undefined) {
        issue('target', 'is required on a metric key result; add the number that scores 1.0');
        return;
      }
      const moves = keyResult.direction === 'increase' || keyResult.direction === 'decrease';
      if (moves && keyResult.start === undefined) {
        issue(
          'start',
          `is required when direction is ${keyResult.direction}; add the value at the start`,
        );
      } else if (moves && keyResult.start === keyResult.target) {
        issue(
          'target',
          `equals start (${keyResult.start}), so progress cannot be measured; set a different target`,
        );
      } else if (keyResult.direction === 'increase' && keyResult.start! > keyResult.target) {
        issue(
          'direction',
          'is increase but target is below start; set direction: decrease or fix the numbers',
        );
      } else if (keyResult.direction === 'decrease' && keyResult.start! < keyResult.target) {
        issue(
          'direction',
          'is decrease but target is above start; set direction: increase or fix the numbers',
        );
      }
    });
}

export type KeyResultData = z.output<ReturnType<typeof keyResultSchema>>;
