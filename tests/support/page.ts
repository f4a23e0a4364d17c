import type { Browser, Page } from 'playwright-core';

/** Opens a page of a served site in a new context, with the given colour scheme. */
export async function openPage(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

/** Waits until every diagram on the page is drawn or has failed. */
export async function waitForDiagrams(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-diagram]')].every(
        (figure) => figure.dataset.drawn !== undefined,
      ),
    null,
    { timeout: 30_000 },
  );
}
