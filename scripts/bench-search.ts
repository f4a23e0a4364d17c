// Measures search on a built site: `npm run bench:search [-- <site folder>]` (default dist/).
// Reports the size of the Pagefind index and, in headless Chromium, the time from a keystroke
// in the search box to the results on screen, over several queries. Build the site first.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';

const QUERIES = ['pipeline', 'renewal', 'hiring', 'invoice', 'churn', 'partner', 'audit', 'uptime'];

function folderSize(folder: string, skip: (name: string) => boolean = () => false): number {
  return readdirSync(folder).reduce((total, name) => {
    if (skip(name)) return total;
    const file = path.join(folder, name);
    const stats = statSync(file);
    return total + (stats.isDirectory() ? folderSize(file) : stats.size);
  }, 0);
}

const site = path.resolve(process.argv[2] ?? 'dist');
const index = path.join(site, 'pagefind');
// The index proper: everything but the UI bundles that Pagefind writes beside it.
const indexBytes = folderSize(index, (name) => /^pagefind-(component-|modular-)?ui\./.test(name));
process.stdout.write(`index: ${(indexBytes / 1024).toFixed(0)} KiB in ${index}\n`);

if (!hasChromium) {
  process.stderr.write(`No Chromium at ${CHROMIUM_PATH}; install it to time searches.\n`);
  process.exit(1);
}

const server = await serveStatic(site);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(new URL('search/', server.url).href);
await page.waitForFunction(
  () => document.getElementById('search-status')?.dataset.state === 'idle',
);

const timings: number[] = [];
for (const query of QUERIES) {
  timings.push(
    await page.evaluate(async (text) => {
      const input = document.getElementById('search-query') as HTMLInputElement;
      const status = document.getElementById('search-status')!;
      const started = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await new Promise<void>((resolve) => {
        const check = () =>
          status.dataset.state === 'done' && status.textContent?.includes(`“${text}”`);
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(status, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      });
      return performance.now() - started;
    }, query),
  );
}
await browser.close();
await server.close();

const sorted = [...timings].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
process.stdout.write(
  `keystroke to results: median ${median.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${QUERIES.length} queries (includes the 120 ms typing pause)\n`,
);
