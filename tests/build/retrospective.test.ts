import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, test } from 'vitest';
import { ROOT } from '../support/build.ts';
import { readPage, text } from '../support/html.ts';

// The sample company is built as of 4 Dec 2026, so Q2 and Q3 2026 are closed.
const site = inject('sampleSite');
const read = (sitePath: string) => readFileSync(path.join(site, sitePath), 'utf8');

/**
 * Q3 2026 worked out by hand from the content files: each key result's last check-in value
 * against its start and target, hand grades where the file gives one, weighted means per
 * objective. For example, launch-collections-assistant ends at 11 of 25 beta customers (0.44),
 * a DSO 2.1 of 5 days lower (0.42), a hand grade of 0.2 and pricing half done (0.5): a mean of
 * 0.39, which rounds to the grade 0.4.
 */
const Q3_GRADES: Record<string, number> = {
  '2026-q3/company/launch-collections-assistant': 0.4, // 0.39
  '2026-q3/company/win-mid-market-deals': 0.9, // (2 × 1 + 0.8333 + 0.83 + 0.9 + 1) / 6 = 0.9272
  '2026-q3/finance/per-invoice-pricing': 0.6, // (1 + 0.775 + 0.2857 + 0.3) / 4 = 0.5902
  '2026-q3/marketing/ledgerly-close-conference': 0.9, // (1 + 0.82 + 0.85 + 1 + 1) / 5 = 0.934
  '2026-q3/operations/onboard-in-30-days': 0.8, // (0.6786 + 1 + 0.5 + 1) / 4 = 0.7946
  '2026-q3/people/engineering-hiring-catch-up': 1.0,
  '2026-q3/platform/eu-data-residency': 1.0, // (1 + 0.84 + 1 + 1) / 4 = 0.96
  '2026-q3/sales/build-q4-pipeline': 0.9, // (1 + 1 + 0.5 + 1) / 4 = 0.875
  '2026-q3/technology/collections-assistant-beta': 0.7, // (0.6 + 2 × 0.6 + 1 + 0.7) / 5 = 0.7
};
/** Mean of the nine objectives' unrounded scores: 7.1710 / 9 = 0.7968. */
const Q3_AVERAGE = '0.80';
/** Key results at each grade from 0.0 to 1.0, counted from the same hand computation. */
const Q3_KEY_RESULT_DISTRIBUTION = [0, 0, 1, 2, 2, 3, 2, 2, 5, 2, 19];

describe('retrospective page', () => {
  const $ = readPage(site, '/2026-q3/retrospective/');

  test('grades each objective to one decimal', () => {
    const found = Object.fromEntries(
      $('tbody[data-objective]')
        .toArray()
        .map((group) => [
          $(group).attr('data-objective'),
          Number($(group).find('.objective-row [data-grade]').text().trim()),
        ]),
    );
    expect(found).toEqual(Q3_GRADES);
  });

  test('shows the average against the sweet spot', () => {
    expect(text($, '[data-average]')).toBe(Q3_AVERAGE);
    expect($('[data-verdict]').attr('data-verdict')).toBe('above');
    expect(text($, '[data-verdict]')).toBe('above the 0.6–0.7 sweet spot');
  });

  test('bands follow the rounded grade', () => {
    // time-to-live scores 0.6786, which rounds to 0.7 and so is green.
    const row = $('tbody[data-objective="2026-q3/operations/onboard-in-30-days"]').find(
      'tr[data-key-result="time-to-live"]',
    );
    expect(row.find('[data-grade]').text().trim()).toBe('0.7');
    expect(row.find('.badge').text()).toBe('Green');
  });

  test('counts key results at each grade', () => {
    const counts = $('tr[data-distribution]')
      .toArray()
      .map((row) => Number($(row).find('td').eq(1).text()));
    expect(counts).toEqual(Q3_KEY_RESULT_DISTRIBUTION);
    const objectives = $('tr[data-distribution]')
      .toArray()
      .map((row) => Number($(row).find('td').eq(0).text()));
    expect(objectives.reduce((sum, count) => sum + count, 0)).toBe(9);
    expect(objectives[10]).toBe(2);
  });

  test('lists achieved and missed key results', () => {
    // Green is a grade of 0.7 or more: 2 + 5 + 2 + 19 key results; red is below 0.4: 1 + 2.
    expect(text($, '[data-achieved]')).toBe('28');
    expect(text($, '#missed')).toBe('Missed · 3');
  });

  test('names the objective carried into Q4', () => {
    const carried = $('[data-carried-over]');
    expect(carried.length).toBe(1);
    expect(carried.attr('data-carried-over')).toBe('2026-q4/company/win-the-mid-market');
  });

  test('compares with the earlier period', () => {
    // Q2 2026: the mean of its nine objectives' scores, 0.77.
    const desc = text($, '#averages-desc');
    expect(desc).toContain('Q2 2026 0.77');
    expect(desc).toContain('Q3 2026 0.80');
    expect($('.averages circle').length).toBe(2);
  });

  test('carries the period narrative', () => {
    expect(text($, 'section:has(#narrative)')).toContain('Q3 turns the Cash Application launch');
  });

  test('exists only for closed periods', () => {
    expect(() => readPage(site, '/2026-q4/retrospective/')).toThrow();
    expect(readPage(site, '/2026-q2/retrospective/')('h1').text()).toBe('Q2 2026 retrospective');
  });
});

