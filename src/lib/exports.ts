import { stringify } from 'csv-stringify/sync';
import { EXPORT_FORMAT_VERSION, type PeriodExport, type PeriodList } from '../schemas/export.ts';
import type { Objective } from './model.ts';
import type { Portal } from './portal.ts';
import { toGrade } from './retrospective.ts';
import { keyResultKey } from './score/engine.ts';
import { toNumber } from './score/progress.ts';
import { EXPORT_FILES, linkTo, paths, type LinkBase } from './urls.ts';

/** Base of exported URLs: absolute URLs when the site is known, else site paths. */
export type ExportLocation = LinkBase;

const locate = (location: ExportLocation) => (path: string) => linkTo(location, path);

/** Rounds a computed fraction to four decimals, which drops binary noise such as 0.42000000000000004. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;

function graded(portal: Portal, score: number | undefined) {
  if (score === undefined) return { score: null, grade: null, band: null };
  const { grade, band } = toGrade(score, portal.config.grades);
  return { score: round(score), grade, band };
}

/**
 * Gathers one period's objectives, key results, check-ins and scores at the as-of date, in the
 * shape that `periodExportSchema` describes. Scores of a closed period are its final grades.
 */
export function exportPeriod(
  portal: Portal,
  periodId: string,
  location: ExportLocation,
): PeriodExport {
  const period = portal.periodById.get(periodId);
  const periodScore = portal.scorecard.periods.get(periodId);
  if (!period || !periodScore) throw new Error(`period "${periodId}" not found in the portal`);
  const href = locate(location);
  const objectives = portal.objectivesByPeriod.get(periodId) ?? [];

  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    company: portal.config.company,
    asOf: portal.asOf,
    period: {
      id: period.id,
      url: href(paths.period(period)),
      name: period.name,
      start: period.start,
      end: period.end,
      phase: periodScore.phase,
      final: periodScore.phase === 'closed',
      ...graded(portal, periodScore.score),
      objectiveCount: objectives.length,
      someHidden: portal.hidden.periods.has(periodId),
    },
    objectives: objectives.map((objective) => exportObjective(portal, objective, href)),
    checkIns: objectives
      .flatMap((objective) => portal.checkInsByObjective.get(objective.id) ?? [])
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
      .map((checkIn) => ({
        id: checkIn.id,
        url: href(paths.checkIn(checkIn)),
        date: checkIn.date,
        author: checkIn.author,
        objective: checkIn.objective,
        updates: checkIn.updates.map((update) => ({
          keyResult: update.keyResult,
          value: update.value,
          confidence: update.confidence ?? null,
          note: update.note ?? null,
        })),
      })),
  };
}

function exportObjective(
  portal: Portal,
  objective: Objective,
  href: (path: string) => string,
): PeriodExport['objectives'][number] {
  const score = portal.scorecard.objectives.get(objective.id);
  return {
    id: objective.id,
    url: href(paths.objective(objective)),
    title: objective.title,
    team: objective.team,
    teamName: portal.teamById.get(objective.team)?.name ?? objective.team,
    owner: objective.owner,
    ownerName: portal.personById.get(objective.owner)?.name ?? objective.owner,
    parent: objective.parent ?? null,
    continues: objective.continues ?? null,
    theme: objective.theme ?? null,
    ...graded(portal, score?.score),
    status: score?.status ?? 'no-check-in',
    keyResults: objective.keyResults.map((keyResult) => {
      const result = portal.scorecard.keyResults.get(keyResultKey(objective.id, keyResult.id));
      const metric = keyResult.type === 'metric';
      return {
        id: keyResult.id,
        url: href(paths.keyResultPage(objective, keyResult.id)),
        title: keyResult.title,
        owner: keyResult.owner,
        type: keyResult.type,
        direction: keyResult.direction,
        unit: keyResult.unit ?? null,
        start: metric ? (keyResult.start ?? null) : null,
        target: metric ? (keyResult.target ?? null) : null,
        weight: keyResult.weight,
        value: result?.value ?? null,
        progress: round(result?.progress ?? 0),
        ...graded(portal, result?.score),
        handGraded: keyResult.grade !== undefined,
        status: result?.status ?? 'no-check-in',
        confidence: result?.confidence ?? null,
        lastCheckIn: result?.lastCheckIn ?? null,
      };
    }),
  };
}

