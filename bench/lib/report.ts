/**
 * The benchmark's results: their JSON shape, the budgets of issue 7 checked against them, and the
 * Markdown report. Units are SI (1 kB = 1,000 bytes, 1 GB = 10^9 bytes), which makes every budget
 * slightly stricter than its binary reading.
 */
import type { BaselineSize } from './baseline-child.ts';
import type { Machine } from './machine.ts';
import type { FolderSize, ReaderCosts } from './output.ts';
import type { HarnessResult, Query } from './search-harness.ts';
import type { Spread } from './stats.ts';

export interface BuildResult {
  label: string;
  seconds: Spread;
  peakRssBytes: Spread;
  /** HTML pages in the output. */
  pages: number;
  /** Median build seconds per 1,000 HTML pages. */
  secondsPer1000Pages: number;
  dist: FolderSize;
}

export interface IndexResult {
  seconds: Spread;
  peakRssBytes: Spread;
  pages: number;
  files: number;
  bytes: number;
}

export interface BaselineResult {
  seconds: Spread;
  peakRssBytes: Spread;
  size: BaselineSize;
}

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  /**
   * `undefined`: not checked at this corpus size. Budgets that grow with the corpus (time, memory,
   * search bytes, file counts) are set for 10,000 papers; per-page and ratio budgets hold at any size.
   */
  pass: boolean | undefined;
}

export interface Results {
  createdAt: string;
  command: string;
  machine: Machine;
  corpus: { kind: 'synthetic' | 'real'; papers: number; seed: string | undefined; facts: Record<string, unknown> };
  rounds: number;
  /** The order of steps within each round. */
  order: string[];
  builds: { A: BuildResult; B: BuildResult; C: BuildResult };
  /** Pagefind run as its own step over A's output; absent when the project has no indexer. */
  indexing: IndexResult | undefined;
  baselines: { minisearch: BaselineResult; lunr: BaselineResult };
  ratios: { aOverBPer1000: number; aOverCPer1000: number; aOverBTotal: number; aOverCTotal: number };
  reader: ReaderCosts;
  browser: HarnessResult;
  queries: Query[];
  budgets: Budget[];
  /** Things the run could not measure, said plainly. */
  notes: string[];
}

/** The corpus size the absolute budgets are set for. */
export const BUDGET_PAPERS = 10_000;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => (bytes < 1e6 ? kB(bytes) : `${(bytes / 1e6).toFixed(1)} MB`);
const GB = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const x = (ratio: number) => `${ratio.toFixed(2)}x`;
const int = (n: number) => n.toLocaleString('en-US');
const count = (n: number, noun: string) => `${int(n)} ${noun}${n === 1 ? '' : 's'}`;
const range = (sp: Spread, fmt: (n: number) => string) =>
  sp.values.length > 1 ? `${fmt(sp.median)} (${fmt(sp.min)}–${fmt(sp.max)})` : fmt(sp.median);

