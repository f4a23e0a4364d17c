import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { describe, expect, inject, test } from 'vitest';
import { readPage, text } from '../support/html.ts';

// The small fixture is built as of 15 Nov 2026, when 45 of Q4's 91 days have passed.
const site = inject('smallSite');

/** Reads the figures of one key result card on an objective page, by label. */
function keyResultFigures(pagePath: string, keyResultId: string): Record<string, string> {
  const $ = readPage(site, pagePath);
  const card = $(`#kr-${keyResultId}`);
  const figures: Record<string, string> = {};
  card.find('dl > div').each((_, item) => {
    figures[$(item).find('dt').text().trim()] = $(item)
      .find('dd')
      .text()
      .replace(/\s+/g, ' ')
      .trim();
  });
  return figures;
}

describe('objective page', () => {
  const page = '/2026-q4/sales/more-customers/';

  test('shows the weighted objective score', () => {
    // (0.4 × 2 + 0.25 + 0.5) / 4 = 0.3875
    expect(text(readPage(site, page), '.summary .stat')).toBe('0.39');
  });

  test.each([
    { id: 'leads', current: '400 leads', progress: '40%', score: '0.40', status: 'On track' },
    { id: 'cycle', current: '45 days', progress: '25%', score: '0.25', status: 'At risk' },
    { id: 'launch', current: '50% done', progress: '50%', score: '0.50', status: 'At risk' },
  ])('key result $id', ({ id, current, progress, score, status }) => {
    const figures = keyResultFigures(page, id);
    expect(figures.Current).toBe(current);
    expect(figures.Progress).toBe(progress);
    expect(figures.Score).toBe(score);
    expect(figures.Status).toBe(status);
  });

  test('progress bar marks the expected progress', () => {
    const $ = readPage(site, page);
    expect($('#kr-leads .progress').attr('aria-label')).toBe('Progress 40%, expected 49%');
  });

  test('ignores check-ins after the as-of date', () => {
    const html = readPage(site, page).html();
    expect(html).not.toContain('700 leads');
    expect(html).not.toContain('27 Nov 2026');
  });

  test('lists the check-ins newest first', () => {
    const $ = readPage(site, page);
    const dates = $('.timeline > li time')
      .map((_, item) => $(item).attr('datetime'))
      .get();
    expect(dates).toEqual(['2026-11-13', '2026-10-30']);
  });
});

describe('closed period with a hand grade', () => {
  const page = '/2026-q3/sales/q3-pipeline/';

  test('overachievement shows above 100% and scores 1', () => {
    const figures = keyResultFigures(page, 'deals');
    expect(figures.Progress).toBe('125%');
    expect(figures.Score).toBe('1.00');
  });

  test('hand grade shows next to the computed score', () => {
    const figures = keyResultFigures(page, 'churn');
    expect(figures['Computed score']).toBe('0.00');
    expect(figures['Hand grade']).toBe('0.30');
    expect(text(readPage(site, page), '#kr-churn .grade-note')).toContain('onboarding fix landed');
  });

  test('objective score uses the hand grade', () => {
    // (1 + 0.3) / 2
    expect(text(readPage(site, page), '.summary .stat')).toBe('0.65');
  });

  test('shows the grade band instead of a status', () => {
    expect(text(readPage(site, page), '.summary .badge')).toBe('Yellow');
  });
});

describe('alignment', () => {
  test('objective without key results is scored from its child', () => {
    const $ = readPage(site, '/2026-q4/company/grow/');
    expect(text($, '.summary .stat')).toBe('0.39');
    expect(text($, '.summary .muted')).toBe('Mean of its child objectives');
    expect($('#children ~ .table-scroll a[href="/2026-q4/sales/more-customers/"]').length).toBe(1);
  });

  test('child links to its parent', () => {
    const $ = readPage(site, '/2026-q4/sales/more-customers/');
    expect($('main > p a[href="/2026-q4/company/grow/"]').text()).toBe('Grow the company');
  });
});

describe('dashboard', () => {
  test('counts key results by status', () => {
    const $ = readPage(site, '/');
    const counts = Object.fromEntries(
      $('.counts li')
        .map((_, item) => [[$(item).find('.badge').text(), $(item).find('.score').text()]])
        .get(),
    );
    expect(counts).toEqual({
      Achieved: '0',
      'On track': '1',
      'At risk': '2',
      'Off track': '0',
      'No check-in': '0',
    });
  });

  test('lists overdue actions with days overdue', () => {
    expect(text(readPage(site, '/'), '#overdue ~ .table-scroll tbody tr')).toContain(
      '5 days overdue',
    );
  });

  test('shows the current period score', () => {
    expect(text(readPage(site, '/'), '.stat')).toBe('0.39');
  });
});

describe('mermaid code blocks', () => {
  test('become diagram figures, not highlighted code', () => {
    const $ = readPage(site, '/2026-q4/');
    const figure = $(
      '#narrative ~ figure.diagram, #narrative + * figure.diagram, .prose figure.diagram',
    );
    expect(figure.length).toBe(1);
    expect(figure.find('pre.diagram-source').text()).toContain('leads["Leads"] --> deals["Deals"]');
    expect($('.prose pre.astro-code').length).toBe(0);
  });

  test('load the diagram script on their page', () => {
    const $ = readPage(site, '/2026-q4/');
    expect($('script[type="module"]').length).toBe(1);
  });
});