describe('retrospective Markdown', () => {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(read('2026-q3/retrospective.md'));

  function tables(): Table[] {
    const found: Table[] = [];
    visit(tree, 'table', (node) => {
      found.push(node);
    });
    return found;
  }

  const cells = (table: Table) =>
    table.children.map((row) => row.children.map((cell) => toString(cell)));

  test('has a grades table', () => {
    const grades = tables().find((table) => cells(table)[0]?.includes('Grade'));
    expect(grades).toBeDefined();
    const rows = cells(grades!);
    expect(rows[0]).toEqual(['Objective', 'Key result', 'Team', 'Owner', 'Grade', 'Band']);
    // One row per objective and one per key result, after the header.
    expect(rows.length).toBe(1 + 9 + 38);
    const objectiveGrades = rows
      .slice(1)
      .filter((row) => row[0] !== '')
      .map((row) => Number(row[4]));
    expect(objectiveGrades).toEqual(Object.values(Q3_GRADES));
  });

  test('links to the portal', () => {
    const urls: string[] = [];
    visit(tree, 'link', (node) => {
      urls.push(node.url);
    });
    expect(urls).toContain('/2026-q3/company/win-mid-market-deals/');
  });
});

describe('data exports', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const schema = (name: string) =>
    JSON.parse(readFileSync(path.join(ROOT, 'public/schemas', `${name}.schema.json`), 'utf8'));
  const validateExport = ajv.compile(schema('period-export'));
  const validateList = ajv.compile(schema('period-list'));

  test.each(['2026-q2', '2026-q3', '2026-q4'])('%s okrs.json matches its schema', (period) => {
    const data = JSON.parse(read(`api/${period}/okrs.json`));
    expect(validateExport(data), ajv.errorsText(validateExport.errors)).toBe(true);
    expect(data.period.id).toBe(period);
  });

  test('the schema rejects a broken export', () => {
    const data = JSON.parse(read('api/2026-q3/okrs.json'));
    data.objectives[0].keyResults[0].score = 1.5;
    delete data.checkIns[0].date;
    expect(validateExport(data)).toBe(false);
    const paths = new Set(validateExport.errors?.map((error) => error.instancePath));
    expect(paths).toContain('/objectives/0/keyResults/0/score');
    expect(paths).toContain('/checkIns/0');
  });

  test('periods.json lists every export file', () => {
    const list = JSON.parse(read('api/periods.json'));
    expect(validateList(list), ajv.errorsText(validateList.errors)).toBe(true);
    expect(list.periods.map((period: { id: string }) => period.id)).toEqual([
      '2026-q2',
      '2026-q3',
      '2026-q4',
    ]);
    for (const period of list.periods) {
      for (const file of Object.values(period.files) as string[]) {
        expect(() => read(file.slice(1))).not.toThrow();
      }
    }
  });

  test('final scores match the retrospective', () => {
    const data = JSON.parse(read('api/2026-q3/okrs.json'));
    expect(data.period.final).toBe(true);
    expect(data.period.score.toFixed(2)).toBe(Q3_AVERAGE);
    const grades = Object.fromEntries(
      data.objectives.map((objective: { id: string; grade: number }) => [
        objective.id,
        objective.grade,
      ]),
    );
    expect(grades).toEqual(Q3_GRADES);
    const open = JSON.parse(read('api/2026-q4/okrs.json'));
    expect(open.period.final).toBe(false);
  });

  test('CSV files agree with the JSON', () => {
    const data = JSON.parse(read('api/2026-q3/okrs.json'));
    const rows = (file: string): Record<string, string>[] =>
      parseCsv(read(`api/2026-q3/${file}`), { columns: true });
    const objectives = rows('objectives.csv');
    const keyResults = rows('key-results.csv');
    const checkIns = rows('check-ins.csv');
    expect(objectives.length).toBe(data.objectives.length);
    expect(keyResults.length).toBe(38);
    const updates = data.checkIns.reduce(
      (count: number, checkIn: { updates: unknown[] }) => count + checkIn.updates.length,
      0,
    );
    expect(checkIns.length).toBe(updates);
    const timeToLive = keyResults.find((row) => row.key_result === 'time-to-live')!;
    expect(timeToLive.grade).toBe('0.7');
    expect(timeToLive.band).toBe('green');
    expect(timeToLive.final).toBe('true');
  });
});