export function checkBudgets(r: Omit<Results, 'budgets'>): Budget[] {
  const atScale = r.corpus.papers >= BUDGET_PAPERS;
  const scaled = (pass: boolean) => (atScale ? pass : undefined);
  const budgets: Budget[] = [
    {
      name: 'Build time per 1,000 pages vs the bare-Astro floor (A/B)',
      limit: '≤ 1.30x',
      measured: x(r.ratios.aOverBPer1000),
      pass: r.ratios.aOverBPer1000 <= 1.3,
    },
    {
      name: 'Full build (astro build, indexing off), median',
      limit: '≤ 60 s',
      measured: s(r.builds.A.seconds.median),
      pass: scaled(r.builds.A.seconds.median <= 60),
    },
    {
      name: 'Build peak RSS, max over rounds',
      limit: '≤ 2 GB',
      measured: GB(r.builds.A.peakRssBytes.max),
      pass: scaled(r.builds.A.peakRssBytes.max <= 2e9),
    },
  ];
  const idx = r.indexing;
  budgets.push(
    {
      name: 'Indexing (Pagefind), median',
      limit: '≤ 30 s',
      measured: idx ? s(idx.seconds.median) : 'not measured',
      pass: scaled(idx !== undefined && idx.seconds.median <= 30),
    },
    {
      name: 'Indexing peak RSS, max over rounds',
      limit: '≤ 3.5 GB',
      measured: idx ? GB(idx.peakRssBytes.max) : 'not measured',
      pass: scaled(idx !== undefined && idx.peakRssBytes.max <= 3.5e9),
    },
    {
      name: 'Our own script on reading pages (uncompressed, largest page)',
      limit: '≤ 3 kB',
      measured: kB(r.reader.readingPageJs.maxBytes),
      pass: r.reader.readingPageJs.maxBytes <= 3000,
    },
    {
      name: 'Search library on reading pages before search opens',
      limit: 'none',
      measured:
        r.reader.searchLibraryOnReadingPages.length === 0
          ? 'none'
          : `${r.reader.searchLibraryOnReadingPages.length} pages`,
      pass: r.reader.searchLibraryOnReadingPages.length === 0,
    },
    {
      name: 'Paper page HTML+CSS, gzip, p95',
      limit: '≤ 14 kB',
      measured: kB(r.reader.paperHtmlCssGzip.p95),
      pass: r.reader.paperHtmlCssGzip.p95 <= 14_000,
    },
  );
  const katexRequests = r.browser.pages.filter(
    (p) => !p.hasMath && [...p.styles, ...p.fonts].some((q) => /katex/i.test(q.path)),
  );
  budgets.push({
    name: 'KaTeX CSS or fonts on pages without math',
    limit: 'none',
    measured: `${r.reader.katexWithoutMath.length} of ${int(r.reader.pagesChecked - r.reader.pagesWithMath)} pages link them; ${katexRequests.length} requested in the browser`,
    pass: r.reader.katexWithoutMath.length === 0 && katexRequests.length === 0,
  });
  const search = r.browser.search;
  const baselineSmallest = Math.min(r.baselines.minisearch.size.brotliBytes, r.baselines.lunr.size.brotliBytes);
  budgets.push(
    {
      name: 'First search, bytes fetched, p95 over the query set',
      limit: '≤ 200 kB',
      measured: search ? kB(search.first.p95) : 'not measured',
      pass: scaled(search !== undefined && search.first.p95 <= 200_000),
    },
    {
      name: 'Following searches, bytes fetched, p95',
      limit: '≤ 100 kB',
      measured: search ? kB(search.following.p95) : 'not measured',
      pass: scaled(search !== undefined && search.following.p95 <= 100_000),
    },
    {
      name: 'Whole-index baseline (smallest, brotli) / first search p95',
      limit: '≥ 20x',
      measured: search ? x(baselineSmallest / search.first.p95) : 'not measured',
      pass: scaled(search !== undefined && baselineSmallest / search.first.p95 >= 20),
    },
    {
      name: 'Pagefind output files',
      limit: '≤ 2,000',
      measured: idx ? `${int(idx.files)} (site total ${int(r.builds.A.dist.files)})` : 'not measured',
      pass: scaled(idx !== undefined && idx.files <= 2000),
    },
  );
  return budgets;
}

const status = (b: Budget) => (b.pass === undefined ? 'checked at 10,000 papers' : b.pass ? 'pass' : '**MISSED**');

