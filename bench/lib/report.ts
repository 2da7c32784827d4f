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

/** A budget as checked in one run: what results.json keeps and the report shows. */
export interface Budget {
  name: string;
  /** The limit as the report writes it, e.g. "≤ 60 s". */
  limit: string;
  /** The measured value as the report writes it. */
  measured: string;
  /** The measured value in the rule's base unit (seconds, bytes, a ratio, a count); null when not measured. */
  value: number | null;
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
  /**
   * Each conference's offline copy as `src/integrations/offline.ts` writes it over A's indexed
   * output (`lib/offline-child.ts`); absent in runs from before it, or without the step.
   */
  offline?: OfflineCopy[] | undefined;
  /** The related-papers ranking of every paper, timed on its own (`lib/related-timing.ts`). */
  related: { seconds: Spread; papers: number; withRelated: number } | undefined;
  browser: HarnessResult;
  queries: Query[];
  budgets: Budget[];
  /** Things the run could not measure, said plainly. */
  notes: string[];
}

/** One conference's offline copy, and each part of it (`offlineParts`), kept or left out. */
export interface OfflineCopy {
  conference: string;
  files: number;
  bytes: number;
  parts: { name: string; files: number; bytes: number; kept: boolean }[];
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

/** The figures the budgets are read from: a run's results before its budgets are checked. */
export type Measurements = Omit<Results, 'budgets'>;

/**
 * How a unit shows: the measured value is read in base units (`scale` of them make one unit) and
 * written with `digits` decimals.
 */
const UNITS = {
  x: { scale: 1, digits: 2, suffix: 'x' },
  s: { scale: 1, digits: 1, suffix: ' s' },
  GB: { scale: 1e9, digits: 2, suffix: ' GB' },
  kB: { scale: 1e3, digits: 1, suffix: ' kB' },
  files: { scale: 1, digits: 0, suffix: '' },
  pages: { scale: 1, digits: 0, suffix: '' },
} as const;

export type Unit = keyof typeof UNITS;

export interface BudgetRule {
  name: string;
  unit: Unit;
  /** In `unit`: 60 for 60 s, 2 for 2 GB; 0 pages reads "none". */
  limit: number;
  /** `max`: the value may be at most the limit; `min`: at least. */
  direction: 'max' | 'min';
  /**
   * Set for the full tier (`BUDGET_PAPERS`) only, since the value grows with the corpus; ratios
   * and per-page figures are checked at every size.
   */
  fullTierOnly: boolean;
  /** The value in base units (seconds, bytes, a ratio, a count), or undefined when not measured. */
  read: (r: Measurements) => number | undefined;
  /** What the report shows for the value, when it says more than the number itself. */
  describe?: (value: number, r: Measurements) => string;
}

/** Pages without math whose KaTeX stylesheet or fonts the browser requested. */
const katexRequests = (r: Measurements) =>
  r.browser.pages.filter((p) => !p.hasMath && [...p.styles, ...p.fonts].some((q) => /katex/i.test(q.path))).length;

/** The budgets of issue 7: what is checked, what `--strict` fails on and what the report lists. */
export const BUDGETS: readonly BudgetRule[] = [
  {
    name: 'Build time per 1,000 pages vs the bare-Astro floor (A/B)',
    unit: 'x',
    limit: 1.3,
    direction: 'max',
    fullTierOnly: false,
    read: (r) => r.ratios.aOverBPer1000,
  },
  {
    name: 'Full build (astro build, indexing off), median',
    unit: 's',
    limit: 60,
    direction: 'max',
    fullTierOnly: true,
    read: (r) => r.builds.A.seconds.median,
  },
  {
    name: 'Build peak RSS, max over rounds',
    unit: 'GB',
    limit: 2,
    direction: 'max',
    fullTierOnly: true,
    read: (r) => r.builds.A.peakRssBytes.max,
  },
  {
    name: 'Indexing (Pagefind), median',
    unit: 's',
    limit: 30,
    direction: 'max',
    fullTierOnly: true,
    read: (r) => r.indexing?.seconds.median,
  },
  {
    name: 'Indexing peak RSS, max over rounds',
    unit: 'GB',
    limit: 3.5,
    direction: 'max',
    fullTierOnly: true,
    read: (r) => r.indexing?.peakRssBytes.max,
  },
  {
    name: 'Related papers of every paper, ranked (median)',
    unit: 's',
    limit: 1,
    direction: 'max',
    fullTierOnly: true,
    read: (r) => r.related?.seconds.median,
  },
  {
    name: 'Our own script on reading pages (uncompressed, largest page)',
    unit: 'kB',
    limit: 3,
    direction: 'max',
    fullTierOnly: false,
    read: (r) => r.reader.readingPageJs.maxBytes,
  },
  {
    name: 'Search library on reading pages before search opens',
    unit: 'pages',
    limit: 0,
    direction: 'max',
    fullTierOnly: false,
    read: (r) => r.reader.searchLibraryOnReadingPages.length,
  },
  {
    name: 'Paper page HTML+CSS, gzip, p95',
    unit: 'kB',
    limit: 14,
    direction: 'max',
    fullTierOnly: false,
    read: (r) => r.reader.paperHtmlCssGzip.p95,
  },
  {
    name: 'KaTeX CSS or fonts on pages without math',
    unit: 'pages',
    limit: 0,
    direction: 'max',
    fullTierOnly: false,
    read: (r) => r.reader.katexWithoutMath.length + katexRequests(r),
    describe: (_, r) =>
      `${int(r.reader.katexWithoutMath.length)} of ${int(r.reader.pagesChecked - r.reader.pagesWithMath)} pages link them; ${int(katexRequests(r))} requested in the browser`,
  },
  {
    name: 'First search, bytes fetched, p95 over the query set',
    unit: 'kB',
    limit: 200,
    direction: 'max',
    fullTierOnly: true,
    read: (r) => r.browser.search?.first.p95,
  },
  {
    name: 'Following searches, bytes fetched, p95',
    unit: 'kB',
    limit: 100,
    direction: 'max',
    fullTierOnly: true,
    read: (r) => r.browser.search?.following.p95,
  },
  {
    name: 'Whole-index baseline (smallest, brotli) / first search p95',
    unit: 'x',
    limit: 20,
    direction: 'min',
    fullTierOnly: true,
    read: (r) => {
      const search = r.browser.search;
      const smallest = Math.min(r.baselines.minisearch.size.brotliBytes, r.baselines.lunr.size.brotliBytes);
      return search ? smallest / search.first.p95 : undefined;
    },
  },
  {
    name: 'Pagefind output files',
    unit: 'files',
    limit: 2000,
    direction: 'max',
    fullTierOnly: true,
    read: (r) => r.indexing?.files,
    describe: (files, r) => `${int(files)} (site total ${int(r.builds.A.dist.files)})`,
  },
];

/** A value in a unit, e.g. "1.30x", "1.66 GB", "2,000". */
export function formatValue(unit: Unit, value: number): string {
  const { scale, digits, suffix } = UNITS[unit];
  const n = value / scale;
  return `${digits === 0 ? int(n) : n.toFixed(digits)}${suffix}`;
}

/** The limit as the report writes it: "≤ 60 s", "≥ 20x", "none". */
export function formatLimit(rule: BudgetRule): string {
  if (rule.unit === 'pages' && rule.limit === 0 && rule.direction === 'max') return 'none';
  const { suffix } = UNITS[rule.unit];
  // A fractional ratio keeps two decimals, as the measured ratios do: "1.30x", but "20x".
  const n = rule.unit === 'x' && !Number.isInteger(rule.limit) ? rule.limit.toFixed(2) : int(rule.limit);
  return `${rule.direction === 'max' ? '≤' : '≥'} ${n}${suffix}`;
}

/** Checks one rule against a run; a value that could not be measured misses a checked budget. */
export function checkBudget(rule: BudgetRule, r: Measurements): Budget {
  const value = rule.read(r);
  const checked = !rule.fullTierOnly || r.corpus.papers >= BUDGET_PAPERS;
  let measured = 'not measured';
  if (value !== undefined) {
    if (rule.describe) measured = rule.describe(value, r);
    else if (rule.unit === 'pages') measured = value === 0 ? 'none' : count(value, 'page');
    else measured = formatValue(rule.unit, value);
  }
  const limit = rule.limit * UNITS[rule.unit].scale;
  const within = value !== undefined && (rule.direction === 'max' ? value <= limit : value >= limit);
  return {
    name: rule.name,
    limit: formatLimit(rule),
    measured,
    value: value ?? null,
    pass: checked ? within : undefined,
  };
}

/** Every budget of the table, checked against one run, in the table's order. */
export function checkBudgets(r: Measurements, rules: readonly BudgetRule[] = BUDGETS): Budget[] {
  return rules.map((rule) => checkBudget(rule, r));
}

/** Per-1,000-page and whole-build ratios of our site to the two floors. */
export function buildRatios(builds: Results['builds']): Results['ratios'] {
  const { A, B, C } = builds;
  return {
    aOverBPer1000: A.secondsPer1000Pages / B.secondsPer1000Pages,
    aOverCPer1000: A.secondsPer1000Pages / C.secondsPer1000Pages,
    aOverBTotal: A.seconds.median / B.seconds.median,
    aOverCTotal: A.seconds.median / C.seconds.median,
  };
}

/** A Markdown table, as lines: columns for which `right` holds are figures and align right. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: (column: number) => boolean = () => false,
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (right(i) ? '--:' : '---'))), ...rows.map(line)];
}

const status = (b: Budget) =>
  b.pass === undefined ? `checked at ${int(BUDGET_PAPERS)} papers` : b.pass ? 'pass' : '**MISSED**';

/** The budget table of the report. */
export function budgetTable(budgets: readonly Budget[]): string[] {
  return markdownTable(
    ['Budget (issue 7)', 'Limit', 'Measured', 'Status'],
    budgets.map((b) => [b.name, b.limit, b.measured, status(b)]),
  );
}

/**
 * The Markdown report of one run. Its budgets are checked again against `BUDGETS`, so a report
 * rendered from an older results.json shows the current rules.
 */
export function renderMarkdown(r: Results): string {
  const { A, B, C } = r.builds;
  const m = r.machine;
  const title =
    r.corpus.kind === 'real'
      ? `### The real content (${int(r.corpus.papers)} papers), ${count(r.rounds, 'round')}`
      : `### ${int(r.corpus.papers)} papers (synthetic, seed "${r.corpus.seed}"), ${count(r.rounds, 'round')}`;
  const figures = (column: number) => column > 0;
  const builds = markdownTable(
    ['Build (cold)', A.label, B.label, C.label],
    [
      ['HTML pages', ...[A, B, C].map((b) => int(b.pages))],
      ['Build seconds, median (min–max)', ...[A, B, C].map((b) => range(b.seconds, s))],
      ['Seconds per 1,000 pages', ...[A, B, C].map((b) => b.secondsPer1000Pages.toFixed(2))],
      ['Peak RSS, median (min–max)', ...[A, B, C].map((b) => range(b.peakRssBytes, GB))],
      ['`dist/` size, files', ...[A, B, C].map((b) => `${MB(b.dist.bytes)}, ${int(b.dist.files)}`)],
    ],
    figures,
  );
  const idx = r.indexing;
  const ms = r.baselines.minisearch;
  const lu = r.baselines.lunr;
  const search = r.browser.search;
  const bytes = (q: { p50: number; p95: number; max: number }) => `${kB(q.p50)} / ${kB(q.p95)} / ${kB(q.max)}`;
  const searches = markdownTable(
    ['Search', 'Pagefind (A)', 'MiniSearch (whole index)', 'Lunr (whole index)'],
    [
      ['Documents', idx ? int(idx.pages) : '–', int(ms.size.documents), int(lu.size.documents)],
      [
        'Index seconds, median (min–max)',
        idx ? range(idx.seconds, s) : '–',
        range(ms.seconds, s),
        range(lu.seconds, s),
      ],
      [
        'Index peak RSS',
        idx ? range(idx.peakRssBytes, GB) : '–',
        range(ms.peakRssBytes, GB),
        range(lu.peakRssBytes, GB),
      ],
      [
        'Index on disk',
        idx ? `${MB(idx.bytes)} in ${int(idx.files)} files` : '–',
        MB(ms.size.rawBytes),
        MB(lu.size.rawBytes),
      ],
      [
        'Whole index, gzip / brotli',
        '–',
        `${kB(ms.size.gzipBytes)} / ${kB(ms.size.brotliBytes)}`,
        `${kB(lu.size.gzipBytes)} / ${kB(lu.size.brotliBytes)}`,
      ],
      ['First search, bytes p50 / p95 / max', search ? bytes(search.first) : '–', 'whole index', 'whole index'],
      ['Following searches, bytes p50 / p95 / max', search ? bytes(search.following) : '–', '0', '0'],
    ],
    figures,
  );
  const budgets = checkBudgets(r);
  const lines = [
    title,
    '',
    `Run on ${r.createdAt.slice(0, 10)} with \`${r.command}\` on ${m.cpu} (${m.cores} cores), ${GB(m.memoryBytes)} RAM,`,
    `${m.os}; Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}, Hugo ${m.hugo}, Chromium ${r.browser.chromium}.`,
    `Load average before/after: ${m.loadBefore.join(' ')} / ${m.loadAfter.join(' ')}. Order in each round: ${r.order.join(', ')}.`,
    '',
    ...builds,
    '',
    `A/B per 1,000 pages: **${x(r.ratios.aOverBPer1000)}** (whole build ${x(r.ratios.aOverBTotal)}); A/C per 1,000 pages: **${x(r.ratios.aOverCPer1000)}** (whole build ${x(r.ratios.aOverCTotal)}).`,
    '',
    ...searches,
    '',
    // Results written before the conference page was measured have no figure for it.
    ...(r.reader.conferencePage
      ? [
          `Conference page (${r.reader.conferencePage.path || 'none'}, with the figures): ${kB(r.reader.conferencePage.bytes)} of HTML, ${kB(r.reader.conferencePage.gzip)} gzip.`,
          '',
        ]
      : []),
    ...(r.offline ?? []).flatMap((copy) => [
      `Offline copy of ${copy.conference}: ${MB(copy.bytes)} in ${count(copy.files, 'file')} (${copy.parts
        .map((p) => `${p.kept ? '' : 'left out: '}${p.name} ${MB(p.bytes)}, ${int(p.files)} files`)
        .join('; ')}).`,
      '',
    ]),
    ...(r.related
      ? [
          `Related papers: ${count(r.related.withRelated, 'paper')} of ${int(r.related.papers)} get a list; ranking them all takes ${range(r.related.seconds, (v) => `${(v * 1000).toFixed(0)} ms`)}.`,
          '',
        ]
      : []),
    `Reader: paper page HTML+CSS gzip median ${kB(r.reader.paperHtmlCssGzip.median)}, p95 ${kB(r.reader.paperHtmlCssGzip.p95)} (HTML alone ${kB(r.reader.paperHtmlGzip.median)} / ${kB(r.reader.paperHtmlGzip.p95)}); most JavaScript on a reading page ${kB(r.reader.readingPageJs.maxBytes)} (${r.reader.readingPageJs.page || 'none'}); ${int(r.reader.pagesWithMath)} of ${int(r.reader.pagesChecked)} pages have math.`,
    '',
    ...budgetTable(budgets),
  ];
  if (search) {
    lines.push(
      '',
      `Queries (${search.pageSize} results loaded each): ${search.first.perQuery
        .map((q) => `${q.kind} "${q.query}" ${kB(q.bytes)} (${count(q.results, 'hit')})`)
        .join('; ')}.`,
    );
  }
  const notes = [...r.notes];
  if (budgets.some((b) => b.pass === undefined)) {
    notes.push(
      `budgets that grow with the corpus (time, memory, search bytes, file counts) are set for ${int(BUDGET_PAPERS)} papers and are not checked here`,
    );
  }
  if (notes.length > 0) lines.push('', ...notes.map((n) => `Note: ${n}`));
  return `${lines.join('\n')}\n`;
}
