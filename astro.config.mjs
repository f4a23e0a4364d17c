// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { okrPortal } from './src/integrations/okr-portal.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { remarkMermaid } from './src/lib/remark-mermaid.ts';

// OKR_BASE and OKR_SITE set where the portal is served, for example /okrs/ on GitHub Pages.
// OKR_OUT_DIR and OKR_CACHE_DIR let several builds of different content share one checkout.
export default defineConfig({
  site: process.env.OKR_SITE || undefined,
  base: process.env.OKR_BASE || undefined,
  outDir: process.env.OKR_OUT_DIR || './dist',
  cacheDir: process.env.OKR_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'ignore',
  markdown: {
    // Mermaid code blocks become diagrams, so they must not go through syntax highlighting.
    processor: unified({ remarkPlugins: [remarkMermaid] }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
  },
  integrations: [okrPortal(), mdx(), searchIndex()],
});
