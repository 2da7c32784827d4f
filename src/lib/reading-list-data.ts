/**
 * What the reading-list page and the search page need beyond the stored list: share links, the
 * shards the paper data is split into, and the Markdown export. Apart from `reading-list.ts` so
 * that the save control on every reading page loads only the stored list's code.
 */

/** Why a stored value is not a list of ids (`readIds` gave undefined), in words for the reader. */
export function unreadableReason(raw: string): string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'it is not valid JSON';
  }
  if (!Array.isArray(value)) return 'it is not a list';
  const bad = value.findIndex((v) => typeof v !== 'string' || v === '');
  return `entry ${bad + 1} is not a paper id`;
}

/** The list with every id of `more` added at the end, in order, each once. */
export const addAll = (ids: readonly string[], more: readonly string[]): string[] => [...new Set([...ids, ...more])];

/** The URL parameter of a shared list: ids joined by commas (ids never hold one). */
export const SHARE_PARAM = 'papers';

/** A link that carries the list: the reading-list page's URL with the ids in its query. */
export function shareUrl(pageUrl: string, ids: readonly string[]): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set(SHARE_PARAM, ids.join(','));
  // Commas need no escaping in a query; a readable link is easier to trust and to trim by hand.
  return url.href.replaceAll('%2C', ',');
}

/** The ids a shared link carries, in order, each once; undefined when it carries none. */
export function sharedIds(search: string): string[] | undefined {
  const value = new URLSearchParams(search).get(SHARE_PARAM);
  if (value === null) return undefined;
  return [
    ...new Set(
      value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * How the paper data the reading list needs is split into files: shards of about
 * `PAPERS_PER_SHARD` papers, a power of two of them, so a list of a few papers loads a few small
 * files even at a 10,000-paper conference. Which shard holds an id is a hash the browser can
 * compute; the count is written into the page, so a rebuild that changes it stays consistent.
 */
export const PAPERS_PER_SHARD = 32;

export function shardCount(papers: number): number {
  let shards = 1;
  while (shards * PAPERS_PER_SHARD < papers) shards *= 2;
  return shards;
}

/** FNV-1a over the id's UTF-16 code units, modulo the shard count. */
export function shardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** What the reading list shows and exports of one paper: built at build time, one shard file per group. */
export interface ListedPaper {
  id: string;
  title: string;
  authors: string[];
  venue: string;
  year: number;
  award?: string | undefined;
  /** The paper's page on this site. */
  page: string;
  /** The record outside the site (arXiv, landing page or PDF). */
  record?: string | undefined;
  arxiv?: string | undefined;
  pdf?: string | undefined;
  /** The themes that discuss it, with the URL of its citation there. */
  themes: { title: string; url: string }[];
  bibtex: string;
  csl: Record<string, unknown>;
}

/** A Markdown list of papers: a line each, title linked to its page, then authors and venue. */
export function markdownList(papers: readonly ListedPaper[], origin: string): string {
  const escape = (text: string) => text.replace(/([\\[\]*_`<>])/g, '\\$1');
  return papers
    .map((p) => {
      const page = new URL(p.page, origin).href;
      const record = p.record ? ` ([record](${p.record}))` : '';
      return `- [${escape(p.title)}](${page}). ${escape(p.authors.join(', '))}. ${escape(p.venue)}.${record}`;
    })
    .join('\n');
}
