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
    title: options.title,
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
      title: `${objective.title}: check-in of ${formatDay(checkIn.date)}`,
      link: link(options.location, paths.checkIn(checkIn)),
      date: dayDate(checkIn.date),
      published: dayDate(checkIn.date),
      author: [{ name: author }],
      description: lines.join('\n'),
    });
  }
  return feed.atom1();
}

/** Writes an iCalendar file with one all-day event per action on its due date. */
export function actionCalendar(portal: Portal, actions: Action[], location: SiteLocation): string {
  const calendar = ical({
    name: `${portal.config.company} OKR actions`,
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
