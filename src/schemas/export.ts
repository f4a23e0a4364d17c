import { z } from 'astro/zod';
import { DIRECTIONS, KEY_RESULT_TYPES } from './key-result.ts';

/** Version of the export format; it changes only when a field is removed or changes meaning. */
export const EXPORT_FORMAT_VERSION = 1;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const score = z.number().min(0).max(1);
const band = z.enum(['red', 'yellow', 'green']);
const status = z.enum(['achieved', 'on-track', 'at-risk', 'off-track', 'no-check-in']);
const id = z.string().min(1);
const url = z
  .string()
  .min(1)
  .describe(
    "Absolute when the portal knows its site URL (OKR_SITE), else a path from the site's root",
  );

const graded = {
  score: score.nullable().describe('Score from 0 to 1; null when there is nothing to score'),
  grade: score.nullable().describe('The score rounded to one decimal'),
  band: band.nullable().describe('Grade band of the rounded grade'),
};

const keyResultExport = z.strictObject({
  id,
  url,
  title: z.string(),
  owner: id,
  type: z.enum(KEY_RESULT_TYPES),
  direction: z.enum(DIRECTIONS),
  unit: z.string().nullable(),
  start: z
    .number()
    .nullable()
    .describe('Start value of a metric; null for milestones and booleans'),
  target: z.number().nullable().describe('Target of a metric; null for milestones and booleans'),
  weight: z.number().positive(),
  value: z
    .number()
    .nullable()
    .describe('Latest reported value on or before asOf, as a number (1 for done); null before any'),
  progress: z.number().describe('Raw progress, which may pass 1 or fall below 0'),
  ...graded,
  handGraded: z
    .boolean()
    .describe('True when the score is a hand grade given at the close of the period'),
  status,
  confidence: z.number().int().min(0).max(10).nullable(),
  lastCheckIn: day.nullable(),
});

const objectiveExport = z.strictObject({
  id,
  url,
  title: z.string(),
  team: id,
  teamName: z.string(),
  owner: id,
  ownerName: z.string(),
  parent: id.nullable(),
  continues: id.nullable().describe('Objective of an earlier period that this one carries over'),
  theme: z.string().nullable(),
  ...graded,
  status,
  keyResults: z.array(keyResultExport),
});

const checkInExport = z.strictObject({
  id,
  url,
  date: day,
  author: id,
  objective: id,
  updates: z.array(
    z.strictObject({
      keyResult: id,
      value: z.union([z.number(), z.boolean(), z.literal('done')]),
      confidence: z.number().int().min(0).max(10).nullable(),
      note: z.string().nullable(),
    }),
  ),
});

/** The JSON export of one period: `/api/<period>/okrs.json`. */
export const periodExportSchema = z.strictObject({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  company: z.string(),
  asOf: day.describe('Day the scores were computed for'),
  period: z.strictObject({
    id,
    url,
    name: z.string(),
    start: day,
    end: day,
    phase: z.enum(['upcoming', 'open', 'closed']),
    final: z
      .boolean()
      .describe('True once the period has closed, so that its scores are final grades'),
    ...graded,
    objectiveCount: z.number().int().min(0),
    someHidden: z
      .boolean()
      .describe('True when private objectives of the period are left out, and so are their scores'),
  }),
  objectives: z.array(objectiveExport),
  checkIns: z
    .array(checkInExport)
    .describe("Check-ins on the period's objectives up to asOf, oldest first"),
});

export type PeriodExport = z.output<typeof periodExportSchema>;

/** The list of periods and their export files: `/api/periods.json`. */
export const periodListSchema = z.strictObject({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  company: z.string(),
  asOf: day,
  periods: z.array(
    z.strictObject({
      id,
      name: z.string(),
      start: day,
      end: day,
      phase: z.enum(['upcoming', 'open', 'closed']),
      files: z
        .record(z.string(), url)
        .describe('URL of each export file of the period, by file name'),
    }),
  ),
});

export type PeriodList = z.output<typeof periodListSchema>;
