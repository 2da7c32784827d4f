/**
 * Inline citations: editors write `[@han2016deep]` or `[@a; @b]` in MDX prose. This is the one
 * reader of them. It walks the body's syntax tree (`lib/mdx.ts`), so code and math, which hold
 * no citations, are skipped by the parser rather than by a pattern, and it keeps each citation's
 * line. The catalog (reference lists, "discussed in"), the validator, the remark plugin that
 * renders the numbered links, and the tests all ask it.
 */
import type { Node, Root, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { PAPER_ID_PATTERN } from './ids';
import { parseMdx } from './mdx';

/** A bracketed group that starts with `@`: `[@a]`, `[@a; @b]`. */
const GROUP = /\[(@[^\]\n]*)\]/g;

/** One citation group as written, and where it is. */
export interface Citation {
  /** The whole bracketed text, e.g. `[@a; @b]`. */
  raw: string;
  /** Paper ids in the order written. */
  keys: string[];
  /** 1-based line in the parsed text, when the tree has positions. */
  line: number | undefined;
  /**
   * Index of the top-level block that holds it (a paragraph, a list, a quote): citations in the
   * same block are discussed together.
   */
  block: number;
  /** Text of the nearest heading before that block, if any: the section it is discussed in. */
  section: string | undefined;
  /** The text node that holds it, and the group's offsets in the node's value. */
  node: Text;
  start: number;
  end: number;
}

/** A group that looks like a citation but cannot be one, said the way an editor can fix it. */
export interface CitationProblem {
  raw: string;
  line: number | undefined;
  /** What to write instead. */
  expected: string;
}

export interface CitationScan {
  citations: Citation[];
  problems: CitationProblem[];
}

/** Nodes whose text is a link's label: a citation there would put a link inside a link. */
const LINKS = new Set(['link', 'linkReference']);

function malformed(part: string): string | undefined {
  if (!part.startsWith('@')) return `"${part}" lacks its @`;
  if (!PAPER_ID_PATTERN.test(part.slice(1))) {
    return `"${part.slice(1)}" is not a paper id: lower-case letters, digits, - and _`;
  }
  return undefined;
}

/** The text a node shows: its own value, or its children's. */
const textOf = (node: Node): string =>
  'value' in node && typeof node.value === 'string'
    ? node.value
    : 'children' in node
      ? (node.children as Node[]).map(textOf).join('')
      : '';

/** For each top-level block, the text of the nearest heading before it. */
function sections(tree: Root): (string | undefined)[] {
  let current: string | undefined;
  return tree.children.map((child) => {
    if (child.type === 'heading') current = textOf(child).trim();
    return current;
  });
}

/** Every citation group in a syntax tree, and every group that is malformed or misplaced. */
export function findCitations(tree: Root): CitationScan {
  const citations: Citation[] = [];
  const problems: CitationProblem[] = [];
  const sectionOf = sections(tree);
  visitParents(tree, 'text', (node, ancestors) => {
    const inLink = ancestors.some((a) => LINKS.has(a.type));
    for (const match of node.value.matchAll(GROUP)) {
      const raw = match[0];
      const before = node.value.slice(0, match.index);
      const first = node.position?.start.line;
      const line = first === undefined ? undefined : first + (before.match(/\n/g)?.length ?? 0);
      const parts = (match[1] ?? '').split(';').map((part) => part.trim());
      const reason = parts.map(malformed).find((r) => r !== undefined);
      if (reason !== undefined) {
        problems.push({ raw, line, expected: `a citation such as [@paperid] or [@a; @b] (${reason})` });
      } else if (inLink) {
        problems.push({
          raw,
          line,
          expected: `a citation outside the link's text: it is a link itself, and a link cannot hold another (move ${raw} after the link)`,
        });
      } else {
        const keys = parts.map((part) => part.slice(1));
        const top = ancestors[1] ?? node;
        const block = tree.children.indexOf(top as Root['children'][number]);
        const section = sectionOf[block];
        citations.push({ raw, keys, line, block, section, node, start: match.index, end: match.index + raw.length });
      }
    }
  });
  return { citations, problems };
}

/** The citations of an MDX body; throws the parser's error on invalid MDX. */
export function readCitations(body: string): CitationScan {
  return findCitations(parseMdx(body));
}

/** Paper ids cited, each once, in order of first appearance: the order of a reference list. */
export function citedKeys(scan: CitationScan): string[] {
  return [...new Set(scan.citations.flatMap((c) => c.keys))];
}

/** Anchor of the reference-list entry for a paper. */
export const referenceAnchor = (paperId: string): string => `ref-${paperId}`;

/**
 * Id of a paper's preview card on a page that cites it. The citation links to `#ref-<id>` (its
 * reference entry, which works without script); the preview script finds the card from that.
 */
export const previewAnchor = (paperId: string): string => `preview-${paperId}`;

/** Anchor of the n-th (1-based) inline citation of a paper in one document. */
export const citationAnchor = (paperId: string, occurrence: number): string => `cite-${paperId}-${occurrence}`;