describe('other pages', () => {
  test('period page shows team scores', () => {
    const $ = readPage(site, '/2026-q3/');
    expect(text($, '#team-sales')).toBe('Sales · score 0.65');
  });

  test('team page shows its history across periods', () => {
    const $ = readPage(site, '/teams/sales/');
    const rows = $('#history ~ .table-scroll tbody tr')
      .map((_, row) =>
        $(row)
          .find('th, td')
          .map((__, cell) => $(cell).text().trim())
          .get()
          .join(' '),
      )
      .get();
    expect(rows).toEqual(['Q4 2026 1 0.39 –', 'Q3 2026 1 0.65 Yellow']);
  });

  test('person page lists owned key results', () => {
    const $ = readPage(site, '/people/sam-ortiz/');
    expect($('#key-results ~ .table-scroll tbody tr').length).toBe(5);
  });

  test('actions page puts overdue actions first', () => {
    const $ = readPage(site, '/actions/');
    expect(text($, '#overdue')).toBe('Overdue (1)');
  });

  test('pages without diagrams load no script file', () => {
    for (const page of ['/', '/teams/sales/', '/actions/', '/people/sam-ortiz/', '/periods/']) {
      const $ = readPage(site, page);
      expect($('script[src]').length, page).toBe(0);
      // The only inline script is the shortcut that focuses the search box.
      const inline = $('script')
        .map((_, item) => $(item).text())
        .get();
      expect(inline, page).toHaveLength(1);
      expect(inline[0], page).toContain("getElementById('site-search-query').focus()");
    }
  });

  test('pages with diagrams load only the diagram script', () => {
    for (const page of ['/2026-q4/', '/2026-q4/sales/more-customers/', '/teams/']) {
      const $ = readPage(site, page);
      const modules = $('script[type="module"]')
        .map((_, item) => $(item).attr('src'))
        .get();
      expect(modules, page).toHaveLength(1);
      expect(modules[0], page).toMatch(/^\/_astro\/DiagramScript\.[^/]+\.js$/);
    }
  });
});

describe('feeds', () => {
  test('company feed lists check-ins up to the as-of date', () => {
    const feed = parseFeed(readFileSync(path.join(site, 'feeds/check-ins.atom'), 'utf8'));
    expect(feed.items.map((item) => item.published?.toISOString().slice(0, 10))).toEqual([
      '2026-11-13',
      '2026-10-30',
      '2026-09-25',
    ]);
  });

  test('team feed lists only that team', () => {
    const company = parseFeed(readFileSync(path.join(site, 'feeds/teams/company.atom'), 'utf8'));
    const sales = parseFeed(readFileSync(path.join(site, 'feeds/teams/sales.atom'), 'utf8'));
    expect(company.items).toHaveLength(0);
    expect(sales.items).toHaveLength(3);
  });

  test('calendar has one event per action', () => {
    const calendar = new ICAL.Component(
      ICAL.parse(readFileSync(path.join(site, 'feeds/actions.ics'), 'utf8')),
    );
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.map((event) => event.getFirstPropertyValue('summary'))).toEqual([
      'Call every partner candidate (In progress)',
    ]);
  });

  test('pages announce their feed', () => {
    expect(readPage(site, '/')('link[rel="alternate"]').attr('href')).toBe('/feeds/check-ins.atom');
    expect(readPage(site, '/teams/sales/')('link[rel="alternate"]').attr('href')).toBe(
      '/feeds/teams/sales.atom',
    );
  });
});

describe('key result page', () => {
  test('draws the trend with one point per check-in', () => {
    const $ = readPage(site, '/2026-q4/sales/more-customers/leads/');
    expect($('.trend svg circle.point').length).toBe(2);
    expect($('.trend svg desc').text()).toBe(
      '1,000 qualified leads: 250 leads on 30 Oct 2026, 400 leads on 13 Nov 2026. Expected by 15 Nov 2026: 495 leads; target 1,000 leads.',
    );
  });

  test('shows confidence over time', () => {
    const $ = readPage(site, '/2026-q4/sales/more-customers/leads/');
    expect($('.confidence svg rect.bar').length).toBe(2);
    expect($('.confidence svg title').text()).toBe('Confidence over time, out of 10: 8, 7.');
  });
});

describe('action board', () => {
  test('groups open actions by owner', () => {
    const $ = readPage(site, '/actions/');
    expect(text($, '#by-owner ~ section h3, #by-owner + section h3')).toBe('Sam Ortiz (1)');
  });

  test('action page shows how its key results moved since it started', () => {
    // Started 2 Nov: the launch milestone had no value then, and 0.5 on 13 Nov.
    const $ = readPage(site, '/actions/partner-push/');
    const cells = $('table[aria-labelledby="movement"] tbody td')
      .map((_, cell) => $(cell).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(cells).toEqual([
      'Launch the partner program',
      '0% done',
      '50% done',
      '0% → 50% (+50 points)',
    ]);
  });
});
