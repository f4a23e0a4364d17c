// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { okrPortal } from './src/integrations/okr-portal.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { createMarkdownProcessor } from './src/lib/markdown.ts';

/**
 * Keeps Astro's content cache apart for each content folder, so that a build of one folder never
 * reports entries of another that was built before.
 * @param {string | undefined} contentDir
 */
function cacheDirFor(contentDir) {
  const name = (contentDir || 'content').replaceAll(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `./node_modules/.astro/${name || 'content'}`;
}

// OKR_BASE and OKR_SITE set where the portal is served, for example /okrs/ on GitHub Pages.
// OKR_OUT_DIR and OKR_CACHE_DIR let several builds of different content share one checkout.
export default defineConfig({
  site: process.env.OKR_SITE || undefined,
  base: process.env.OKR_BASE || undefined,
  outDir: process.env.OKR_OUT_DIR || './dist',
  cacheDir: process.env.OKR_CACHE_DIR || cacheDirFor(process.env.OKR_CONTENT_DIR),
  trailingSlash: 'ignore',
  // Every page links the shared stylesheets instead of carrying a copy of them, which would add
  // about 6 KB to each of thousands of pages, and to what Pagefind reads and the browser fetches.
  // Several pages at once let one page render while the previous one is written to disk.
  build: { inlineStylesheets: 'never', concurrency: 4 },
  markdown: {
    // Mermaid code blocks become diagrams, so they must not go through syntax highlighting.
    processor: createMarkdownProcessor(),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
  },
  // The dev server watches the project; `npm run bench` leaves hundreds of thousands of files
  // in .bench/, more than the system allows file watchers for.
  vite: { server: { watch: { ignored: ['**/.bench/**'] } } },
  // A sitemap needs absolute URLs, so only a build with a site URL writes one.
  integrations: [okrPortal(), mdx(), searchIndex(), ...(process.env.OKR_SITE ? [sitemap()] : [])],
});
