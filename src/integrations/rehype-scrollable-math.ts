/**
 * A display formula wider than the column scrolls sideways (see `.katex-display` in the prose
 * styles). A reader without a mouse scrolls it after focusing it, so every display formula is
 * focusable (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeScrollableMath() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const classes = node.properties['className'];
      if (Array.isArray(classes) && classes.includes('katex-display')) node.properties['tabIndex'] = 0;
    });
  };
}
