/**
 * The benchmark's budget table: one list of rules decides the pass and miss marks, `--strict`'s
 * exit and the report's rows. Pure functions over hand-made results; nothing is timed.
 */
import { describe, expect, it } from 'vitest';
import {
  BUDGET_PAPERS,
  BUDGETS,
  budgetTable,
  buildRatios,
  checkBudgets,
  formatLimit,
  markdownTable,
  renderMarkdown,
  type BuildResult,
  type Measurements,
  type Results,
} from '../../bench/lib/report';
import { spread } from '../../bench/lib/stats';

const build = (label: string, seconds: number, pages: number, rssBytes = 1e9): BuildResult => ({
  label,
  seconds: spread([seconds]),
  peakRssBytes: spread([rssBytes]),
  pages,
  secondsPer1000Pages: (seconds / pages) * 1000,
  dist: { files: pages, bytes: pages * 1000, htmlPages: pages },
});

const bytes = (p95: number) => ({ p50: p95 / 2, p95, max: p95, perQuery: [] });

/** A run at `papers` papers that meets every budget, with A/B at 1.2x per 1,000 pages. */
function measurements(papers = BUDGET_PAPERS): Measurements {
  const builds = {
    A: build('A. our site', 48, 18_000),
    B: build('B. bare Astro', 20, 9_000),
    C: build('C. Hugo', 5, 9_000),
  };
  const baseline = (brotliBytes: number) => ({
    seconds: spread([1]),
    peakRssBytes: spread([1e8]),
    size: { library: 'lunr' as const, documents: 10, seconds: 1, rawBytes: 1, gzipBytes: 1, brotliBytes },
  });
  return {
    createdAt: '2031-01-01T00:00:00.000Z',
    command: 'npm run bench',
    machine: {
      cpu: 'CPU',
      cores: 2,
      memoryBytes: 8e9,
      os: 'OS',
      kernel: 'kernel',
      node: '22',
      astro: '7',
      pagefind: '1',
      hugo: '0',
      loadBefore: [0, 0, 0],
      loadAfter: [0, 0, 0],
    },
    corpus: { kind: 'synthetic', papers, seed: 'seed', facts: {} },
    rounds: 1,
    order: ['A build'],
    builds,
    indexing: { seconds: spread([20]), peakRssBytes: spread([1.5e9]), pages: 10, files: 1500, bytes: 1 },
    baselines: { minisearch: baseline(4_000_000), lunr: baseline(8_000_000) },
    ratios: buildRatios(builds),
    reader: {
      paperPages: 1,
      paperHtmlCssGzip: { median: 5000, p95: 9000, max: 9000 },
      paperHtmlGzip: { median: 3000, p95: 4000 },
      readingPageJs: { maxBytes: 800, page: 'papers/a/index.html', scripts: [] },
      searchLibraryOnReadingPages: [],
      katexWithoutMath: [],
      mathWithoutKatex: [],
      pagesWithMath: 10,
      pagesChecked: 100,
      conferencePage: { path: 'c/index.html', bytes: 60_000, gzip: 12_000 },
    },
    related: { seconds: spread([0.4, 0.5, 0.6]), papers: 10_000, withRelated: 9_000 },
    browser: {
      chromium: '1',
      search: { pageSize: 5, first: bytes(150_000), following: bytes(50_000) },
      pages: [{ page: '/', hasMath: false, scripts: [], styles: [], fonts: [] }],
    },
    queries: [],
    notes: [],
  };
}

const byName = (r: Measurements, name: string) => {
  const found = checkBudgets(r).find((b) => b.name.startsWith(name));
  if (!found) throw new Error(`no budget "${name}"`);
  return found;
};

