/**
 * Turns `[@id]` and `[@a; @b]` in MDX prose into numbered links to the page's reference list,
 * numbered by first appearance (the catalog numbers the reference list the same way, from the
 * same reader, `lib/citations.ts`). Each citation gets its own anchor so a paper page can link
 * back to where a theme discusses it.
 */
import type {} from '@astrojs/markdown-remark';
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { citationAnchor, findCitations, referenceAnchor, type Citation } from '../lib/citations';
import { labelOfPath } from '../lib/content-files';
import { ContentError, problem } from '../lib/problems';

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

/** The phrasing that replaces one text node: its text, with each citation group as a `<span>`. */
function replaceText(node: Text, citations: Citation[], numbers: Map<string, number>, seen: Map<string, number>) {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const citation of citations) {
    if (citation.start > last) out.push({ type: 'text', value: node.value.slice(last, citation.start) });
    const inner: PhrasingContent[] = [{ type: 'text', value: '[' }];
    citation.keys.forEach((key, i) => {
      if (i > 0) inner.push({ type: 'text', value: ', ' });
      inner.push(citationLink(key, numbers, seen));
    });
    inner.push({ type: 'text', value: ']' });
    // An emphasis node renamed to <span>: mdast has no inline container of its own.
    out.push({ type: 'emphasis', children: inner, data: { hName: 'span', hProperties: { className: ['citation'] } } });
    last = citation.end;
  }
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

export function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const { citations, problems } = findCitations(tree);
    if (problems.length > 0) {
      const entry = labelOfPath(file.path);
      throw new ContentError(
        problems.map((p) =>
          problem({ file: file.path, line: p.line, entry, field: 'body', found: p.raw, expected: p.expected }),
        ),
      );
    }
    // Numbered in document order; a text node may hold several groups.
    const numbers = new Map<string, number>();
    const seen = new Map<string, number>();
    const byNode = new Map<Text, Citation[]>();
    for (const c of citations) byNode.set(c.node, [...(byNode.get(c.node) ?? []), c]);
    const replacements = new Map<Text, PhrasingContent[]>();
    for (const [node, group] of byNode) replacements.set(node, replaceText(node, group, numbers, seen));
    const splice = (parent: Parent) => {
      parent.children = parent.children.flatMap((child) => {
        const replaced = child.type === 'text' ? replacements.get(child) : undefined;
        if (replaced) return replaced;
        if ('children' in child) splice(child);
        return [child];
      }) as Parent['children'];
    };
    if (replacements.size > 0) splice(tree);
    const astro = file.data.astro;
    if (astro?.frontmatter) astro.frontmatter['citations'] = [...numbers.keys()];
  };
}
