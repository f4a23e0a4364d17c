import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, hasChromium } from './support/browser.ts';
import { rmSync } from 'node:fs';
import { buildSite, SAMPLE_TIMINGS, type BuildOptions } from './support/build.ts';

/** Sites that several test files read; each is built once per test run, one after the other. */
export const SITES = {
  // West of UTC, so that a date that shifted to the day before would show in the pages.
  small: {
    contentDir: 'tests/fixtures/small',
    name: 'small',
    asOf: '2026-11-15',
    env: { TZ: 'America/Los_Angeles' },
  },
  sample: {
    contentDir: 'content',
    name: 'sample',
    asOf: '2026-12-04',
    env: { OKR_TIMINGS: SAMPLE_TIMINGS },
  },
  // Served under a base path, as on GitHub Pages.
  smallBase: {
    contentDir: 'tests/fixtures/small',
    name: 'small-base',
    asOf: '2026-11-15',
    base: '/okrs/',
  },
} satisfies Record<string, BuildOptions>;

export default function setup(project: TestProject) {
  if (!hasChromium) {
    // CI must run the browser tests, so a missing browser fails the run there.
    if (process.env.CI === 'true') {
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}; .ci/run installs it with apt-get.`);
    }
    process.stdout.write(
      `Browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set OKR_CHROMIUM_PATH to run them.\n`,
    );
  }

  rmSync(SAMPLE_TIMINGS, { force: true });
  for (const [key, options] of Object.entries(SITES)) {
    const result = buildSite(options);
    if (result.status !== 0) {
      throw new Error(
        `astro build of ${options.contentDir} failed:\n${result.stdout}\n${result.stderr}`,
      );
    }
    project.provide(`${key}Site` as 'smallSite', result.outDir);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    smallSite: string;
    sampleSite: string;
    smallBaseSite: string;
  }
}