/** Lists every period with the URLs of its export files. */
export function exportPeriodList(portal: Portal, location: ExportLocation): PeriodList {
  const href = locate(location);
  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    company: portal.config.company,
    asOf: portal.asOf,
    periods: portal.periods.map((period) => ({
      id: period.id,
      name: period.name,
      start: period.start,
      end: period.end,
      phase: portal.scorecard.periods.get(period.id)?.phase ?? 'upcoming',
      files: Object.fromEntries(
        EXPORT_FILES.map((file) => [file, href(paths.exportFile(period.id, file))]),
      ),
    })),
  };
}

/**
 * Options shared by every CSV export. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'`, so that a spreadsheet shows it as text. That is the OWASP
 * advice against CSV injection, where a spreadsheet runs a cell as a formula. Numbers stay as
 * they are.
 */
const CSV_OPTIONS = {
  header: true,
  cast: {
    string: (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
    boolean: (value: boolean) => String(value),
  },
};

const cell = (value: string | number | boolean | null | undefined) =>
  value === null || value === undefined ? '' : value;

/** Writes one row per objective of a period export as CSV, with a header row. */
export function objectivesCsv(data: PeriodExport): string {
  return stringify(
    data.objectives.map((objective) => ({
      period: data.period.id,
      team: objective.team,
      objective: objective.id,
      title: objective.title,
      owner: objective.owner,
      parent: cell(objective.parent),
      continues: cell(objective.continues),
      theme: cell(objective.theme),
      score: cell(objective.score),
      grade: cell(objective.grade),
      band: cell(objective.band),
      status: objective.status,
      final: data.period.final,
      url: objective.url,
    })),
    { ...CSV_OPTIONS, columns: OBJECTIVE_COLUMNS },
  );
}

/** Writes one row per key result of a period export as CSV, with a header row. */
export function keyResultsCsv(data: PeriodExport): string {
  return stringify(
    data.objectives.flatMap((objective) =>
      objective.keyResults.map((keyResult) => ({
        period: data.period.id,
        team: objective.team,
        objective: objective.id,
        key_result: keyResult.id,
        title: keyResult.title,
        owner: keyResult.owner,
        type: keyResult.type,
        direction: keyResult.direction,
        unit: cell(keyResult.unit),
        start: cell(keyResult.start),
        target: cell(keyResult.target),
        weight: keyResult.weight,
        value: cell(keyResult.value),
        progress: keyResult.progress,
        score: cell(keyResult.score),
        grade: cell(keyResult.grade),
        band: cell(keyResult.band),
        hand_graded: keyResult.handGraded,
        status: keyResult.status,
        confidence: cell(keyResult.confidence),
        last_check_in: cell(keyResult.lastCheckIn),
        final: data.period.final,
        url: keyResult.url,
      })),
    ),
    { ...CSV_OPTIONS, columns: KEY_RESULT_COLUMNS },
  );
}

/** Writes one row per key result update of a period export's check-ins as CSV, with a header row. */
export function checkInsCsv(data: PeriodExport): string {
  return stringify(
    data.checkIns.flatMap((checkIn) =>
      checkIn.updates.map((update) => ({
        date: checkIn.date,
        objective: checkIn.objective,
        key_result: update.keyResult,
        author: checkIn.author,
        value: toNumber(update.value),
        reported: String(update.value),
        confidence: cell(update.confidence),
        note: cell(update.note),
        check_in: checkIn.id,
        url: checkIn.url,
      })),
    ),
    { ...CSV_OPTIONS, columns: CHECK_IN_COLUMNS },
  );
}

const OBJECTIVE_COLUMNS = [
  'period',
  'team',
  'objective',
  'title',
  'owner',
  'parent',
  'continues',
  'theme',
  'score',
  'grade',
  'band',
  'status',
  'final',
  'url',
];
const KEY_RESULT_COLUMNS = [
  'period',
  'team',
  'objective',
  'key_result',
  'title',
  'owner',
  'type',
  'direction',
  'unit',
  'start',
  'target',
  'weight',
  'value',
  'progress',
  'score',
  'grade',
  'band',
  'hand_graded',
  'status',
  'confidence',
  'last_check_in',
  'final',
  'url',
];
const CHECK_IN_COLUMNS = [
  'date',
  'objective',
  'key_result',
  'author',
  'value',
  'reported',
  'confidence',
  'note',
  'check_in',
  'url',
];
