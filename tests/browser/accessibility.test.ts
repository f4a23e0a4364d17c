import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { openPage, waitForDiagrams } from '../support/page.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const site = inject('sampleSite');
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'period', path: '/2026-q4/' },
  { name: 'closed period', path: '/2026-q2/' },
  { name: 'team', path: '/teams/sales/' },
  { name: 'teams', path: '/teams/' },
  { name: 'objective', path: '/2026-q4/sales/grow-customer-base/' },
  { name: 'graded objective', path: '/2026-q3/company/launch-collections-assistant/' },
  { name: 'actions', path: '/actions/' },
  { name: 'action', path: '/actions/2026-q4/weekly-pipeline-review/' },
  { name: 'person', path: '/people/ana-lima/' },
  { name: 'check-in', path: '/checkins/2026-q4/sales/grow-customer-base/2026-11-27/' },
  { name: 'retrospective', path: '/2026-q3/retrospective/' },
];

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

describe.skipIf(!hasChromium)('accessibility with axe-core', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(site)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cases = PAGES.flatMap((page) =>
    (['light', 'dark'] as const).map((scheme) => ({ ...page, scheme })),
  );

  test.concurrent.each(cases)(
    '$name page in $scheme mode',
    async ({ path, scheme }) => {
      const { page } = await openPage(browser, new URL(path.slice(1), server.url).href, scheme);
      await waitForDiagrams(page);
      await page.addScriptTag({ content: AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } })
          .axe;
        const result = await axe.run();
        return result.violations.map(({ id, impact, nodes }) => ({
          id,
          impact,
          nodes: nodes.slice(0, 3).map((node) => ({ target: node.target })),
        }));
      });
      const serious = violations.filter(
        (item) => item.impact === 'serious' || item.impact === 'critical',
      );
      expect(serious).toEqual([]);
      await page.context().close();
      // Pages with large diagrams take a while to scan when every case runs at once on two cores.
    },
    90_000,
  );

  test('scan finds a planted violation', async () => {
    // Guards the harness: a page with an image without alternative text must fail the scan.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><img src="data:,"></main></html>',
    );
    await page.addScriptTag({ content: AXE_SOURCE });
    const ids = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } })
        .axe;
      return (await axe.run()).violations.map((violation) => violation.id);
    });
    expect(ids).toContain('image-alt');
    await context.close();
  });

  test('skip link moves focus to the main content', async () => {
    const { page } = await openPage(browser, server.url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.context().close();
  });
});
