import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import type { ContentModel } from '../../src/lib/model.ts';
import { scorePortfolio, type Scorecard } from '../../src/lib/score/engine.ts';
import { ROOT } from '../support/build.ts';
import { readPage, text } from '../support/html.ts';

// The sample company is built as of 4 Dec 2026, inside its current quarter, Q4 2026.
const site = inject('sampleSite');
const AS_OF = '2026-12-04';

let model: ContentModel;
let scorecard: Scorecard;

beforeAll(async () => {
  const result = await loadContent(path.join(ROOT, 'content'), { root: ROOT, asOf: AS_OF });
  expect(result.problems).toEqual([]);
  model = result.model!;
  scorecard = scorePortfolio(model, result.config, AS_OF);
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return htmlFiles(file);
    return name.endsWith('.html') ? [file] : [];
  });
}

describe('sample company content', () => {
  test('has two closed periods and one open', () => {
    const phases = [...scorecard.periods.values()].map((period) => period.phase);
    expect(phases).toEqual(['closed', 'closed', 'open']);
  });

  test('has teams in the six business areas', () => {
    const areas = new Set(model.teams.map((team) => team.area));
    for (const area of ['sales', 'marketing', 'finance', 'operations', 'technology', 'people']) {
      expect(areas, area).toContain(area);
    }
  });

  test('gives each team one to three objectives per period', () => {
    const counts = new Map<string, number>();
    for (const objective of model.objectives) {
      const key = `${objective.period} ${objective.team}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) {
      expect(count, key).toBeGreaterThanOrEqual(1);
      expect(count, key).toBeLessThanOrEqual(3);
    }
  });

  test('gives each objective two to five key results or children', () => {
    for (const objective of model.objectives) {
      if (objective.keyResults.length === 0) {
        expect(
          scorecard.objectives.get(objective.id)!.children.length,
          objective.id,
        ).toBeGreaterThan(0);
        continue;
      }
      expect(objective.keyResults.length, objective.id).toBeGreaterThanOrEqual(2);
      expect(objective.keyResults.length, objective.id).toBeLessThanOrEqual(5);
    }
  });

  test('includes the classic sales objective', () => {
    const objective = model.objectives.find(
      (item) => item.id === '2026-q4/sales/grow-customer-base',
    )!;
    expect(objective.title).toBe('Grow the customer base 20% this quarter');
    expect(objective.keyResults.map((keyResult) => keyResult.title)).toEqual([
      '1,500 sales-qualified leads in the quarter',
      'Lead-to-customer conversion from 12% to 18%',
      'Average sales cycle from 50 to 30 days',
    ]);
    expect(objective.keyResults[2]!.direction).toBe('decrease');
  });

  test('aligns an objective under another team objective', () => {
    const byId = new Map(model.objectives.map((objective) => [objective.id, objective]));
    const crossTeam = model.objectives.filter((objective) => {
      const parent = objective.parent ? byId.get(objective.parent) : undefined;
      return parent && parent.team !== objective.team && parent.team !== 'company';
    });
    expect(crossTeam.length).toBeGreaterThan(0);
  });

  test('has milestones with partial progress', () => {
    const partial = [...scorecard.keyResults.values()].filter(
      (result) =>
        result.keyResult.type === 'milestone' && result.progress > 0 && result.progress < 1,
    );
    expect(partial.length).toBeGreaterThan(3);
  });

  test('grades a key result by hand in a closed period', () => {
    const graded = [...scorecard.keyResults.values()].filter(
      (result) =>
        result.keyResult.grade &&
        scorecard.periods.get(model.objectives.find((o) => o.id === result.objective)!.period)!
          .phase === 'closed',
    );
    expect(graded.length).toBeGreaterThan(0);
  });

  test('has corrective actions that answer deviations', () => {
    const corrective = model.actions.filter((action) => action.kind === 'corrective');
    expect(corrective.length).toBeGreaterThanOrEqual(3);
    for (const action of corrective) {
      const behind = action.keyResults.some((id) => {
        const status = scorecard.keyResults.get(`${action.objective}#${id}`)!.status;
        return status !== 'on-track' && status !== 'achieved';
      });
      expect(behind || action.status === 'done', action.id).toBe(true);
    }
  });

  test('has weekly check-ins', () => {
    const dates = model.checkIns
      .filter((checkIn) => checkIn.objective === '2026-q4/sales/grow-customer-base')
      .map((checkIn) => checkIn.date)
      .sort();
    expect(dates.length).toBeGreaterThanOrEqual(8);
    for (let index = 1; index < dates.length; index += 1) {
      const gap = (Date.parse(dates[index]!) - Date.parse(dates[index - 1]!)) / 86_400_000;
      expect(gap, dates[index]).toBe(7);
    }
  });
});

describe('sample company site', () => {
  test('builds a page for every entry and key result', () => {
    const pages = htmlFiles(site).length;
    const expected =
      model.objectives.length +
      model.teams.length +
      model.people.length +
      model.actions.length +
      model.checkIns.length +
      model.periods.length +
      model.objectives.reduce((sum, objective) => sum + objective.keyResults.length, 0);
    const closed = [...scorecard.periods.values()].filter((period) => period.phase === 'closed');
    // Plus a retrospective per closed period, the dashboard, the archive, three index pages,
    // deviations, search and the 404 page.
    expect(closed.length).toBe(2);
    expect(pages).toBe(expected + closed.length + 8);
  });

  test('shows no missing values in any page', () => {
    for (const file of htmlFiles(site)) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);
    }
  });

  test('shows the current quarter on the dashboard', () => {
    expect(text(readPage(site, '/'), 'h1')).toBe('Q4 2026');
  });

  test('shows the classic objective with its key results', () => {
    const $ = readPage(site, '/2026-q4/sales/grow-customer-base/');
    expect(text($, 'h1')).toBe('Grow the customer base 20% this quarter');
    expect($('.key-result').length).toBe(3);
  });
});

describe('sample company deviations', () => {
  test('show both addressed and unaddressed deviations', () => {
    const $ = readPage(site, '/deviations/');
    const rows = $('tbody tr');
    const unaddressed = rows.filter((_, row) =>
      $(row).text().includes('Unaddressed deviation'),
    ).length;
    expect(rows.length).toBeGreaterThan(0);
    expect(unaddressed).toBeGreaterThan(0);
    expect(rows.length - unaddressed).toBeGreaterThan(0);
  });

  test('appear on the dashboard and the team page', () => {
    expect(readPage(site, '/')('#deviations ~ .table-scroll tbody tr').length).toBeGreaterThan(0);
    const sales = readPage(site, '/teams/marketing/');
    expect(text(sales, '#deviations ~ .table-scroll tbody')).toContain('Blended cost per SQL');
  });
});
