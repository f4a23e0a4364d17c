import { z } from 'astro/zod';
import { calendarDay, title } from './common.ts';

/** A period: a quarter or any other date range that objectives belong to. */
export const periodSchema = z
  .strictObject({
    /** Display name, such as "Q4 2026". */
    name: title,
    /** First day of the period. */
    start: calendarDay,
    /** Last day of the period, inclusive. */
    end: calendarDay,
  })
  .refine((period) => period.start < period.end, {
    error: 'must be after start',
    path: ['end'],
  });

export type PeriodData = z.output<typeof periodSchema>;
