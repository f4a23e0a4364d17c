import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { openPage } from '../support/page.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

/** Waits for the search page to finish, and returns its status line. */
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const state = document.getElementById('search-status')?.dataset.state;
      return state === 'done' || state === 'idle' || state === 'unavailable';
    },
    null,
    { timeout: 20_000 },
  );
  return (await page.textContent('#search-status'))!.trim();
}

async function search(page: Page, query: string): Promise<string> {
  await page.fill('#search-query', query);
  await page.waitForFunction(
    (text) => document.getElementById('search-status')?.textContent?.includes(`“${text}”`),
    query,
    { timeout: 20_000 },
  );
  return settled(page);
}

const titles = (page: Page) =>
  page.$$eval('#search-results h2', (items) => items.map((item) => item.textContent!.trim()));

async function filterCounts(page: Page, filter: string): Promise<Record<string, number>> {
  return page.$$eval(`#search-filters fieldset[data-filter="${filter}"] label`, (labels) =>
    Object.fromEntries(
      labels.map((label) => [
        label.querySelector('span')!.textContent!,
        Number(label.querySelector('.filter-count')!.textContent!.replace(/[()]/g, '')),
      ]),
    ),
  );
}

describe.skipIf(!hasChromium)('search on the sample company', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(inject('sampleSite'))]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('header box opens the search with the query', async () => {
    const { page } = await openPage(browser, server.url);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-query');
    await page.keyboard.type('conversion');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=conversion$/);
    expect(await settled(page)).toMatch(/^\d+ results for “conversion”$/);
    expect(await titles(page)).toContain('Lead-to-customer conversion from 12% to 18%');
    await page.context().close();
  });

  test('results show type, period, team and status', async () => {
    const { page } = await openPage(browser, new URL('search/', server.url).href);
    await settled(page);
    await search(page, 'sales-qualified');
    const first = await page.$eval('#search-results li', (item) => ({
      title: item.querySelector('h2')!.textContent!.trim(),
      facts: item.querySelector('.search-facts')!.textContent!.trim(),
    }));
    expect(first).toEqual({
      title: '1,500 sales-qualified leads in the quarter',
      facts: 'Key result · Q4 2026 · Sales · At risk',
    });
    await page.context().close();
  });

  test('excerpts leave out table headers', async () => {
    const { page } = await openPage(browser, new URL('search/', server.url).href);
    await settled(page);
    await search(page, 'sales-qualified');
    const excerpts = await page.$$eval('#search-results li p', (items) =>
      items.map((item) => item.textContent!),
    );
    expect(excerpts.join(' ')).toContain('sales-qualified');
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/ObjectiveOwner|Key results this/);
    const facts = await page.$$eval('#search-results .search-facts', (items) =>
      items.map((item) => item.textContent!.trim()),
    );
    for (const fact of facts) expect(fact).not.toMatch(/^Check-in/);
    await page.context().close();
  });

  test('filter counts add up to the results', async () => {
    const { page } = await openPage(browser, new URL('search/', server.url).href);
    await settled(page);
    const status = await search(page, 'pipeline');
    const total = Number(status.split(' ')[0]);
    const types = await filterCounts(page, 'type');
    expect(Object.values(types).reduce((sum, count) => sum + count, 0)).toBe(total);
    const periods = await filterCounts(page, 'period');
    expect(Object.values(periods).reduce((sum, count) => sum + count, 0)).toBe(total);
    await page.context().close();
  });

  test('a filter narrows the results', async () => {
    const { page } = await openPage(browser, new URL('search/?q=pipeline', server.url).href);
    const before = Number((await settled(page)).split(' ')[0]);
    const objectives = (await filterCounts(page, 'type')).Objective!;
    await page.check('#search-filters fieldset[data-filter="type"] input[value="Objective"]');
    await page.waitForFunction(
      (count) =>
        document.getElementById('search-status')?.textContent?.startsWith(`${count} result`),
      objectives,
    );
    expect(objectives).toBeLessThan(before);
    const facts = await page.$$eval('#search-results .search-facts', (items) =>
      items.map((item) => item.textContent!),
    );
    expect(facts).toHaveLength(objectives);
    for (const fact of facts) expect(fact).toMatch(/^Objective · /);
    expect(page.url()).toContain('type=Objective');
    await page.context().close();
  });

  test('the period filter alone lists a past quarter', async () => {
    const { page } = await openPage(
      browser,
      new URL('search/?period=Q2+2026&type=Objective', server.url).href,
    );
    expect(await settled(page)).toBe('9 results');
    const facts = await page.$$eval('#search-results .search-facts', (items) =>
      items.map((item) => item.textContent!),
    );
    for (const fact of facts) expect(fact).toMatch(/^Objective · Q2 2026 · /);
    await page.context().close();
  });

  test('sorting by score puts the highest first', async () => {
    const { page } = await openPage(
      browser,
      new URL('search/?type=Objective&sort=score-desc', server.url).href,
    );
    await settled(page);
    const first = (await titles(page))[0];
    expect(first).toBe('Catch up on engineering hiring');
    await page.context().close();
  });
});

describe.skipIf(!hasChromium)('search under a base path', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([
      launchChromium(),
      serveStatic(inject('smallBaseSite'), '/okrs/'),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(['search/', 'search'])('finds results at /okrs/%s', async (path) => {
    const { page, errors } = await openPage(browser, new URL(`${path}?q=partner`, server.url).href);
    expect(await settled(page)).toMatch(/^\d+ results? for “partner”$/);
    const links = await page.$$eval('#search-results h2 a', (items) =>
      items.map((item) => item.getAttribute('href')!),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/okrs\//);
    expect(await titles(page)).toContain('Launch the partner program');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a filter narrows the results', async () => {
    const { page } = await openPage(browser, new URL('search/?q=partner', server.url).href);
    const before = Number((await settled(page)).split(' ')[0]);
    await page.check('#search-filters fieldset[data-filter="type"] input[value="Action"]');
    await page.waitForFunction(
      () => document.getElementById('search-status')?.textContent === '1 result for “partner”',
    );
    expect(before).toBeGreaterThan(1);
    expect(await titles(page)).toEqual(['Call every partner candidate']);
    await page.context().close();
  });

  test('result links open their pages', async () => {
    const { page } = await openPage(
      browser,
      new URL('search/?q=partner&type=Action', server.url).href,
    );
    await settled(page);
    await page.click('#search-results h2 a');
    await page.waitForURL(/\/okrs\/actions\/partner-push\/$/);
    expect(await page.textContent('h1')).toBe('Call every partner candidate');
    await page.context().close();
  });
});
