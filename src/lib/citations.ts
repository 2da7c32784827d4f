/**
 * Inline citations: editors write `[@han2016deep]` or `[@a; @b]` in MDX. The same parser serves
 * the remark plugin (which renders the numbered links) and the catalog (which derives each theme's
 * reference list and each paper's "discussed in"), so both agree on keys and numbering.
 */

/** A bracketed group that starts with `@`: `[@a]`, `[@a; @b]`. */
const GROUP = /\[(@[^\]\n]*)\]/g;
const KEY = /^@([a-z0-9]+(?:[-_][a-z0-9]+)*)$/;

export interface CitationGroup {
  /** Offset of `[` in the scanned text. */
  index: number;
  /** The whole bracketed text, e.g. `[@a; @b]`. */
  raw: string;
  /** Paper ids in the order written. */
  keys: string[];
}

export class CitationSyntaxError extends Error {
  constructor(
    readonly raw: string,
    readonly part: string,
  ) {
    super(`malformed citation ${raw}: "${part}" is not a paper id (write [@paperid] or [@a; @b])`);
    this.name = 'CitationSyntaxError';
  }
}

/** Citation groups in plain text, and every malformed group instead of only the first. */
export function scanCitationGroups(text: string): { groups: CitationGroup[]; errors: CitationSyntaxError[] } {
  const groups: CitationGroup[] = [];
  const errors: CitationSyntaxError[] = [];
  for (const match of text.matchAll(GROUP)) {
    const raw = match[0];
    const parts = (match[1] ?? '').split(';').map((part) => part.trim());
    const keys = parts.map((part) => KEY.exec(part)?.[1]);
    const bad = parts.find((_, i) => keys[i] === undefined);
    if (bad === undefined) groups.push({ index: match.index, raw, keys: keys.filter((k) => k !== undefined) });
    else errors.push(new CitationSyntaxError(raw, bad));
  }
  return { groups, errors };
}

/** Finds citation groups in plain text (a Markdown text node, or a body with code removed). */
export function findCitationGroups(text: string): CitationGroup[] {
  const { groups, errors } = scanCitationGroups(text);
  if (errors[0]) throw errors[0];
  return groups;
}

/** Blanks out fenced code, inline code and math, where `[@...]` is literal, keeping offsets. */
function withoutLiterals(markdown: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/\$\$[\s\S]*?\$\$/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/(?<!\\)\$[^$\n]*(?<!\\)\$/g, blank);
}

/** Paper ids cited in a Markdown/MDX body, each once, in order of first appearance. */
export function extractCitations(markdown: string): string[] {
  const seen = new Set<string>();
  for (const group of findCitationGroups(withoutLiterals(markdown))) {
    for (const key of group.keys) seen.add(key);
  }
  return [...seen];
}

/**
 * Every citation of a Markdown/MDX body, for checking: the groups as written (code and math
 * skipped) and every malformed group, so one pass reports all of them.
 */
export function scanCitations(markdown: string): { groups: CitationGroup[]; errors: CitationSyntaxError[] } {
  return scanCitationGroups(withoutLiterals(markdown));
}

/** Anchor of the reference-list entry for a paper. */
export const referenceAnchor = (paperId: string): string => `ref-${paperId}`;

/** Anchor of the n-th (1-based) inline citation of a paper in one document. */
export const citationAnchor = (paperId: string, occurrence: number): string => `cite-${paperId}-${occurrence}`;
