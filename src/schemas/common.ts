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

/** Turns text such as "New Logos" or "Sales_Ops" into the id it most likely means. */
export function toSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replaceAll(/[^a-z0-9/]+/g, '-')
    .replaceAll(/-*\/-*/g, '/')
    .replaceAll(/^-+|-+$/g, '');
}

/** Describes an id that is not lower case with hyphens, with the id it most likely means. */
function invalidIdMessage(input: unknown, example: string): string {
  if (typeof input !== 'string') {
    return `must be an id such as "${example}" (found ${JSON.stringify(input)})`;
  }
  const suggestion = toSlug(input);
  const hint =
    suggestion && suggestion !== input ? `write "${suggestion}"` : `such as "${example}"`;
  return `must be an id in lower case with hyphens between words (found "${input}"); ${hint}`;
}

/** Reference schema for code that runs outside Astro: it only checks the id's form. */
export const plainReference: ReferenceFactory = <C extends string>(collection: C) =>
  z
    .string({ error: (issue) => invalidIdMessage(issue.input, 'sales') })
    .regex(ENTRY_ID_PATTERN, { error: (issue) => invalidIdMessage(issue.input, 'sales') })
    .transform((id) => ({ collection, id }));

/** A slug used as an id inside a file, such as a key result id. */
export const slug = z
  .string({ error: (issue) => invalidIdMessage(issue.input, 'new-logos') })
  .regex(SLUG_PATTERN, { error: (issue) => invalidIdMessage(issue.input, 'new-logos') });

/**
 * Non-empty text on one line, such as a title. YAML reads some unquoted text as a number or a
 * date, so both are turned back into text. The loader rejects a number whose text YAML changed,
 * such as 12.10 read as 12.1.
 */
export const title = z
  .union([z.string(), z.number(), z.date()], { error: 'must be text' })
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)))
  .pipe(z.string().trim().min(1, { error: 'must not be empty' }));

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

/** Pattern of a percentage written as text, such as "50%" or "12.5 %". */
export const PERCENT_PATTERN = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/;

/** Words that authors leave where a number belongs before they know it. */
const PLACEHOLDER_PATTERN = /^\s*(tbd|tbc|x+|\?+|-+|n\/?a|todo)?\s*$/i;

/** Tells whether a value is a placeholder such as "TBD", "X", "XXX" or an empty value. */
export function isPlaceholder(value: unknown): boolean {
  return value === null || (typeof value === 'string' && PLACEHOLDER_PATTERN.test(value));
}

/** Largest magnitude accepted in a numeric field; larger numbers are typing mistakes. */
export const MAX_MAGNITUDE = 1e12;

/** A number. Text such as "TBD" fails with a message that shows the text found. */
export const numeric = z
  .number({
    error: (issue) => {
      if (issue.input === undefined) return 'is required';
      if (typeof issue.input === 'string' && PERCENT_PATTERN.test(issue.input)) {
        return `must be a plain number (found "${issue.input}"); write ${issue.input.replace('%', '').trim()}`;
      }
      return `must be a number (found ${JSON.stringify(issue.input)})`;
    },
  })
  .min(-MAX_MAGNITUDE, { error: `must be at least -${MAX_MAGNITUDE.toExponential()}` })
  .max(MAX_MAGNITUDE, { error: `must be at most ${MAX_MAGNITUDE.toExponential()}` });
