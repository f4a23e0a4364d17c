import { z } from 'astro/zod';
import { title, type ReferenceFactory } from './common.ts';

/** Builds the schema of a person who owns objectives, key results or actions. */
export function personSchema(reference: ReferenceFactory) {
  return z.strictObject({
    /** Full name. */
    name: title,
    /** Team the person belongs to. */
    team: reference('teams'),
    /** Job title, such as "VP Sales". */
    role: title.optional(),
    /** Work e-mail address. */
    email: z.email({ error: 'must be an e-mail address, such as ana@example.com' }).optional(),
    /** Picture: a path under `public/` or a URL. */
    avatar: title.optional(),
  });
}

export type PersonData = z.output<ReturnType<typeof personSchema>>;
