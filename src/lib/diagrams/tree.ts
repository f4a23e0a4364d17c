/** Kind of a node in a diagram, which sets its shape. */
export type NodeKind = 'objective' | 'key-result' | 'action' | 'team';

/** A node of a diagram's hierarchy; the same tree draws the diagram and its text fallback. */
export interface TreeNode {
  /** Key that identifies the node across the tree, so that a node reached twice is drawn once. */
  key: string;
  label: string;
  kind: NodeKind;
  /** Site path the node links to, without the base path. */
  href?: string;
  /** Status or grade band, which sets the node's colour: a status such as `on-track`, or a band. */
  status?: string;
  /** Short text shown after the label in the fallback list, such as "score 0.64". */
  detail?: string;
  children: TreeNode[];
}

/** A diagram's hierarchy: its roots, each optionally in a named group drawn as a box. */
export interface DiagramTree {
  roots: { node: TreeNode; group?: string }[];
}

/** Counts the distinct nodes of a tree, as the drawn diagram shows them. */
export function countNodes(tree: DiagramTree): number {
  const keys = new Set<string>();
  const visit = (node: TreeNode) => {
    keys.add(node.key);
    node.children.forEach(visit);
  };
  tree.roots.forEach((root) => visit(root.node));
  return keys.size;
}