/** The Markdown report of one run. */
export function renderMarkdown(r: Results): string {
  const { A, B, C } = r.builds;
  const m = r.machine;
  const title =
    r.corpus.kind === 'real'
      ? `### The real content (${int(r.corpus.papers)} papers), ${count(r.rounds, 'round')}`
      : `### ${int(r.corpus.papers)} papers (synthetic, seed "${r.corpus.seed}"), ${count(r.rounds, 'round')}`;
  const lines = [
    title,
    '',
    `Run on ${r.createdAt.slice(0, 10)} with \`${r.command}\` on ${m.cpu} (${m.cores} cores), ${GB(m.memoryBytes)} RAM,`,
    `${m.os}; Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}, Hugo ${m.hugo}, Chromium ${r.browser.chromium}.`,
    `Load average before/after: ${m.loadBefore.join(' ')} / ${m.loadAfter.join(' ')}. Order in each round: ${r.order.join(', ')}.`,
    '',
    '| Build (cold) | A. our site | B. bare Astro | C. Hugo |',
    '| --- | --: | --: | --: |',
    `| HTML pages | ${int(A.pages)} | ${int(B.pages)} | ${int(C.pages)} |`,
    `| Build seconds, median (min–max) | ${range(A.seconds, s)} | ${range(B.seconds, s)} | ${range(C.seconds, s)} |`,
    `| Seconds per 1,000 pages | ${A.secondsPer1000Pages.toFixed(2)} | ${B.secondsPer1000Pages.toFixed(2)} | ${C.secondsPer1000Pages.toFixed(2)} |`,
    `| Peak RSS, median (min–max) | ${range(A.peakRssBytes, GB)} | ${range(B.peakRssBytes, GB)} | ${range(C.peakRssBytes, GB)} |`,
    `| \`dist/\` size, files | ${MB(A.dist.bytes)}, ${int(A.dist.files)} | ${MB(B.dist.bytes)}, ${int(B.dist.files)} | ${MB(C.dist.bytes)}, ${int(C.dist.files)} |`,
    '',
    `A/B per 1,000 pages: **${x(r.ratios.aOverBPer1000)}** (whole build ${x(r.ratios.aOverBTotal)}); A/C per 1,000 pages: **${x(r.ratios.aOverCPer1000)}** (whole build ${x(r.ratios.aOverCTotal)}).`,
    '',
    '| Search | Pagefind (A) | MiniSearch (whole index) | Lunr (whole index) |',
    '| --- | --: | --: | --: |',
  ];
  const idx = r.indexing;
  const ms = r.baselines.minisearch;
  const lu = r.baselines.lunr;
  const search = r.browser.search;
  lines.push(
    `| Documents | ${idx ? int(idx.pages) : '–'} | ${int(ms.size.documents)} | ${int(lu.size.documents)} |`,
    `| Index seconds, median (min–max) | ${idx ? range(idx.seconds, s) : '–'} | ${range(ms.seconds, s)} | ${range(lu.seconds, s)} |`,
    `| Index peak RSS | ${idx ? range(idx.peakRssBytes, GB) : '–'} | ${range(ms.peakRssBytes, GB)} | ${range(lu.peakRssBytes, GB)} |`,
    `| Index on disk | ${idx ? `${MB(idx.bytes)} in ${int(idx.files)} files` : '–'} | ${MB(ms.size.rawBytes)} | ${MB(lu.size.rawBytes)} |`,
    `| Whole index, gzip / brotli | – | ${kB(ms.size.gzipBytes)} / ${kB(ms.size.brotliBytes)} | ${kB(lu.size.gzipBytes)} / ${kB(lu.size.brotliBytes)} |`,
    `| First search, bytes p50 / p95 / max | ${search ? `${kB(search.first.p50)} / ${kB(search.first.p95)} / ${kB(search.first.max)}` : '–'} | whole index | whole index |`,
    `| Following searches, bytes p50 / p95 / max | ${search ? `${kB(search.following.p50)} / ${kB(search.following.p95)} / ${kB(search.following.max)}` : '–'} | 0 | 0 |`,
    '',
    `Reader: paper page HTML+CSS gzip median ${kB(r.reader.paperHtmlCssGzip.median)}, p95 ${kB(r.reader.paperHtmlCssGzip.p95)} (HTML alone ${kB(r.reader.paperHtmlGzip.median)} / ${kB(r.reader.paperHtmlGzip.p95)}); most JavaScript on a reading page ${kB(r.reader.readingPageJs.maxBytes)} (${r.reader.readingPageJs.page || 'none'}); ${int(r.reader.pagesWithMath)} of ${int(r.reader.pagesChecked)} pages have math.`,
    '',
    '| Budget (issue 7) | Limit | Measured | Status |',
    '| --- | --- | --- | --- |',
    ...r.budgets.map((b) => `| ${b.name} | ${b.limit} | ${b.measured} | ${status(b)} |`),
  );
  if (search) {
    lines.push(
      '',
      `Queries (${search.pageSize} results loaded each): ${search.first.perQuery
        .map((q) => `${q.kind} "${q.query}" ${kB(q.bytes)} (${count(q.results, 'hit')})`)
        .join('; ')}.`,
    );
  }
  if (r.notes.length > 0) lines.push('', ...r.notes.map((n) => `Note: ${n}`));
  return `${lines.join('\n')}\n`;
}
