import type { DiagramTree, NodeKind, TreeNode } from './tree.ts';

/** Maximum label length in a diagram, in characters; longer labels end in an ellipsis. */
const MAX_LABEL_LENGTH = 80;

/** Mermaid source of a diagram, with the links of its nodes by Mermaid node id. */
export interface MermaidDiagram {
  source: string;
  links: Record<string, string>;
  nodeCount: number;
}

/**
 * Escapes text for a quoted Mermaid label. Every character that Mermaid's flowchart grammar or
 * its HTML labels treat specially becomes one of Mermaid's entity codes (`#quot;`, `#35;` …),
 * which Mermaid draws back as the character itself, so content can neither end the label nor
 * inject markup. Line breaks and control characters become spaces.
 */
export function escapeLabel(text: string): string {
  const flat = text.replaceAll(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  const short =
    [...flat].length > MAX_LABEL_LENGTH
      ? `${[...flat].slice(0, MAX_LABEL_LENGTH - 1).join('')}…`
      : flat;
  return short.replaceAll(/[#"<>&`;|{}[\]()\\]/g, (character) => `#${character.codePointAt(0)};`);
}

const SHAPES: Record<NodeKind, [string, string]> = {
  objective: ['["', '"]'],
  'key-result': ['("', '")'],
  action: ['[/"', '"/]'],
  team: ['["', '"]'],
};

/** Turns a status or band into a Mermaid class name, such as `on-track` into `status_on_track`. */
export function statusClass(status: string): string {
  return `status_${status.replaceAll(/[^a-z0-9]/g, '_')}`;
}

/**
 * Writes a diagram tree as a Mermaid flowchart. Node and group ids are generated (`n0`, `g0`),
 * so they are always valid Mermaid ids whatever the content's ids are. Colours come from the
 * classes `status_…`, which the page defines for its colour scheme.
 */
export function toMermaid(tree: DiagramTree, direction: 'LR' | 'TB' = 'LR'): MermaidDiagram {
  const ids = new Map<string, string>();
  const lines = [`flowchart ${direction}`];
  const edges: string[] = [];
  const classes = new Map<string, string[]>();
  const links: Record<string, string> = {};

  const declare = (node: TreeNode, indent: string) => {
    if (ids.has(node.key)) return;
    const id = `n${ids.size}`;
    ids.set(node.key, id);
    const [open, close] = SHAPES[node.kind];
    lines.push(`${indent}${id}${open}${escapeLabel(node.label)}${close}`);
    if (node.href) links[id] = node.href;
    if (node.status) classes.set(node.status, [...(classes.get(node.status) ?? []), id]);
    for (const child of node.children) declare(child, indent);
  };
  const connect = (node: TreeNode, seen: Set<string>) => {
    for (const child of node.children) {
      const edge = `  ${ids.get(node.key)} --> ${ids.get(child.key)}`;
      if (!seen.has(edge)) {
        seen.add(edge);
        edges.push(edge);
      }
      connect(child, seen);
    }
  };

  const groups = new Map<string, TreeNode[]>();
  const ungrouped: TreeNode[] = [];
  for (const { node, group } of tree.roots) {
    if (group === undefined) ungrouped.push(node);
    else groups.set(group, [...(groups.get(group) ?? []), node]);
  }
  [...groups].forEach(([label, nodes], index) => {
    lines.push(`  subgraph g${index}["${escapeLabel(label)}"]`);
    nodes.forEach((node) => declare(node, '    '));
    lines.push('  end');
  });
  ungrouped.forEach((node) => declare(node, '  '));

  const seen = new Set<string>();
  tree.roots.forEach(({ node }) => connect(node, seen));
  lines.push(...edges);
  for (const [status, members] of classes)
    lines.push(`  class ${members.join(',')} ${statusClass(status)}`);

  return { source: `${lines.join('\n')}\n`, links, nodeCount: ids.size };
}
