/** Records whether a document has math, so its page loads KaTeX's stylesheet and no other page does. */
import type {} from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { visit, EXIT } from 'unist-util-visit';
import type { VFile } from 'vfile';

export function remarkMathFlag() {
  return (tree: Root, file: VFile) => {
    let found = false;
    visit(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') {
        found = true;
        return EXIT;
      }
      return undefined;
    });
    const astro = file.data.astro;
    if (astro?.frontmatter) astro.frontmatter['hasMath'] = found;
  };
}
