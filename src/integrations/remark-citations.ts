/**
 * Turns `[@id]` and `[@a; @b]` in MDX prose into numbered links to the page's reference list,
 * numbered by first appearance (the catalog numbers the reference list the same way). Each
 * citation gets its own anchor so a paper page can link back to where a theme discusses it.
 */
import type {} from '@astrojs/markdown-remark';
import type { Link, PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CitationSyntaxError, citationAnchor, findCitationGroups, referenceAnchor } from '../lib/citations';

function citationLink(key: string, numbers: Map<string, number>, seen: Map<string, number>): Link {
  const number = numbers.get(key) ?? numbers.size + 1;
  numbers.set(key, number);
  const occurrence = (seen.get(key) ?? 0) + 1;
  seen.set(key, occurrence);
  return {
    type: 'link',
    url: `#${referenceAnchor(key)}`,
    children: [{ type: 'text', value: String(number) }],
    data: { hProperties: { id: citationAnchor(key, occurrence), ariaLabel: `Reference ${number}` } },
  };
}

export function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const numbers = new Map<string, number>();
    const seen = new Map<string, number>();
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || parent.type === 'link') return;
      let groups;
      try {
        groups = findCitationGroups(node.value);
      } catch (error) {
        if (error instanceof CitationSyntaxError) {
          file.fail(`${file.path}: ${error.message}`, {
            place: node.position,
            source: 'remark-citations',
            ruleId: 'malformed-citation',
          });
        }
        throw error;
      }
      if (groups.length === 0) return;
      const out: PhrasingContent[] = [];
      let last = 0;
      for (const group of groups) {
        if (group.index > last) out.push({ type: 'text', value: node.value.slice(last, group.index) });
        const inner: PhrasingContent[] = [{ type: 'text', value: '[' }];
        group.keys.forEach((key, i) => {
          if (i > 0) inner.push({ type: 'text', value: ', ' });
          inner.push(citationLink(key, numbers, seen));
        });
        inner.push({ type: 'text', value: ']' });
        // An emphasis node renamed to <span>: mdast has no inline container of its own.
        out.push({
          type: 'emphasis',
          children: inner,
          data: { hName: 'span', hProperties: { className: ['citation'] } },
        });
        last = group.index + group.raw.length;
      }
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...out);
      return [SKIP, index + out.length];
    });
    const astro = file.data.astro;
    if (astro?.frontmatter) astro.frontmatter['citations'] = [...numbers.keys()];
  };
}
