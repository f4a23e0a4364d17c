// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { okrPortal } from './src/integrations/okr-portal.ts';

// OKR_BASE and OKR_SITE set where the portal is served, for example /okrs/ on GitHub Pages.
export default defineConfig({
  site: process.env.OKR_SITE || undefined,
  base: process.env.OKR_BASE || undefined,
  outDir: process.env.OKR_OUT_DIR || './dist',
  trailingSlash: 'ignore',
  integrations: [okrPortal(), mdx()],
});
