/**
 * Drops the negative `height` declarations KaTeX writes into some inline styles, which browsers
 * ignore and the HTML checker rejects (see `withoutNegativeHeights`). Runs after rehype-katex.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withoutNegativeHeights } from '../lib/math';

export function rehypeKatexStyles() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const style = node.properties['style'];
      if (typeof style !== 'string' || !style.includes('height:-')) return;
      const kept = withoutNegativeHeights(style);
      if (kept) node.properties['style'] = kept;
      else delete node.properties['style'];
    });
  };
}
