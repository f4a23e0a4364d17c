import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import type { ContentModel } from '../../src/lib/model.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/build.ts';
import { openPage, waitForDiagrams } from '../support/page.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const site = inject('sampleSite');

function pagesWithDiagrams(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return pagesWithDiagrams(file, `${prefix}${name}/`);
    if (name !== 'index.html' || !readFileSync(file, 'utf8').includes('data-diagram')) return [];
    return [`/${prefix}`];
  });
}

/** Counts the nodes each diagram of a page must have, from the content model itself. */
function expectedNodeCounts(model: ContentModel, pagePath: string): number[] {
  const teams = model.teams.length;
  const actionsFor = (objectiveIds: Set<string>) =>
    model.actions.filter((action) => objectiveIds.has(action.objective)).length;

  if (pagePath === '/teams/') return [teams];
  const period = model.periods.find((item) => pagePath === `/${item.id}/`);
  if (period) {
    const objectives = model.objectives.filter((objective) => objective.period === period.id);
    const keyResults = objectives.reduce((sum, objective) => sum + objective.keyResults.length, 0);
    return [
      objectives.length + keyResults + actionsFor(new Set(objectives.map((item) => item.id))),
      teams,
    ];
  }

  const objective = model.objectives.find(
    (item) => pagePath === `/${item.period}/${item.team}/${item.id.split('/').at(-1)}/`,
  )!;
  let ancestors = 0;
  for (let parent = objective.parent; parent; ancestors += 1) {
    parent = model.objectives.find((item) => item.id === parent)?.parent;
  }
  const children = model.objectives.filter((item) => item.parent === objective.id).length;
  return [
    ancestors + 1 + children + objective.keyResults.length + actionsFor(new Set([objective.id])),
  ];
}

describe.skipIf(!hasChromium)('diagrams in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let model: ContentModel;
  const pages = pagesWithDiagrams(site);

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(site)]);
    model = (await loadContent(path.join(ROOT, 'content'), { root: ROOT, asOf: '2026-12-04' }))
      .model!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('several pages have diagrams', () => {
    expect(pages).toContain('/2026-q4/');
    expect(pages).toContain('/teams/');
    expect(pages.length).toBeGreaterThan(20);
  });

  test.concurrent.each(pages)('%s draws its diagrams', async (pagePath) => {
    const { page, errors } = await openPage(browser, new URL(pagePath.slice(1), server.url).href);
    await waitForDiagrams(page);

    const figures = await page.$$eval('[data-diagram][data-node-count]', (items) =>
      items.map((figure) => ({
        drawn: (figure as HTMLElement).dataset.drawn,
        nodes: figure.querySelectorAll('svg g.node').length,
        links: figure.querySelectorAll('svg a[href]').length,
      })),
    );
    expect(figures.map((figure) => figure.drawn)).toEqual(figures.map(() => 'true'));
    expect(figures.map((figure) => figure.nodes)).toEqual(expectedNodeCounts(model, pagePath));
    expect(figures.map((figure) => figure.links)).toEqual(figures.map((figure) => figure.nodes));
    // Mermaid code blocks in bodies are drawn too.
    const blocks = await page.$$eval('[data-diagram]:not([data-node-count])', (items) =>
      items.map(
        (figure) =>
          `${(figure as HTMLElement).dataset.drawn} ${figure.querySelectorAll('svg g.node').length}`,
      ),
    );
    for (const block of blocks) expect(block).toMatch(/^true [1-9]\d*$/);
    expect(await page.locator('.diagram-error').count()).toBe(0);
    expect(await page.getByText('Syntax error in text').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a Mermaid code block in a body is drawn', async () => {
    const { page } = await openPage(
      browser,
      new URL('2026-q4/platform/scale-for-close/', server.url).href,
    );
    await waitForDiagrams(page);
    const nodes = await page.locator('.prose [data-diagram] svg g.node').count();
    expect(nodes).toBe(6);
    expect(await page.locator('.prose .diagram-source').isVisible()).toBe(false);
    await page.context().close();
  });

  test('layout does not move when a diagram appears', async () => {
    const { page } = await openPage(browser, new URL('2026-q4/', server.url).href);
    const before = await page.$eval(
      '#team-company',
      (element) => element.getBoundingClientRect().top,
    );
    await waitForDiagrams(page);
    const after = await page.$eval(
      '#team-company',
      (element) => element.getBoundingClientRect().top,
    );
    expect(after).toBe(before);
    await page.context().close();
  });

  test('diagram nodes link to their pages', async () => {
    const { page } = await openPage(
      browser,
      new URL('2026-q4/sales/grow-customer-base/', server.url).href,
    );
    await waitForDiagrams(page);
    await page.click('[data-diagram] svg a[href$="/2026-q4/company/win-the-mid-market/"]');
    await page.waitForURL(/\/2026-q4\/company\/win-the-mid-market\/$/);
    expect(await page.innerText('h1')).toBe('Win the mid-market before budgets freeze in December');
    await page.context().close();
  });

  test('without JavaScript the hierarchy shows as a list', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('2026-q4/', server.url).href);
    const figure = page.locator('[data-diagram]').first();
    const list = figure.locator('.diagram-list');
    expect(await list.getAttribute('open')).toBe('');
    expect(await list.isVisible()).toBe(true);
    // The list links to every node that the diagram draws.
    const listed = new Set(
      await list
        .locator('a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    );
    const drawn = new Set(
      Object.values(JSON.parse((await figure.getAttribute('data-links'))!) as string[]),
    );
    expect(listed).toEqual(drawn);
    expect(drawn.size).toBe(expectedNodeCounts(model, '/2026-q4/')[0]);
    expect(await page.locator('.diagram-box').first().isVisible()).toBe(false);
    await context.close();
  });

  test('diagrams follow the dark colour scheme', async () => {
    const fill = async (scheme: 'light' | 'dark') => {
      const { page } = await openPage(browser, new URL('teams/', server.url).href, scheme);
      await waitForDiagrams(page);
      const colour = await page.$eval(
        '[data-diagram] svg',
        (svg) => getComputedStyle(svg).backgroundColor,
      );
      const node = await page.$eval(
        '[data-diagram] svg g.node rect',
        (rect) => getComputedStyle(rect).fill,
      );
      await page.context().close();
      return { colour, node };
    };
    const light = await fill('light');
    const dark = await fill('dark');
    expect(dark.node).not.toBe(light.node);
  });
});
