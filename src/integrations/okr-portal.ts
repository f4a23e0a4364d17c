import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolveAsOf } from '../lib/as-of.ts';
import { loadContent } from '../lib/content/load.ts';
import { prepareContent } from '../lib/content/loader.ts';
import { formatProblem } from '../lib/content/problem.ts';
import { resolveContentDir } from '../lib/settings.ts';
import { readIncludePrivate } from '../lib/visibility.ts';
import { recordTiming } from '../lib/timings.ts';

const SETTINGS_MODULE = 'virtual:okr-portal/settings';

/**
 * Validates all content before Astro renders anything, and exposes the build's settings (as-of
 * date, configuration) to pages as `virtual:okr-portal/settings`. On any content error a build
 * prints every problem, one per line, and exits with status 1 before writing `dist/`.
 *
 * With `OKR_TIMINGS` set, it also records when each of Astro's build hooks runs, so that a
 * benchmark can tell the phases of a build apart (see `src/lib/timings.ts`).
 */
export function okrPortal(): AstroIntegration {
  return {
    name: 'okr-portal',
    hooks: {
      'astro:config:setup': async ({ command, config: astroConfig, updateConfig, logger }) => {
        recordTiming('astro:config:setup');
        const root = fileURLToPath(astroConfig.root);
        const contentDir = resolveContentDir(root);
        const fail = command === 'build';

        let asOf: string;
        try {
          asOf = resolveAsOf(process.env.OKR_AS_OF);
        } catch (error) {
          logger.error((error as Error).message);
          process.exit(1);
        }

        const { config, problems, fileCount, sources } = await loadContent(contentDir, {
          root,
          asOf,
          keepSources: command === 'build',
        });
        recordTiming('validation:end', { files: fileCount, problems: problems.length });
        const errors = problems.filter((problem) => problem.severity === 'error');
        for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
        if (errors.length > 0) {
          const summary = `${errors.length} content error${errors.length === 1 ? '' : 's'} in ${contentDir}; fix ${errors.length === 1 ? 'it' : 'them'} and build again.`;
          if (fail) {
            logger.error(summary);
            process.exit(1);
          }
          logger.warn(summary);
        } else {
          logger.info(`${fileCount} content files valid; scores as of ${asOf}`);
        }
        // Astro's content sync takes the files from here instead of reading them again.
        if (sources) prepareContent(contentDir, sources);

        const includePrivate = readIncludePrivate();
        if (includePrivate) {
          logger.warn(
            'OKR_INCLUDE_PRIVATE is set: this internal build shows private objectives; do not publish it.',
          );
        }
        const settings = { contentDir, asOf, config, includePrivate, dev: command === 'dev' };
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'okr-portal-settings',
                resolveId: (id: string) =>
                  id === SETTINGS_MODULE ? `\0${SETTINGS_MODULE}` : undefined,
                load: (id: string) =>
                  id === `\0${SETTINGS_MODULE}`
                    ? `export default ${JSON.stringify(settings)};`
                    : undefined,
              },
            ],
          },
        });
      },
      'astro:config:done': () => recordTiming('astro:config:done'),
      'astro:build:start': () => recordTiming('astro:build:start'),
      'astro:build:generated': () => recordTiming('astro:build:generated'),
      'astro:build:done': ({ pages }) => recordTiming('astro:build:done', { pages: pages.length }),
    },
  };
}
