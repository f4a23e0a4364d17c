import ical from 'ical-generator';
import { Feed } from 'feed';
import { ACTION_STATUS_LABELS } from './actions.ts';
import { formatDay, formatValue } from './format.ts';
import type { Action, CheckIn } from './model.ts';
import type { Portal } from './portal.ts';
import { toNumber } from './score/progress.ts';
import { paths, withBase } from './urls.ts';

/** Number of check-ins a feed carries, newest first. */
export const FEED_SIZE = 50;

/** Location of the published portal: its origin, when known, and its base path. */
export interface SiteLocation {
  /** Absolute site URL such as `https://okrs.example.com`, from `OKR_SITE`. */
  site?: URL | undefined;
  base: string;
}

/**
 * Origin used for feed links when `OKR_SITE` is not set: where `npm run preview` serves the site.
 * NOTE: a published portal must set OKR_SITE, or its feeds link to the reader's own machine.
 */
const PREVIEW_ORIGIN = 'http://localhost:4321';

/** Turns a site path into the absolute URL that feed readers and calendars need. */
function link(location: SiteLocation, path: string): string {
  return new URL(withBase(location.base, path), location.site ?? PREVIEW_ORIGIN).href;
}

/** Midnight UTC of a calendar day, so that feeds do not depend on the build machine's clock. */
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for the Atom elements of type="html" that `feed` writes for entry titles and
 * summaries, so that feed readers show the text instead of rendering it as markup. Escaping `>`
 * also removes every `]]>`, which would end the CDATA section around the text early.
 */
function atomHtml(text: string): string {
  return text.replaceAll(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/**
 * Prepares text for an Atom element that `feed` 6 writes as plain XML text, such as the feed's
 * title or an author's name. Its XML writer, xml-js 1.6, turns every `&amp;` back into `&`
 * before it escapes `&`, `<` and `>`, so each `&` is written as `&amp;` here to survive that.
 */
function atomText(text: string): string {
  return text.replaceAll('&', '&amp;');
}

/**
 * Escapes text as an iCalendar TEXT value (RFC 5545, section 3.3.11). ical-generator 11 writes
 * the calendar's name unescaped, where a line break would start a property of its own.
 */
function icalText(text: string): string {
  return text
    .replaceAll(/[\\;,]/g, (character) => `\\${character}`)
    .replaceAll(/\r\n|\r|\n/g, '\\n');
}

/**
 * Writes an Atom feed of check-ins, newest first. Entry ids are `tag:` URIs built from the
 * check-in ids, and the feed's updated time is its newest check-in's day, so that the same
 * content gives the same feed.
 */
export function checkInFeed(
  portal: Portal,
  checkIns: CheckIn[],
  options: { title: string; path: string; location: SiteLocation },
): string {
  const newest = [...checkIns]
    .filter((checkIn) => checkIn.date <= portal.asOf)
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .slice(0, FEED_SIZE);
  const feed = new Feed({
    id: `tag:okr-portal,2026:${options.path}`,
    title: atomText(options.title),
    link: link(options.location, paths.home()),
    updated: dayDate(newest[0]?.date ?? portal.asOf),
    generator: 'okr-portal',
    feedLinks: { atom: link(options.location, options.path) },
  });

  for (const checkIn of newest) {
    const objective = portal.objectiveById.get(checkIn.objective)!;
    const author = portal.personById.get(checkIn.author)?.name ?? checkIn.author;
    const lines = checkIn.updates.map((update) => {
      const keyResult = objective.keyResults.find((item) => item.id === update.keyResult)!;
      const confidence =
        update.confidence === undefined ? '' : `, confidence ${update.confidence}/10`;
      const note = update.note ? `: ${update.note}` : '';
      return `${keyResult.title}: ${formatValue(keyResult, toNumber(update.value))}${confidence}${note}`;
    });
    feed.addItem({
      id: `tag:okr-portal,2026:check-in/${checkIn.id}`,
      title: atomHtml(`${objective.title}: check-in of ${formatDay(checkIn.date)}`),
      link: link(options.location, paths.checkIn(checkIn)),
      date: dayDate(checkIn.date),
      published: dayDate(checkIn.date),
      author: [{ name: atomText(author) }],
      description: atomHtml(lines.join('\n')),
    });
  }
  return feed.atom1();
}

/** Writes an iCalendar file with one all-day event per action on its due date. */
export function actionCalendar(portal: Portal, actions: Action[], location: SiteLocation): string {
  const calendar = ical({
    name: icalText(`${portal.config.company} OKR actions`),
    prodId: { company: 'okr-portal', product: 'okr-portal', language: 'EN' },
  });
  for (const action of [...actions].sort((a, b) => a.id.localeCompare(b.id))) {
    const objective = portal.objectiveById.get(action.objective);
    const owner = portal.personById.get(action.owner)?.name ?? action.owner;
    calendar.createEvent({
      id: `${action.id}@okr-portal`,
      start: dayDate(action.due),
      allDay: true,
      stamp: dayDate(portal.asOf),
      summary: `${action.title} (${ACTION_STATUS_LABELS[action.status]})`,
      description: `Owner: ${owner}. Serves: ${objective?.title ?? action.objective}.`,
      url: link(location, paths.action(action)),
    });
  }
  return calendar.toString();
}
