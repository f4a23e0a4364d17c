// @vitest-environment jsdom
import mermaid from 'mermaid';
import { describe, expect, test } from 'vitest';
import { escapeLabel, toMermaid } from '../../src/lib/diagrams/mermaid.ts';
import type { DiagramTree, TreeNode } from '../../src/lib/diagrams/tree.ts';

const HOSTILE_LABELS = [
  'Say "hello" to customers',
  "It's the customers' quarter",
  'Brackets [a] (b) {c} <d>',
  'Hash #1 and entity #quot; and &amp;',
  'Semicolons; end; statements;',
  'Arrows --> and -.-> and ==> in text',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'click n0 call alert()',
  '%% a Mermaid comment',
  'end',
  'subgraph x',
  'Pipes | and backslash \\ and backtick `code`',
  'Emoji 🚀📈 and ✓',
  'عربي: زيادة المبيعات',
  'עברית: לקוחות חדשים',
  '中文：客户增长',
  'Line one\nline two\r\nline three',
  'Tab\tand\u0000null',
  'x'.repeat(200),
];

function node(key: string, label: string, children: TreeNode[] = []): TreeNode {
  return { key, label, kind: 'objective', href: `/${key}/`, status: 'on-track', children };
}

const tree: DiagramTree = {
  roots: [
    {
      node: node(
        'root',
        HOSTILE_LABELS[0]!,
        HOSTILE_LABELS.slice(1).map((label, index) => node(`n${index}`, label)),
      ),
      group: 'Group "with" [brackets] and #hash;',
    },
  ],
};

describe('escapeLabel', () => {
  test('leaves no character that ends a label', () => {
    for (const label of HOSTILE_LABELS) {
      expect(escapeLabel(label), label).not.toMatch(/["<>[\]{}()|`\n\r\t]/);
    }
  });

  test('encodes quotes and hashes as entities', () => {
    expect(escapeLabel('Say "hi" #1')).toBe('Say #34;hi#34; #35;1');
  });

  test('keeps non-Latin text and emoji', () => {
    expect(escapeLabel('עברית 🚀')).toBe('עברית 🚀');
  });

  test('shortens long labels', () => {
    expect([...escapeLabel('x'.repeat(200))].length).toBe(80);
  });
});

describe('toMermaid with hostile labels', () => {
  const diagram = toMermaid(tree);

  test('passes mermaid.parse', async () => {
    await expect(mermaid.parse(diagram.source)).resolves.toMatchObject({
      diagramType: 'flowchart-v2',
    });
  });

  test('uses generated node ids only', () => {
    const ids = [...diagram.source.matchAll(/^\s+(\S+?)[[(/]/gm)].map((match) => match[1]);
    expect(ids.length).toBe(HOSTILE_LABELS.length);
    for (const id of ids) expect(id).toMatch(/^n\d+$/);
  });

  test('counts every node once', () => {
    expect(diagram.nodeCount).toBe(HOSTILE_LABELS.length);
    expect(Object.keys(diagram.links)).toHaveLength(HOSTILE_LABELS.length);
  });

  test('contains no raw markup', () => {
    expect(diagram.source).not.toContain('<script');
    expect(diagram.source).not.toContain('<img');
  });

  test('parse rejects an unescaped label', async () => {
    // Guards the test itself: the parser does fail on a label that ends early.
    await expect(mermaid.parse('flowchart LR\n  n0["a "b"]')).rejects.toThrow();
  });

  test('a node reached twice is drawn once', () => {
    const shared = node('shared', 'Shared action');
    const twice = toMermaid({
      roots: [{ node: node('a', 'A', [shared]) }, { node: node('b', 'B', [shared]) }],
    });
    expect(twice.nodeCount).toBe(3);
    expect(twice.source.match(/--> n1$/gm)).toHaveLength(2);
  });
});
