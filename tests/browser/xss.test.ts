import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { buildSiteAsync, TMP } from '../support/build.ts';
import { mutateFixture } from '../support/fixture.ts';
import { waitForDiagrams } from '../support/page.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { writeControlPages, type ControlPage } from '../support/xss-control.ts';
import { hostileEdits, LABELS_OBJECTIVE } from '../support/xss-fixture.ts';
import { hostileLine, LINE_PAYLOADS, XSS_PAYLOADS } from '../support/xss-payloads.ts';
import { visitAll, type PageReport, type VisitOptions } from '../support/xss-probe.ts';

/** Tabs that visit pages at the same time. */
const CONCURRENCY = 3;

/** Search that finds the hostile records, because every hostile field starts with "Hostile". */
const SEARCH = 'search/?q=hostile';

/** Search whose query and filters in the URL are hostile, as in a link that someone sends. */
const HOSTILE_QUERY = hostileLine('Hostile query');
const HOSTILE_SEARCH = `search/?${new URLSearchParams({
  q: HOSTILE_QUERY,
  team: HOSTILE_QUERY,
  sort: HOSTILE_QUERY,
})}`;

/** Lists the files under `dir` whose names end in `suffix`, relative to `dir`, with `/`. */
function filesUnder(dir: string, suffix: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      return filesUnder(path.join(dir, entry.name), suffix, `${prefix}${entry.name}/`);
    }
    return entry.name.endsWith(suffix) ? [`${prefix}${entry.name}`] : [];
  });
}

/** Collapses white space, including U+2028 and U+2029, so that shown and written text compare. */
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** An Atom text construct, with its `type` attribute and its text as XML. */
interface AtomText {
  type: string | null;
  text: string;
}

/** An Atom feed as a browser's XML parser reads it. */
interface AtomFeed {
  /** Parser error message, when the feed is not well-formed XML. */
  error?: string;
  title: AtomText;
  entries: { link: string; title: AtomText; summary: AtomText; author: string }[];
}

/** Fetches an Atom feed in `page` and parses it with Chromium's XML parser. */
function readAtom(page: Page, url: string): Promise<AtomFeed> {
  return page.evaluate(async (feedUrl) => {
    const xml = await (await fetch(feedUrl)).text();
    const feed = new DOMParser().parseFromString(xml, 'application/xml');
    const read = (element: Element | null) => ({
      type: element?.getAttribute('type') ?? null,
      text: element?.textContent ?? '',
    });
    return {
      error: feed.querySelector('parsererror')?.textContent ?? undefined,
      title: read(feed.querySelector('feed > title')),
      entries: [...feed.querySelectorAll('entry')].map((entry) => ({
        link: entry.querySelector('link')?.getAttribute('href') ?? '',
        title: read(entry.querySelector('title')),
        summary: read(entry.querySelector('summary')),
        author: entry.querySelector('author > name')?.textContent ?? '',
      })),
    };
  }, url);
}

/**
 * Returns the text of an Atom text construct as feed readers show it: the element's text, read
 * as HTML when its type is html (RFC 4287, section 3.1).
 */
function atomText({ type, text }: AtomText): string {
  return type === 'html' ? load(`<p>${text}</p>`)('p').text() : text;
}

/** Finds the Atom entry that links to a page whose path ends in `pathEnd`. */
function atomEntry(feed: AtomFeed, pathEnd: string): AtomFeed['entries'][number] {
  const entry = feed.entries.find((item) => item.link.endsWith(pathEnd));
  if (!entry) throw new Error(`no feed entry links to …${pathEnd}`);
  return entry;
}

/** Pagefind's record of one page: its URL and the metadata that results show. */
interface Fragment {
  url: string;
  meta: Record<string, string>;
}

let fragmentCache: Fragment[] | undefined;

/** Reads Pagefind's page records, each gzip-compressed JSON after the signature `pagefind_dcd`. */
function readFragments(outDir: string): Fragment[] {
  const dir = path.join(outDir, 'pagefind/fragment');
  fragmentCache ??= readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
    return JSON.parse(text.slice('pagefind_dcd'.length)) as Fragment;
  });
  return fragmentCache;
}

/** Waits for the diagrams to be drawn, and on the search page for the results. */
const prepare: VisitOptions['prepare'] = async (page) => {
  await waitForDiagrams(page);
  if (new URL(page.url()).pathname.endsWith('/search/')) {
    await page.waitForFunction(
      () => document.getElementById('search-status')?.dataset.state === 'done',
      null,
      { timeout: 20_000 },
    );
  }
};

/** Lists what went wrong on each page, as `<url>: <finding>` lines. */
function findings(reports: PageReport[], pick: (report: PageReport) => string[]): string[] {
  return reports.flatMap((report) => pick(report).map((item) => `${report.url}: ${item}`));
}

