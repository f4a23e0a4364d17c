import type { DiagramTree, TreeNode } from './tree.ts';

/** Smallest and largest height, in CSS pixels, reserved for a drawn diagram. */
const MIN_HEIGHT = 160;
const MAX_HEIGHT = 640;

/**
 * Estimates the height to reserve for a diagram before it is drawn, so that the page does not
 * move when it appears: about one row per leaf in a left-to-right chart, and one per level in a
 * top-to-bottom one. A taller drawing scrolls inside the reserved box.
 */
export function estimateHeight(tree: DiagramTree, direction: 'LR' | 'TB'): number {
  const leaves = new Set<string>();
  let depth = 0;
  const visit = (node: TreeNode, level: number) => {
    depth = Math.max(depth, level);
    if (node.children.length === 0) leaves.add(node.key);
    node.children.forEach((child) => visit(child, level + 1));
  };
  tree.roots.forEach((root) => visit(root.node, 1));
  const estimate = direction === 'LR' ? leaves.size * 56 + 80 : depth * 100 + 40;
  return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, estimate));
}
