import type { Root } from 'hast';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import rehypeSanitize from 'rehype-sanitize';
import type { VFile } from 'vfile';

/**
 * GitHub's sanitizing rules, plus what the portal's own Markdown output needs: highlighted code
 * (classes and inline colours) and Mermaid diagram figures.
 */
const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'style'],
    figure: ['dataDiagram', 'dataLinks', 'dataPagefindIgnore'],
    div: [...(defaultSchema.attributes?.div ?? []), 'tabIndex', 'role', 'ariaLabel'],
  },
};

/**
 * Removes raw HTML, scripts, event handlers and `javascript:` links from Markdown bodies, so that
 * content cannot run code in readers' browsers. MDX bodies are code reviewed as code, and pass
 * unchanged: sanitizing would drop their components.
 */
export function rehypeSanitizeMarkdown() {
  const sanitize = rehypeSanitize(schema);
  return (tree: Root, file: VFile): Root => {
    if (file.path?.endsWith('.mdx')) return tree;
    return sanitize(tree);
  };
}
