import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import type { ContentModel } from '../../src/lib/model.ts';
import { paths } from '../../src/lib/urls.ts';
import { ROOT } from '../support/build.ts';

// The sample company, built by tests/global-setup.ts.
const site = inject('sampleSite');

/** Largest objective page, in bytes: 50 KB. */
const OBJECTIVE_PAGE_BUDGET = 50_000;

/** The layout's inline script that makes the / key focus the header's search box. */
const SEARCH_SHORTCUT = "getElementById('site-search-query').focus()";

/** Script types that carry data, which browsers never run. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json']);

let model: ContentModel;

beforeAll(async () => {
  const result = await loadContent(path.join(ROOT, 'content'), { root: ROOT, asOf: '2026-12-04' });
  model = result.model!;
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return htmlFiles(file);
    return name.endsWith('.html') ? [file] : [];
  });
}

/** Reads every built page that has neither the search page's UI nor a diagram. */
function pagesWithoutSearchOrDiagrams(): { page: string; html: string }[] {
  return htmlFiles(site)
    .map((file) => ({ page: path.relative(site, file), html: readFileSync(file, 'utf8') }))
    .filter(({ page, html }) => {
      const $ = load(html);
      return page !== 'search/index.html' && $('[data-diagram]').length === 0;
    });
}

describe('size budget', () => {
  test('finds pages without search or diagrams', () => {
    const pages = pagesWithoutSearchOrDiagrams();
    expect(pages.length).toBeGreaterThan(0);
    // Check-in pages have neither, so they are among the pages checked.
    const checkIns = pages.filter(({ page }) => page.startsWith('checkins/'));
    expect(checkIns.length).toBe(model.checkIns.length);
  });

  test('pages without search or diagrams ship no client JavaScript', () => {
    for (const { page, html } of pagesWithoutSearchOrDiagrams()) {
      const $ = load(html);
      expect($('script[src]').length, `${page}: script files`).toBe(0);
      expect($('link[rel="modulepreload"]').length, `${page}: module preloads`).toBe(0);
      const code = $('script')
        .filter((_, script) => !DATA_SCRIPT_TYPES.has($(script).attr('type') ?? ''))
        .map((_, script) => $(script).text())
        .get();
      // The header's search box is on every page, with its / shortcut as the only code.
      expect(code.length, `${page}: inline scripts`).toBeLessThanOrEqual(1);
      for (const script of code) expect(script, page).toContain(SEARCH_SHORTCUT);
    }
  });

  test('objective pages stay under 50 KB', () => {
    expect(model.objectives.length).toBeGreaterThan(0);
    for (const objective of model.objectives) {
      const file = path.join(site, paths.objective(objective), 'index.html');
      const bytes = statSync(file).size;
      expect(bytes, paths.objective(objective)).toBeLessThan(OBJECTIVE_PAGE_BUDGET);
    }
  });
});
