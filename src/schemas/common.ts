import { z } from 'astro/zod';

/** Pattern of a single id segment: lower-case letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Pattern of an entry id: one or more slugs joined by `/`, as derived from a file's path. */
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** A reference to another entry, as Astro's `reference()` returns it after parsing. */
export interface EntryReference<C extends string = string> {
  collection: C;
  id: string;
}

/**
 * Builds the schema of a reference to an entry of `collection`. Astro passes its own
 * `reference()`, while scripts and tests pass {@link plainReference}, which has the same output.
 */
export type ReferenceFactory = <C extends string>(collection: C) => z.ZodType<EntryReference<C>>;

/** Reference schema for code that runs outside Astro: it only checks the id's form. */
export const plainReference: ReferenceFactory = <C extends string>(collection: C) =>
  z
    .string({ error: `must be the id of an entry in ${collection}` })
    .regex(ENTRY_ID_PATTERN, {
      error: `must be an id in lower case, such as "sales" or "2026-q4/sales/grow-customer-base"`,
    })
    .transform((id) => ({ collection, id }));

/** A slug used as an id inside a file, such as a key result id. */
export const slug = z
  .string({ error: 'must be an id in lower case, such as "new-logos"' })
  .regex(SLUG_PATTERN, {
    error: 'must be an id in lower case with hyphens between words, such as "new-logos"',
  });

/** Non-empty text on one line, such as a title. */
export const title = z
  .string({ error: 'must be text; quote it if it looks like a number or a date' })
  .trim()
  .min(1, { error: 'must not be empty' });

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats a `Date` that YAML parsed from an unquoted date as its UTC calendar day. */
function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar day, written `YYYY-MM-DD`, quoted or not. YAML turns an unquoted date into a `Date`
 * at midnight UTC, so the UTC day is the day the author wrote, in every time zone.
 */
export const calendarDay = z
  .union([z.string(), z.date()], { error: 'must be a date written YYYY-MM-DD' })
  .transform((input, context) => {
    const text = input instanceof Date ? toIsoDay(input) : input.trim();
    const match = ISO_DAY.exec(text);
    const parsed = match ? new Date(`${text}T00:00:00Z`) : undefined;

    if (!parsed || Number.isNaN(parsed.getTime()) || toIsoDay(parsed) !== text) {
      context.addIssue({
        code: 'custom',
        input,
        message: `must be a real date written YYYY-MM-DD, such as 2026-10-05 (found "${text}")`,
      });
      return z.NEVER;
    }
    return text;
  });

/** A number. Text such as "TBD" fails with a message that shows the text found. */
export const numeric = z.number({
  error: (issue) =>
    issue.input === undefined
      ? 'is required'
      : `must be a number (found ${JSON.stringify(issue.input)})`,
});
