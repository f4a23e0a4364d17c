import type { Link } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import type { OkrDiff } from '../../src/lib/diff.ts';
import { DIFF_MARKER, renderDiff } from '../../src/lib/diff-markdown.ts';
import { keyResult, objective } from '../support/model.ts';

const HOSTILE = [
  '[click](javascript:alert(1))',
  '![pixel](https://tracker.test/p.png)',
  '<img src=x onerror=alert(1)>',
  DIFF_MARKER,
  '**bold** _it_ ~~gone~~ `code`',
  'a | b',
  '# heading',
  '&lt;entity&gt;',
  'see www.tracker.test or mail me@tracker.test',
  'line\nbreak',
];

function diffWith(title: string): OkrDiff {
  const changed = objective({
    id: '2026-q4/sales/hostile',
    title,
    keyResults: [keyResult({ id: 'leads', title })],
  });
  return {
    addedObjectives: [changed],
    removedObjectives: [],
    addedKeyResults: [],
    removedKeyResults: [],
    targetChanges: [
      {
        objective: changed,
        keyResult: changed.keyResults[0]!,
        before: changed.keyResults[0]!,
        from: 100,
        to: 200,
      },
    ],
    newCheckIns: [],
    statusChanges: [],
  };
}

const MARKUP = ['link', 'image', 'html', 'emphasis', 'strong', 'delete', 'inlineCode'];

describe('renderDiff with hostile titles', () => {
  test.each(HOSTILE)('%j stays text', (title) => {
    const markdown = renderDiff(diffWith(title), '2026-11-15');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const markup: string[] = [];
    visit(tree, (node) => {
      if (!MARKUP.includes(node.type)) return;
      // GitHub links every bare URL and e-mail address; such a link shows its own address.
      if (node.type === 'link' && (node as Link).url.endsWith(toString(node))) return;
      markup.push(node.type);
    });
    // Only the comment marker on the first line is HTML.
    expect(markup).toEqual(['html']);
    expect(markdown.split(DIFF_MARKER).length).toBe(2);
    expect(markdown).toContain('| Objective | Key result | Target |');
  });
});
