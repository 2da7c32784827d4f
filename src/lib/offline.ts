/**
 * What a conference's offline copy holds, decided at build time: the pages of its digest in parts,
 * most important first, the files those pages load, and which parts fit the size a reader is
 * asked to download. Pure: `integrations/offline.ts` reads `dist/` and asks this.
 */
import { Parser } from 'htmlparser2';
import type { Conference, Paper } from './catalog';
import { pagePaths } from './urls';

/** A kind of page the copy may hold, named as the offline page tells a reader what is left out. */
export interface OfflinePart {
  name: string;
  /** Page paths relative to the base, as `pagePaths` gives them (`papers/x/`); `''` is the home page. */
  pages: string[];
}

/**
 * The parts of a conference's copy, in the order they are given up when the copy would be too
 * large: author pages first (search finds an author's papers by name), then paper pages (search
 * still shows each paper's title, authors and summary). The digest itself, its talks and
 * follow-ups, the indexes, search and the reading list always stay.
 */
export function offlineParts(conference: Conference, readingListShards = 0): OfflinePart[] {
  const c = conference.id;
  const digest = [
    ...conference.followUps.map((f) => pagePaths.followUp(c, f.slug)),
    // The reading list works offline too: its page and the data it shows the saved papers from.
    pagePaths.route('readingList'),
    ...Array.from({ length: readingListShards }, (_, n) => pagePaths.readingListShard(n)),
    pagePaths.conference(c),
    ...(conference.outlook ? [pagePaths.outlook(c)] : []),
    ...conference.themes.map((t) => pagePaths.theme(c, t.slug)),
    pagePaths.offline(c),
    ...conference.talks.map((t) => pagePaths.talk(c, t.slug)),
    '',
    pagePaths.route('papers'),
    pagePaths.route('authors'),
    pagePaths.route('talks'),
    pagePaths.route('search'),
    pagePaths.route('offline'),
  ];
  // A digest may cite a paper filed under another conference: its page is part of the reading.
  const papers = new Set<Paper>([
    ...conference.papers,
    ...conference.references,
    ...(conference.outlook?.references ?? []),
    ...conference.themes.flatMap((t) => t.papers),
    ...conference.talks.flatMap((t) => (t.paper ? [t.paper] : [])),
  ]);
  const authors = new Set([...papers].flatMap((p) => p.authors).filter((a) => a.hasPage));
  const sorted = (paths: Iterable<string>) => [...new Set(paths)].sort();
  return [
    { name: 'the digest, its talks, the indexes and search', pages: sorted(digest) },
    { name: 'paper pages', pages: sorted([...papers].map((p) => pagePaths.paper(p.id))) },
    { name: 'author pages', pages: sorted([...authors].map((a) => pagePaths.author(a.slug))) },
  ];
}

/**
 * The parts that fit `budget` bytes: the first part always, then each next one while the total
 * stays within the budget. Parts are dropped from the end, never from the middle, so a smaller copy
 * is always a prefix of a larger one.
 */
export function partsWithin<P extends { bytes: number }>(
  parts: readonly P[],
  budget: number,
): { kept: P[]; omitted: P[] } {
  let total = 0;
  let cut = parts.length;
  for (const [i, part] of parts.entries()) {
    total += part.bytes;
    if (i > 0 && total > budget) {
      cut = i;
      break;
    }
  }
  return { kept: parts.slice(0, cut), omitted: parts.slice(cut) };
}

/** Link relations whose target a page loads to render: what an offline copy must hold with it. */
const LOADED_LINKS = new Set(['stylesheet', 'icon', 'preload', 'modulepreload']);

/** The URLs of the stylesheets, scripts, icons and preloads a page loads, as written. */
export function pageReferences(html: string): string[] {
  const refs: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
      if (name === 'link' && attributes['href'] && rel.some((r) => LOADED_LINKS.has(r))) refs.push(attributes['href']);
      if (name === 'script' && attributes['src']) refs.push(attributes['src']);
      if (name === 'img' && attributes['src']) refs.push(attributes['src']);
    },
  });
  parser.end(html);
  return refs;
}

/**
 * The `url()`s of a stylesheet, but for the fallbacks of a font's `src` list: every browser with a
 * service worker reads WOFF2, the first format KaTeX lists, so its WOFF and TTF copies would only
 * triple the fonts' weight. A fallback is a `url()` that follows a comma.
 */
export function cssReferences(css: string): string[] {
  const refs: string[] = [];
  for (const m of css.matchAll(/(,\s*)?url\(\s*(['"]?)([^'")]+)\2\s*\)/g)) {
    const url = m[3] ?? '';
    if (m[1] === undefined && !url.startsWith('data:')) refs.push(url);
  }
  return refs;
}

/** The modules a built script imports by relative path (`import "./x.js"`, `from"./x.js"`, `import("./x.js")`). */
export function scriptImports(js: string): string[] {
  return [...js.matchAll(/(?:\bimport|\bfrom)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] ?? '');
}

/**
 * The day of the build: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when
 * set, so two builds of the same commit are byte-identical; else today, in UTC.
 */
export function buildDay(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new Error(`SOURCE_DATE_EPOCH: found "${epoch}", expected whole seconds since 1970 (date +%s)`);
    }
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}
