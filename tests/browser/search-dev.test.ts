import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { ROOT, TMP } from '../support/build.ts';
import { openPage } from '../support/page.ts';

/** Finds a free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!hasChromium)('search during astro dev', () => {
  let browser: Browser;
  let dev: ChildProcess;
  let origin: string;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = spawn(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
      {
        cwd: ROOT,
        env: {
          // Vitest's own variables (NODE_ENV=test, VITEST=true …) change how the dev server runs.
          ...Object.fromEntries(
            Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)),
          ),
          ASTRO_TELEMETRY_DISABLED: '1',
          OKR_CONTENT_DIR: 'tests/fixtures/small',
          OKR_AS_OF: '2026-11-15',
          OKR_CACHE_DIR: path.join(TMP, 'dev-cache'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('astro dev did not start within 60 s')),
        60_000,
      );
      dev.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes(`127.0.0.1:${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
    });
    browser = await launchChromium();
    // The first visits make Vite bundle the page's dependencies and reload the page; warm up
    // until one visit runs the search script to its end.
    const warmUp = await browser.newPage();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await warmUp.goto(`${origin}/search/`);
      const ready = await warmUp
        .waitForFunction(
          () => document.getElementById('search-status')?.dataset.state === 'unavailable',
          null,
          {
            timeout: 15_000,
          },
        )
        .then(
          () => true,
          () => false,
        );
      if (ready) break;
    }
    await warmUp.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    dev?.kill('SIGTERM');
  });

  test('says that search needs a build', async () => {
    const { page } = await openPage(browser, `${origin}/search/?q=leads`);
    await page.waitForFunction(
      () => document.getElementById('search-status')?.dataset.state === 'unavailable',
      null,
      { timeout: 15_000 },
    );
    expect(await page.textContent('#search-status')).toBe(
      'Search needs a built site: run npm run build, then npm run preview, and open this page there.',
    );
    await page.context().close();
  });
});
