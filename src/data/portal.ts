import { getCollection } from 'astro:content';
import path from 'node:path';
import settings from 'virtual:okr-portal/settings';
import { toModel } from '../lib/model.ts';
import { createPortal, type Portal } from '../lib/portal.ts';
import { recordTiming } from '../lib/timings.ts';
import { withBase } from '../lib/urls.ts';
import { applyVisibility } from '../lib/visibility.ts';

let cached: Promise<Portal> | undefined;

/**
 * Returns the portal of this build. A build reads and scores the content once, and every page
 * shares the result. The dev server rebuilds it on each request, so that edits show at once.
 * The Astro command decides, because Vite derives `import.meta.env.DEV` from NODE_ENV, and a
 * build run with NODE_ENV=test, as under Vitest, would then score the content for every page.
 */
export function getPortal(): Promise<Portal> {
  if (!cached || settings.dev) cached = buildPortal();
  return cached;
}

async function buildPortal(): Promise<Portal> {
  recordTiming('collections:start');
  const [periods, teams, people, objectives, checkins, actions] = await Promise.all([
    getCollection('periods'),
    getCollection('teams'),
    getCollection('people'),
    getCollection('objectives'),
    getCollection('checkins'),
    getCollection('actions'),
  ]);
  // Astro gives each entry's path relative to the project root; pages link to it in the repository.
  const withSource = <T extends { filePath?: string | undefined }>(entries: T[]) =>
    entries.map((entry) => ({
      ...entry,
      source: entry.filePath
        ? path.relative(settings.contentDir, path.resolve(entry.filePath)).split(path.sep).join('/')
        : undefined,
    }));
  const content = toModel({
    periods,
    teams,
    people,
    objectives: withSource(objectives),
    checkins: withSource(checkins),
    actions: withSource(actions),
  });
  // Private objectives leave the model before scoring, so no page, feed or export can reach them.
  const { model, hidden } = applyVisibility(content, settings.includePrivate);
  recordTiming('score:start', {
    objectives: model.objectives.length,
    checkIns: model.checkIns.length,
  });
  const portal = createPortal(model, settings.config, settings.asOf, {
    hidden,
    includesPrivate: settings.includePrivate,
  });
  recordTiming('score:end');
  return portal;
}

/** Prefixes a site path with the configured base path. */
export const url = (path: string) => withBase(import.meta.env.BASE_URL, path);
