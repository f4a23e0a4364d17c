import { z } from 'astro/zod';
import { title, type ReferenceFactory } from './common.ts';
import { keyResultSchema } from './key-result.ts';

export const VISIBILITIES = ['public', 'private'] as const;

/** Builds the schema of an objective with its key results inline. */
export function objectiveSchema(reference: ReferenceFactory) {
  return z
    .strictObject({
      /** The qualitative goal, such as "Grow the customer base 20% this quarter". */
      title,
      /** Period the objective belongs to. */
      period: reference('periods'),
      /** Team that owns the objective. */
      team: reference('teams'),
      /** Person accountable for the objective. */
      owner: reference('people'),
      /** Objective this one aligns to; it may belong to another team. */
      parent: reference('objectives').optional(),
      /** Objective of an earlier period that this one carries over, because it was not finished. */
      continues: reference('objectives').optional(),
      /** Strategic theme used to group objectives, such as "Growth". */
      theme: title.optional(),
      /** public (default) or private. */
      visibility: z.enum(VISIBILITIES).default('public'),
      /** Key results; an objective without any is scored from its child objectives. */
      keyResults: z.array(keyResultSchema(reference)).default([]),
    })
    .superRefine((objective, context) => {
      const seen = new Set<string>();
      objective.keyResults.forEach((keyResult, index) => {
        if (seen.has(keyResult.id)) {
          context.addIssue({
            code: 'custom',
            path: ['keyResults', index, 'id'],
            message: `"${keyResult.id}" is used by another key result of this objective; give each key result its own id`,
            input: keyResult.id,
          });
        }
        seen.add(keyResult.id);
      });
    });
}

export type ObjectiveData = z.output<ReturnType<typeof objectiveSchema>>;
