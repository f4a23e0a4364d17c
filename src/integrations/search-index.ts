import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { recordTiming } from '../lib/timings.ts';

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, into
 * `<outDir>/pagefind/`. Only pages whose main content carries `data-pagefind-body` are indexed.
 * Any error that Pagefind returns fails the build.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'okr-portal-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        recordTiming('pagefind:start');
        const fail = (step: string, errors: string[]) => {
          for (const error of errors) logger.error(`Pagefind ${step} failed: ${error}`);
          throw new Error(`Pagefind could not ${step} ${outDir}; see the errors above.`);
        };

        try {
          // Table headers and captions are labels that every table repeats, which made result
          // excerpts read like "Key resultObjectiveOwnerCurrentProgressStatus".
          const { index, errors } = await pagefind.createIndex({
            forceLanguage: 'en',
            excludeSelectors: ['thead', 'caption'],
          });
          if (!index || errors.length > 0) fail('create an index for', errors);
          const added = await index!.addDirectory({ path: outDir });
          if (added.errors.length > 0) fail('index', added.errors);
          const written = await index!.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length > 0) fail('write the index to', written.errors);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Pagefind indexed ${added.page_count} pages in ${seconds} s`);
          recordTiming('pagefind:end', { pages: added.page_count });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
