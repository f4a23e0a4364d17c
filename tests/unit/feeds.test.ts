// @vitest-environment jsdom
import { parseFeed } from '@rowanmanning/feed-parser';
import { load } from 'cheerio';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { actionCalendar, checkInFeed, FEED_SIZE } from '../../src/lib/feeds.ts';
import type { Action, CheckIn } from '../../src/lib/model.ts';
import { createPortal } from '../../src/lib/portal.ts';
import { checkIn, defaultConfig, keyResult, model, objective } from '../support/model.ts';

const HOSTILE = ']]><script>alert(1)</script> & <b>"quoted"</b>';
const sales = objective({
  id: '2026-q4/sales/grow',
  title: `Grow ${HOSTILE}`,
  keyResults: [keyResult({ id: 'leads', title: 'Qualified leads', unit: 'leads' })],
});
const checkIns = [
  checkIn(sales.id, '2026-11-06', [
    { keyResult: 'leads', value: 30, confidence: 6, note: 'Webinar week.' },
  ]),
  checkIn(sales.id, '2026-11-13', [{ keyResult: 'leads', value: 42, note: HOSTILE }]),
  checkIn(sales.id, '2026-12-20', [{ keyResult: 'leads', value: 90 }]),
];
const actions: Action[] = [
  {
    id: '2026-q4/pipeline-review',
    title: `Review the pipeline ${HOSTILE}`,
    kind: 'initiative',
    objective: sales.id,
    keyResults: ['leads'],
    owner: 'owner',
    due: '2026-11-20',
    status: 'in-progress',
  },
];
const portal = createPortal({ ...model([sales], checkIns), actions }, defaultConfig, '2026-11-15');
const location = { site: new URL('https://okrs.example.com'), base: '/okrs/' };

describe('Atom feed of check-ins', () => {
  const feed = parseFeed(
    checkInFeed(portal, checkIns, { title: 'Check-ins', path: '/feeds/check-ins.atom', location }),
  );

  test('reads back with an Atom parser', () => {
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Check-ins');
  });

  test('lists check-ins up to the as-of date, newest first', () => {
    expect(feed.items.map((item) => item.published?.toISOString().slice(0, 10))).toEqual([
      '2026-11-13',
      '2026-11-06',
    ]);
  });

  test('links entries to their pages under the base path', () => {
    expect(feed.items[0]!.url).toBe(`https://okrs.example.com/okrs/checkins/${checkIns[1]!.id}/`);
  });

  test('keeps hostile text as text', () => {
    expect(feed.items[0]!.title).toBe(`Grow ${HOSTILE}: check-in of 13 Nov 2026`);
    expect(feed.items[0]!.description).toContain(`Qualified leads: 42 leads: ${HOSTILE}`);
  });

  test('carries the author and the confidence', () => {
    expect(feed.items[1]!.authors[0]!.name).toBe('owner');
    expect(feed.items[1]!.description).toBe(
      'Qualified leads: 30 leads, confidence 6/10: Webinar week.',
    );
  });

  test('holds at most the feed size', () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, index) =>
      checkIn(sales.id, `2026-10-${String((index % 28) + 1).padStart(2, '0')}`, [
        { keyResult: 'leads', value: index },
      ]),
    );
    const big = parseFeed(
      checkInFeed(portal, many, { title: 'Many', path: '/feeds/many.atom', location }),
    );
    expect(big.items).toHaveLength(FEED_SIZE);
  });
});

describe('iCalendar file of actions', () => {
  const calendar = new ICAL.Component(ICAL.parse(actionCalendar(portal, actions, location)));
  const [event] = calendar.getAllSubcomponents('vevent');

  test('reads back with an iCalendar parser', () => {
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(event!.getFirstPropertyValue('uid')).toBe('2026-q4/pipeline-review@okr-portal');
  });

  test('puts the action on its due day, all day', () => {
    const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2026-11-20');
  });

  test('keeps hostile text as text', () => {
    expect(event!.getFirstPropertyValue('summary')).toBe(
      `Review the pipeline ${HOSTILE} (In progress)`,
    );
  });

  test('links the action page', () => {
    expect(event!.getFirstPropertyValue('url')).toBe(
      'https://okrs.example.com/okrs/actions/2026-q4/pipeline-review/',
    );
  });
});

describe('feeds of text that looks like markup', () => {
  // `&amp;` is text that an XML writer may take for an escape that it made itself.
  const text = '<b>bold</b> &amp; "quoted" \'single\', semi; back\\slash';
  const person = { id: 'owner', name: `Owner ${text}`, team: 'sales' };
  const markup = objective({
    id: '2026-q4/sales/markup',
    title: `Title ${text}`,
    keyResults: [keyResult({ id: 'leads', title: `Leads ${text}`, unit: 'leads' })],
  });
  const entries = [
    checkIn(markup.id, '2026-11-13', [
      { keyResult: 'leads', value: 42, note: `First ${text}` },
      { keyResult: 'leads', value: 43, note: `Second ${text} ]]>` },
    ]),
  ];
  const markupPortal = createPortal(
    { ...model([markup], entries), people: [person] },
    { ...defaultConfig, company: `Company ${text}\nBEGIN:VEVENT` },
    '2026-11-15',
  );
  const options = { title: `Feed ${text}`, path: '/feeds/check-ins.atom', location };

  /** Parses the feed as XML. A document that is not well-formed gets a `parsererror` element. */
  const parse = (feedEntries: CheckIn[]) =>
    new DOMParser().parseFromString(
      checkInFeed(markupPortal, feedEntries, options),
      'application/xml',
    );

  /** Returns the text of an Atom element as feed readers show it, read as HTML for type="html". */
  const readerText = (selector: string) => {
    const element = parse(entries).querySelector(selector)!;
    const content = element.textContent!;
    return element.getAttribute('type') === 'html'
      ? load(`<p>${content}</p>`)('p').text()
      : content;
  };

  test('stays well-formed with two CDATA ends in a summary', () => {
    // The XML writer escapes only the first `]]>` of a CDATA section.
    const twice = [
      checkIn(markup.id, '2026-11-13', [
        { keyResult: 'leads', value: 42, note: 'first ]]> end' },
        { keyResult: 'leads', value: 43, note: 'second ]]> <b>end</b>' },
      ]),
    ];
    expect(parse(twice).querySelector('parsererror')?.textContent).toBeUndefined();
  });

  test('keeps the feed title as XML text', () => {
    expect(readerText('feed > title')).toBe(`Feed ${text}`);
  });

  test('keeps the author name as XML text', () => {
    expect(readerText('entry > author > name')).toBe(`Owner ${text}`);
  });

  test('escapes entry titles as HTML', () => {
    expect(readerText('entry > title')).toBe(`Title ${text}: check-in of 13 Nov 2026`);
  });

  test('escapes entry summaries as HTML', () => {
    expect(readerText('entry > summary')).toBe(
      `Leads ${text}: 42 leads: First ${text}\nLeads ${text}: 43 leads: Second ${text} ]]>`,
    );
  });

  test('keeps the calendar name as one property', () => {
    const ics = actionCalendar(markupPortal, [], location);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    // RFC 5545 gives X- properties the type TEXT by default, but ical.js 2 leaves their escapes.
    const name = calendar.getFirstPropertyValue('x-wr-calname') as string;
    expect(ICAL.design.icalendar.value.text.fromICAL(name)).toBe(
      `Company ${text}\nBEGIN:VEVENT OKR actions`,
    );
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
  });
});
