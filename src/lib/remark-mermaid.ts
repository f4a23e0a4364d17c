import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Height, in CSS pixels, reserved per line of a diagram's source, within the limits below. */
const LINE_HEIGHT = 36;
const MIN_HEIGHT = 160;
const MAX_HEIGHT = 560;

/**
 * Turns each ```` ```mermaid ```` code block into a diagram figure that the page's diagram
 * script draws. Without JavaScript the figure shows the Mermaid source as text.
 */
export function remarkMermaid() {
  return (tree: Root) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const lines = node.value.split('\n').length;
      const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, lines * LINE_HEIGHT));
      parent.children[index] = {
        type: 'mermaidFigure',
        data: {
          hName: 'figure',
          hProperties: {
            className: ['diagram'],
            dataDiagram: '',
            dataLinks: '{}',
            dataPagefindIgnore: 'all',
          },
          hChildren: [
            {
              type: 'element',
              tagName: 'div',
              properties: {
                className: ['diagram-box'],
                tabIndex: 0,
                role: 'group',
                ariaLabel: 'Diagram',
                style: `height: ${height}px`,
              },
              children: [],
            },
            {
              type: 'element',
              tagName: 'pre',
              properties: { className: ['diagram-source'] },
              children: [{ type: 'text', value: node.value }],
            },
          ],
        },
      } as never;
    });
  };
}

/** Tells whether a Markdown body contains a Mermaid code block. */
export function hasMermaid(body: string | undefined): boolean {
  return body !== undefined && /^\s*(```|~~~)\s*mermaid\b/m.test(body);
}
