/**
 * A content problem, located precisely enough for an editor to fix it without reading code:
 * the file (and line when known), the entry, the field, what was found and what is expected.
 * The catalog's reference checks, the build and `npm run validate` all report in this shape.
 */

export interface ContentProblem {
  /** Errors stop the build; warnings point at content that is probably incomplete. */
  severity: 'error' | 'warning';
  /** The file, as a path relative to the project when it is inside it. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** The entry, e.g. `paper "han2016deep"` or `theme "iclr-2016/attention"`. */
  entry: string;
  /** The field, e.g. `links.code`; `body` for MDX prose; `file name` or `folder name` for ids. */
  field: string;
  /** What the file holds, quoted as written, or a short description such as "nothing". */
  found: string;
  /** What would be right instead, or what to do. */
  expected: string;
  /** For a broken reference: the entry it names, so a tool can tell a missing entry from an invalid one. */
  refers?: { collection: 'conferences' | 'themes' | 'papers'; id: string } | undefined;
}

/** An error, the common case. */
export const problem = (p: Omit<ContentProblem, 'severity'>): ContentProblem => ({ severity: 'error', ...p });

/** A value as an editor would recognise it: strings quoted, dates as days, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Parts of a file that are not data fields, named as they are. */
const PARTS = new Set(['body', 'frontmatter', 'YAML', 'file name', 'folder name', 'id']);

/** `file:line: entry, field "x": found ..., expected: ...`, one line per problem. */
export function formatProblem(p: ContentProblem): string {
  const at = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = PARTS.has(p.field) ? p.field : `field "${p.field}"`;
  return `${at}: ${p.entry}, ${field}: found ${p.found}, expected: ${p.expected}`;
}

/** Problems in the order an editor works through them: by file, then line. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file, 'en') || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field, 'en'),
  );
}

/**
 * The one error that content problems travel in: the catalog's reference checks and the remark and
 * rehype plugins throw it with every problem they found, and the validator collects its list.
 */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super(`${problems.length} ${noun} in the content:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
  }
}
