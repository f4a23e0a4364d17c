import type { z } from 'astro/zod';
import { isPlaceholder } from '../../schemas/index.ts';

/** A Zod issue reduced to its path and a message in the content author's terms. */
export interface DescribedIssue {
  path: PropertyKey[];
  message: string;
  /** Rule id when the issue is a known trap, such as `placeholder`; else the schema rule. */
  rule?: string;
}

/** Meaning of each numeric field, to name the number that a placeholder replaces. */
const NUMBER_MEANINGS: Record<string, string> = {
  target: 'the target, the value that scores 1.0',
  start: 'the value at the start of the period',
  weight: 'the weight, a number greater than 0',
  value: 'the value reached so far',
  confidence: 'the confidence, from 0 to 10',
};

/** Rewrites a Zod issue as a sentence about what is wrong with the field and how to fix it. */
export function describeIssue(issue: z.core.$ZodIssue): DescribedIssue {
  const path = [...issue.path];
  const missing = 'input' in issue && issue.input === undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return { path, message: 'is required; add it' };
  }

  if (issue.code === 'invalid_type' && issue.expected === 'number' && isPlaceholder(issue.input)) {
    const field = String(path.at(-1) ?? '');
    const found =
      issue.input === null ? 'is empty' : `is a placeholder (found ${show(issue.input)})`;
    const meaning = NUMBER_MEANINGS[field] ?? 'the number';
    return { path, message: `${found}; write ${meaning}`, rule: 'placeholder' };
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const [key] = issue.keys;
      return {
        path: [...path, key ?? ''],
        message: `is not a known field; remove it or check its spelling (see docs/content-format.md)`,
      };
    }
    case 'invalid_type':
      if (issue.expected === 'object')
        return { path, message: `must be a set of fields (found ${show(issue.input)})` };
      if (issue.expected === 'array')
        return { path, message: `must be a list (found ${show(issue.input)})` };
      return {
        path,
        message:
          custom(issue.message) ?? `must be a ${issue.expected} (found ${show(issue.input)})`,
      };
    case 'invalid_value':
      return {
        path,
        message: `must be one of ${issue.values.map((value) => String(value)).join(', ')} (found ${show(issue.input)})`,
      };
    case 'too_small':
      return {
        path,
        message: custom(issue.message) ?? `must be at least ${String(issue.minimum)}`,
      };
    case 'too_big':
      return { path, message: custom(issue.message) ?? `must be at most ${String(issue.maximum)}` };
    default:
      return { path, message: issue.message };
  }
}

/** Returns the message unless it is one of Zod's generic defaults, which start with a capital. */
function custom(message: string): string | undefined {
  return /^[a-z]/.test(message) ? message : undefined;
}

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
