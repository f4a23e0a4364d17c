import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Findings of a visit to one page. Every list is empty on a page that runs no hostile code. */
export interface PageReport {
  url: string;
  /** Ids that payloads passed to `__xss`, in any frame of the page. */
  fired: string[];
  /** Messages of `alert`, `confirm` and `prompt` dialogs, which the probe dismisses. */
  dialogs: string[];
  /** Uncaught exceptions, such as a syntax error that hostile text caused in an inline script. */
  errors: string[];
  /**
   * Attributes that run code or load a document from text: event handlers (`on…`), `srcdoc`,
   * and `javascript:`, `vbscript:` or `data:` URLs in links, forms, frames and objects.
   */
  dangerousAttributes: string[];
  /** Requests to any origin other than the served site's, which the probe aborts. */
  foreignRequests: string[];
  /** Number of elements that the visit clicked. */
  clicked: number;
  /** Where the page went during the visit, when it left the path visited. */
  navigatedTo?: string;
  /** The document's title, as the browser shows it. */
  title: string;
  /** Text of the page's first `<h1>` as the browser shows it, or empty without one. */
  heading: string;
  /** Text of the page's body, as the browser shows it, for checks that hostile text stays text. */
  text: string;
  /** State of each diagram figure: `true` once drawn, `error`, or `missing` while not drawn. */
  diagrams: string[];
  /** Text of every node that Mermaid drew, with its white space collapsed. */
  diagramLabels: string[];
}

export interface VisitOptions {
  /** Runs after the page has loaded and before the checks, for example to wait for drawings. */
  prepare?: (page: Page) => Promise<void>;
  /** Selector of elements to click after `prepare`. Clicking must not leave the page. */
  click?: string;
}

/** Defines `__xss`, which payloads call. It reports through a binding that every frame has. */
const MARKER_SCRIPT = `window.__xss = function (id) { window.__xssReport(String(id)); };`;

/** Elements whose `src` loads a document or a script, unlike an image's. */
const DOCUMENT_SOURCES = ['IFRAME', 'FRAME', 'EMBED', 'OBJECT', 'SCRIPT'];

/** Lists the attributes of the page, in its main frame, that run code or load a document. */
function findDangerousAttributes(page: Page): Promise<string[]> {
  return page.evaluate((documentSources) => {
    const found: string[] = [];
    const schemes = ['javascript:', 'vbscript:', 'data:'];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        const isUrl =
          ['href', 'xlink:href', 'action', 'formaction', 'data'].includes(name) ||
          (name === 'src' && documentSources.includes(element.tagName.toUpperCase()));
        let dangerous = name.startsWith('on') || name === 'srcdoc';
        if (isUrl && !dangerous) {
          let protocol = '';
          try {
            protocol = new URL(attribute.value, document.baseURI).protocol;
          } catch {
            // An invalid URL loads nothing.
          }
          dangerous = schemes.includes(protocol);
        }
        if (dangerous) {
          found.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value}">`);
        }
      }
    }
    return found;
  }, DOCUMENT_SOURCES);
}

/** Reads what the page shows: its title, heading, text and the state and labels of diagrams. */
function readText(page: Page) {
  return page.evaluate(() => ({
    title: document.title,
    heading: document.querySelector('h1')?.innerText ?? '',
    text: document.body.innerText,
    diagrams: [...document.querySelectorAll<HTMLElement>('[data-diagram]')].map(
      (figure) => figure.dataset.drawn ?? 'missing',
    ),
    diagramLabels: [...document.querySelectorAll('[data-diagram] svg g.node')].map((node) =>
      (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ),
  }));
}

/**
 * A browser tab that visits pages of one site and reports what hostile content did there. It
 * defines `__xss` in every frame before any page script runs, and aborts requests to other
 * origins, so that no payload reaches beyond the loopback server.
 */
export class XssProbe {
  private report: PageReport = XssProbe.emptyReport('');
  private readonly context: BrowserContext;
  private readonly page: Page;

  private constructor(context: BrowserContext, page: Page) {
    this.context = context;
    this.page = page;
  }

  private static emptyReport(url: string): PageReport {
    return {
      url,
      fired: [],
      dialogs: [],
      errors: [],
      dangerousAttributes: [],
      foreignRequests: [],
      clicked: 0,
      title: '',
      heading: '',
      text: '',
      diagrams: [],
      diagramLabels: [],
    };
  }

  /** Opens a tab in a new browser context that may only load pages from `origin`. */
  static async open(browser: Browser, origin: string): Promise<XssProbe> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const probe = new XssProbe(context, page);
    await context.exposeBinding('__xssReport', (_source, id: string) => {
      probe.report.fired.push(id);
    });
    await context.addInitScript({ content: MARKER_SCRIPT });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      probe.report.foreignRequests.push(url);
      return route.abort();
    });
    page.on('dialog', (dialog) => {
      probe.report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => probe.report.errors.push(error.message));
    return probe;
  }

  /** Visits `url`, lets its scripts run, and returns what hostile content did there. */
  async visit(url: string, options: VisitOptions = {}): Promise<PageReport> {
    this.report = XssProbe.emptyReport(url);
    const report = this.report;
    await this.page.goto(url, { waitUntil: 'load' });
    await options.prepare?.(this.page);
    if (options.click) {
      for (const target of await this.page.locator(options.click).all()) {
        await target.click({ force: true, noWaitAfter: true, timeout: 5_000 });
        report.clicked += 1;
      }
    }
    // Handlers that events such as autofocus or a failed image load call run after load.
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
    );
    // A page may rewrite its own query with the History API, as the search page does.
    const { origin, pathname } = new URL(this.page.url());
    if (`${origin}${pathname}` !== `${new URL(url).origin}${new URL(url).pathname}`) {
      report.navigatedTo = this.page.url();
      return report;
    }
    report.dangerousAttributes = await findDangerousAttributes(this.page);
    Object.assign(report, await readText(this.page));
    return report;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * Makes the visits with `concurrency` tabs, and returns the reports in the order of `visits`.
 * Each tab makes its share of the visits one after the other.
 */
export async function visitAll(
  browser: Browser,
  origin: string,
  visits: { url: string; options?: VisitOptions }[],
  concurrency: number,
): Promise<PageReport[]> {
  const reports: PageReport[] = new Array(visits.length);
  let next = 0;
  const work = async () => {
    const probe = await XssProbe.open(browser, origin);
    try {
      while (next < visits.length) {
        const index = next++;
        const { url, options } = visits[index]!;
        reports[index] = await probe.visit(url, options);
      }
    } finally {
      await probe.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, visits.length) }, work));
  return reports;
}
