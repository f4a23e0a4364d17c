import { unified } from '@astrojs/markdown-remark';
import { rehypeSanitizeMarkdown } from './rehype-sanitize-markdown.ts';
import { remarkMermaid } from './remark-mermaid.ts';

/**
 * Builds the Markdown processor of `astro.config.mjs`, which the worker threads that render
 * content bodies build again. Mermaid code blocks become diagrams, and bodies are sanitized so
 * that content runs no script in readers' browsers.
 */
export function createMarkdownProcessor() {
  return unified({
    remarkPlugins: [remarkMermaid],
    rehypePlugins: [rehypeSanitizeMarkdown],
  });
}