describe('budget table', () => {
  it('has one row per budget, each limit written as the issue states it', () => {
    expect(new Set(BUDGETS.map((b) => b.name)).size).toBe(BUDGETS.length);
    expect(BUDGETS.map(formatLimit)).toEqual([
      '≤ 1.30x',
      '≤ 60 s',
      '≤ 2 GB',
      '≤ 30 s',
      '≤ 3.5 GB',
      '≤ 1 s',
      '≤ 3 kB',
      'none',
      '≤ 14 kB',
      'none',
      '≤ 200 kB',
      '≤ 100 kB',
      '≥ 20x',
      '≤ 2,000',
    ]);
  });

  it('passes a run within every limit at the full tier', () => {
    const budgets = checkBudgets(measurements());
    expect(budgets).toHaveLength(BUDGETS.length);
    expect(budgets.filter((b) => b.pass !== true)).toEqual([]);
  });

  it('reads each value from the results in base units and shows it in the rule unit', () => {
    const r = measurements();
    expect(byName(r, 'Build time per 1,000 pages').value).toBeCloseTo(1.2);
    expect(byName(r, 'Build time per 1,000 pages').measured).toBe('1.20x');
    expect(byName(r, 'Full build')).toMatchObject({ value: 48, measured: '48.0 s' });
    expect(byName(r, 'Build peak RSS')).toMatchObject({ value: 1e9, measured: '1.00 GB' });
    expect(byName(r, 'Paper page HTML+CSS')).toMatchObject({ value: 9000, measured: '9.0 kB' });
    expect(byName(r, 'Search library')).toMatchObject({ value: 0, measured: 'none' });
    expect(byName(r, 'Related papers')).toMatchObject({ value: 0.5, measured: '0.5 s' });
    expect(byName(r, 'Whole-index baseline')).toMatchObject({ measured: '26.67x' });
    expect(byName(r, 'Pagefind output files').measured).toBe('1,500 (site total 18,000)');
    expect(byName(r, 'KaTeX').measured).toBe('0 of 90 pages link them; 0 requested in the browser');
  });

  it('misses an upper limit above it and a lower limit below it; the limit itself passes', () => {
    const r = measurements();
    r.ratios.aOverBPer1000 = 1.3;
    expect(byName(r, 'Build time per 1,000 pages').pass).toBe(true);
    r.ratios.aOverBPer1000 = 1.31;
    expect(byName(r, 'Build time per 1,000 pages').pass).toBe(false);
    r.builds.A.peakRssBytes = spread([1.9e9, 2.1e9]);
    expect(byName(r, 'Build peak RSS')).toMatchObject({ measured: '2.10 GB', pass: false });
    r.baselines.minisearch.size.brotliBytes = 20 * 150_000;
    expect(byName(r, 'Whole-index baseline').pass).toBe(true);
    r.baselines.minisearch.size.brotliBytes = 20 * 150_000 - 1;
    expect(byName(r, 'Whole-index baseline').pass).toBe(false);
  });

  it('counts KaTeX in the browser as well as in the HTML', () => {
    const r = measurements();
    r.browser.pages[0]?.styles.push({ path: '/_astro/katex.css', bytes: 1 });
    expect(byName(r, 'KaTeX')).toMatchObject({
      value: 1,
      measured: '0 of 90 pages link them; 1 requested in the browser',
      pass: false,
    });
    r.reader.searchLibraryOnReadingPages.push('a', 'b');
    expect(byName(r, 'Search library')).toMatchObject({ measured: '2 pages', pass: false });
  });

  it('checks budgets that grow with the corpus at the full tier only', () => {
    const small = checkBudgets(measurements(1000));
    const everySize = BUDGETS.filter((b) => !b.fullTierOnly).map((b) => b.name);
    for (const budget of small) {
      if (everySize.includes(budget.name)) expect(budget.pass, budget.name).toBe(true);
      else expect(budget.pass, budget.name).toBeUndefined();
    }
    expect(everySize).toContain('Build time per 1,000 pages vs the bare-Astro floor (A/B)');
  });

  it('misses a budget it could not measure at the full tier, and leaves it unchecked below', () => {
    const r = measurements();
    r.indexing = undefined;
    r.browser.search = undefined;
    const missing = [
      'Indexing (Pagefind)',
      'Indexing peak RSS',
      'First search',
      'Following',
      'Whole-index',
      'Pagefind',
    ];
    for (const name of missing)
      expect(byName(r, name), name).toMatchObject({ measured: 'not measured', value: null, pass: false });
    r.corpus.papers = 1000;
    for (const name of missing) expect(byName(r, name).pass, name).toBeUndefined();
  });
});

describe('build ratios', () => {
  it('divides seconds per 1,000 pages and whole builds', () => {
    const ratios = buildRatios({
      A: build('A', 50, 20_000),
      B: build('B', 25, 10_000),
      C: build('C', 5, 10_000),
    });
    expect(ratios.aOverBPer1000).toBeCloseTo(1);
    expect(ratios.aOverBTotal).toBeCloseTo(2);
    expect(ratios.aOverCPer1000).toBeCloseTo(5);
    expect(ratios.aOverCTotal).toBeCloseTo(10);
  });
});

describe('report tables', () => {
  it('builds a Markdown table with figures aligned right', () => {
    expect(markdownTable(['Name', 'Value'], [['a', '1']], (column) => column > 0)).toEqual([
      '| Name | Value |',
      '| --- | --: |',
      '| a | 1 |',
    ]);
  });

  it('marks misses and budgets left for the full tier', () => {
    const r = measurements(1000);
    r.ratios.aOverBPer1000 = 1.5;
    const rows = budgetTable(checkBudgets(r));
    expect(rows[2]).toBe('| Build time per 1,000 pages vs the bare-Astro floor (A/B) | ≤ 1.30x | 1.50x | **MISSED** |');
    expect(rows[3]).toBe(
      '| Full build (astro build, indexing off), median | ≤ 60 s | 48.0 s | checked at 10,000 papers |',
    );
  });

  it('reports the budgets from the table, not from what an older run stored', () => {
    const r: Results = { ...measurements(1000), budgets: [] };
    r.ratios.aOverBPer1000 = 1.5;
    const markdown = renderMarkdown(r);
    for (const row of budgetTable(checkBudgets(r))) expect(markdown).toContain(row);
    expect(markdown).toContain('A/B per 1,000 pages: **1.50x**');
    expect(markdown).toContain('Note: budgets that grow with the corpus');
    expect(renderMarkdown({ ...measurements(), budgets: [] })).not.toContain('Note:');
  });
});
