import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { actionCalendar, checkInFeed, FEED_SIZE } from '../../src/lib/feeds.ts';
import type { Action } from '../../src/lib/model.ts';
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
