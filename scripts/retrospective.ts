// Helps CI publish each closed period's retrospective once, from a built portal:
//   npm run retrospective -- due          prints the closed periods without a release tag yet
//   npm run retrospective -- pdf <id>...  prints each retrospective page to a PDF with Chromium
// Both read the site that `npm run build` wrote to OKR_OUT_DIR (default dist).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PeriodList } from '../src/schemas/export.ts';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';

/** Prefix of the git tag that marks a period's retrospective as published. */
export const TAG_PREFIX = 'retrospective/';

/** Lists the closed periods whose retrospective has no release tag yet, oldest first. */
export function duePeriods(list: PeriodList, tags: string[]): string[] {
  const published = new Set(tags.map((tag) => tag.trim()));
  return list.periods
    .filter((period) => period.phase === 'closed' && !published.has(`${TAG_PREFIX}${period.id}`))
    .map((period) => period.id);
}

const outDir = path.resolve(process.env.OKR_OUT_DIR?.trim() || 'dist');

function readPeriodList(): PeriodList {
  const file = path.join(outDir, 'api/periods.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PeriodList;
  } catch (error) {
    throw new Error(
      `failed to read ${file} (${(error as Error).message}); run npm run build first`,
    );
  }
}

async function printPdfs(periods: string[]) {
  if (!hasChromium) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; set OKR_CHROMIUM_PATH to a Chromium or Chrome`,
    );
  }
  const known = new Set(readPeriodList().periods.map((period) => period.id));
  const base = process.env.OKR_BASE?.trim() || '/';
  const server = await serveStatic(outDir, base);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ colorScheme: 'light' });
    for (const period of periods) {
      if (!known.has(period)) throw new Error(`period "${period}" not found in ${outDir}`);
      const response = await page.goto(new URL(`${period}/retrospective/`, server.url).href);
      if (!response?.ok()) {
        throw new Error(`${period} has no retrospective page; only closed periods have one`);
      }
      const file = path.join(outDir, period, 'retrospective.pdf');
      await page.pdf({ path: file, format: 'A4', printBackground: true, outline: true });
      process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(args: string[]) {
  const [command, ...rest] = args;
  if (command === 'due') {
    const tags = execFileSync('git', ['tag', '--list', `${TAG_PREFIX}*`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    for (const period of duePeriods(readPeriodList(), tags)) process.stdout.write(`${period}\n`);
  } else if (command === 'pdf' && rest.length > 0) {
    await printPdfs(rest);
  } else {
    throw new Error('usage: npm run retrospective -- due | pdf <period>...');
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  });
}