describe.skipIf(!hasChromium)('hostile content in Chromium', () => {
  let browser: Browser;
  let site: StaticServer;
  let controlServer: StaticServer;
  let outDir: string;
  let siteReports: PageReport[];
  let controls: { page: ControlPage; report: PageReport }[];
  /** Every Atom feed of the build, by path under `feeds/`. */
  const feeds = new Map<string, AtomFeed>();

  /** Returns the report of the visit to `page`, a path relative to the site's root. */
  const reportOf = (page: string) => {
    const report = siteReports.find((item) => item.url === new URL(page, site.url).href);
    if (!report) throw new Error(`${page} was not visited`);
    return report;
  };

  beforeAll(async () => {
    const contentDir = mutateFixture('xss', hostileEdits());
    const [build, launched] = await Promise.all([
      buildSiteAsync({ contentDir, name: 'xss', asOf: '2026-11-15' }),
      launchChromium(),
    ]);
    browser = launched;
    if (build.status !== 0) {
      throw new Error(`astro build of ${contentDir} failed:\n${build.stdout}\n${build.stderr}`);
    }
    outDir = build.outDir;

    const controlDir = path.join(TMP, 'xss-control');
    const controlPages = writeControlPages(controlDir, XSS_PAYLOADS);
    [site, controlServer] = await Promise.all([serveStatic(outDir), serveStatic(controlDir)]);

    // Every built page is visited, and the search page twice: with hostile results and with a
    // hostile query. The visits click the nodes of Mermaid diagrams in Markdown bodies, where
    // `click` lines would act.
    const pages = filesUnder(outDir, '.html').map((file) =>
      file.replace(/(^|\/)index\.html$/, '$1').replace(/^search\/$/, SEARCH),
    );
    const siteVisits = [...pages, HOSTILE_SEARCH].map((page) => ({
      url: new URL(page, site.url).href,
      options: { prepare, click: '.prose [data-diagram] svg g.node' },
    }));
    const controlVisits = controlPages.map((page) => ({
      url: new URL(page.file, controlServer.url).href,
      options: page.options,
    }));
    const [siteResults, controlResults] = await Promise.all([
      visitAll(browser, new URL(site.url).origin, siteVisits, CONCURRENCY),
      visitAll(browser, new URL(controlServer.url).origin, controlVisits, 1),
    ]);
    siteReports = siteResults;
    controls = controlPages.map((page, index) => ({ page, report: controlResults[index]! }));

    const feedPage = await browser.newPage();
    await feedPage.goto(new URL('404.html', site.url).href);
    for (const file of filesUnder(path.join(outDir, 'feeds'), '.atom')) {
      feeds.set(file, await readAtom(feedPage, new URL(`feeds/${file}`, site.url).href));
    }
    await feedPage.close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await controlServer?.close();
  });

  test('every page of the build is visited', () => {
    const paths = siteReports.map((report) => new URL(report.url).pathname);
    expect(paths).toContain('/search/');
    expect(paths).toContain(LABELS_OBJECTIVE.path);
    expect(paths).toContain('/404.html');
    expect(siteReports.length).toBeGreaterThan(50);
  });

  test.each(XSS_PAYLOADS.filter((payload) => typeof payload.control === 'string'))(
    'control page runs $id',
    ({ id }) => {
      const control = controls.find((item) => item.page.payload.id === id)!;
      expect(control.report.fired).toContain(id);
    },
  );

  test('no payload runs on any page', () => {
    expect(findings(siteReports, (report) => report.fired)).toEqual([]);
  });

  test('no page opens a dialog', () => {
    expect(findings(siteReports, (report) => report.dialogs)).toEqual([]);
  });

  test('no page throws an uncaught error', () => {
    expect(findings(siteReports, (report) => report.errors)).toEqual([]);
  });

  test('no page has event handlers or script URLs', () => {
    expect(findings(siteReports, (report) => report.dangerousAttributes)).toEqual([]);
  });

  test('no page requests another origin', () => {
    expect(findings(siteReports, (report) => report.foreignRequests)).toEqual([]);
  });

  test('no page navigates away', () => {
    const moved = siteReports.filter((report) => report.navigatedTo !== undefined);
    expect(moved.map((report) => `${report.url} -> ${report.navigatedTo}`)).toEqual([]);
  });

  test('every diagram is drawn', () => {
    const notDrawn = findings(siteReports, (report) =>
      report.diagrams.filter((state) => state !== 'true'),
    );
    expect(notDrawn).toEqual([]);
  });

  test('Mermaid diagrams in bodies are clicked', () => {
    // Each hostile body has 4 diagrams: one with the plain payloads, one per directive.
    const body = reportOf('actions/partner-push/');
    expect(body.diagrams.length).toBeGreaterThanOrEqual(4);
    expect(body.clicked).toBeGreaterThanOrEqual(8);
  });

  test.each(LINE_PAYLOADS)('key result page shows $id as text', ({ id, text }) => {
    const report = reportOf(`${LABELS_OBJECTIVE.path.slice(1)}${id}/`);
    expect(normalize(report.heading)).toBe(normalize(text));
    expect(normalize(report.title)).toContain(normalize(text));
  });

  test.each(LINE_PAYLOADS)('alignment map shows $id as text', ({ text }) => {
    // Labels end in an ellipsis after 80 characters, so only their start is compared.
    const start = normalize(text).slice(0, 40);
    const labels = reportOf(LABELS_OBJECTIVE.path.slice(1)).diagramLabels;
    expect(labels.filter((label) => label.startsWith(start))).not.toEqual([]);
  });

  test('objective page shows its hostile title as text', () => {
    const report = reportOf('2026-q4/sales/more-customers/');
    expect(normalize(report.heading)).toBe(normalize(hostileLine('Hostile objective title')));
  });

  test('search lists hostile records as text', () => {
    const text = normalize(reportOf(SEARCH).text);
    expect(text).toMatch(/[1-9]\d* results for “hostile”/);
    // Each result names its period and team, from the page's Pagefind metadata.
    expect(text).toContain(normalize(hostileLine('Hostile period name')));
    expect(text).toContain(normalize(hostileLine('Hostile team name')));
  });

  test('search shows a hostile query as text', () => {
    const text = normalize(reportOf(HOSTILE_SEARCH).text);
    expect(text).toContain(`results for “${normalize(HOSTILE_QUERY)}”`);
  });

  test('feeds are well-formed XML', () => {
    expect([...feeds.keys()]).toContain('teams/sales.atom');
    for (const [file, feed] of feeds) expect(feed.error, file).toBeUndefined();
  });

  test('team feed keeps hostile text as data', () => {
    const feed = feeds.get('teams/sales.atom')!;
    const entry = atomEntry(feed, '/checkins/2026-q4/2026-11-13/');
    expect(atomText(feed.title)).toBe(`${hostileLine('Hostile team name')} OKR check-ins`);
    expect(atomText(entry.title)).toBe(
      `${hostileLine('Hostile objective title')}: check-in of 13 Nov 2026`,
    );
    expect(atomText(entry.summary)).toContain(`: ${hostileLine('Hostile note')}`);
    expect(entry.author).toBe(hostileLine('Hostile person name'));
  });

  test('check-in feed keeps the hostile company name as data', () => {
    const feed = feeds.get('check-ins.atom')!;
    expect(atomText(feed.title)).toBe(`${hostileLine('Hostile company')} OKR check-ins`);
  });

  test.each(LINE_PAYLOADS)('check-in feed keeps $id as data', ({ text }) => {
    const feed = feeds.get('check-ins.atom')!;
    const entry = atomEntry(feed, '/checkins/2026-q4/hostile-labels/2026-11-06/');
    expect(atomText(entry.summary)).toContain(`${text}: 5 ${text}, confidence 5/10: ${text}`);
  });

  test('action calendar keeps hostile text as data', () => {
    const text = readFileSync(path.join(outDir, 'feeds/actions.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const [event] = calendar.getAllSubcomponents('vevent');
    // RFC 5545 gives X- properties the type TEXT by default, but ical.js 2 leaves their escapes.
    const name = calendar.getFirstPropertyValue('x-wr-calname') as string;
    expect(ICAL.design.icalendar.value.text.fromICAL(name)).toBe(
      `${hostileLine('Hostile company')} OKR actions`,
    );
    expect(event!.getFirstPropertyValue('summary')).toBe(
      `${hostileLine('Hostile action title')} (In progress)`,
    );
    expect(event!.getFirstPropertyValue('description')).toBe(
      `Owner: ${hostileLine('Hostile person name')}. Serves: ${hostileLine('Hostile objective title')}.`,
    );
  });

  test('JSON files parse', () => {
    const files = filesUnder(outDir, '.json');
    expect(files).toContain('pagefind/pagefind-entry.json');
    for (const file of files) {
      expect(() => JSON.parse(readFileSync(path.join(outDir, file), 'utf8')), file).not.toThrow();
    }
  });

  test.each(LINE_PAYLOADS)('search index keeps $id as data', ({ id, text }) => {
    const fragment = readFragments(outDir).find(
      (item) => item.url === `${LABELS_OBJECTIVE.path}${id}/`,
    )!;
    // Pagefind collapses HTML white space, but not U+2028 or U+2029, in the title that it takes
    // from the page's heading.
    expect(fragment.meta.title).toBe(text.replace(/[\t\n\f\r ]+/g, ' ').trim());
  });
});
