import { describe, expect, inject, test } from 'vitest';
import { readPage, text } from '../support/html.ts';

// The small fixture's config.yaml names the repository https://github.com/fixture-co/okrs.
const site = inject('smallSite');
const REPOSITORY = 'https://github.com/fixture-co/okrs';

const link = (page: string, label: string) =>
  readPage(site, page)(`.source-links a:contains("${label}")`).attr('href');

describe('source links', () => {
  test('objective page links to its file', () => {
    expect(link('/2026-q4/sales/more-customers/', 'Edit')).toBe(
      `${REPOSITORY}/edit/main/content/objectives/2026-q4/sales/more-customers.md`,
    );
  });

  test('action page links to its file', () => {
    expect(link('/actions/partner-push/', 'Edit')).toBe(
      `${REPOSITORY}/edit/main/content/actions/partner-push.md`,
    );
  });

  test('check-in page links to its file', () => {
    expect(link('/checkins/2026-q4/2026-11-13/', 'Edit')).toBe(
      `${REPOSITORY}/edit/main/content/checkins/2026-q4/2026-11-13.md`,
    );
  });

  test('add a check-in opens a prefilled file', () => {
    const url = new URL(link('/2026-q4/sales/more-customers/', 'Add a check-in')!);
    expect(`${url.origin}${url.pathname}`).toBe(`${REPOSITORY}/new/main`);
    expect(url.searchParams.get('filename')).toBe(
      'content/checkins/2026-q4/sales/more-customers/2026-11-15.md',
    );
    const value = url.searchParams.get('value')!;
    expect(value).toContain(
      'date: 2026-11-15\nauthor: sam-ortiz\nobjective: 2026-q4/sales/more-customers\n',
    );
    expect(value).toContain('  - keyResult: leads\n    value: 400\n    confidence: 7\n');
    expect(value).toContain('  - keyResult: launch\n    value: 0.5\n    confidence: 3\n');
  });

  test('closed periods offer no new check-in', () => {
    expect(link('/2026-q3/sales/q3-pipeline/', 'Add a check-in')).toBeUndefined();
    expect(link('/2026-q3/sales/q3-pipeline/', 'Edit')).toBeDefined();
  });
});

describe('check-in page', () => {
  test('shows each update', () => {
    const $ = readPage(site, '/checkins/2026-q4/2026-11-13/');
    expect(text($, 'h1')).toBe('Check-in of 13 Nov 2026');
    const rows = $('tbody tr')
      .map((_, row) =>
        $(row)
          .find('td')
          .map((__, cell) => $(cell).text().trim())
          .get()
          .join(' | '),
      )
      .get();
    expect(rows).toEqual([
      '1,000 qualified leads | 400 leads | 7/10 | Second webinar doubled sign-ups.',
      'Sales cycle from 50 to 30 days | 45 days | 5/10 | ',
      'Launch the partner program | 50% done | 3/10 | Two of four partner contracts signed.',
    ]);
  });

  test('check-in after the as-of day says it is not scored yet', () => {
    expect(text(readPage(site, '/checkins/2026-q4/2026-11-27/'), 'main')).toContain(
      'dated after the as-of day, so not yet scored',
    );
  });

  test('objective timeline links to check-in pages', () => {
    const $ = readPage(site, '/2026-q4/sales/more-customers/');
    expect($('.timeline a[href="/checkins/2026-q4/2026-11-13/"]').length).toBe(1);
  });
});
