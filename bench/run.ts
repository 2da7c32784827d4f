/**
 * `npm run bench`: builds one corpus with our site (A), the bare-Astro floor (B) and Hugo (C),
 * interleaved round by round from cold caches, indexes A with Pagefind as its own step, builds the
 * whole-index baselines (D: MiniSearch, Lunr) over the same documents, measures what readers
 * download, checks the budgets of issue 7 and writes the report.
 *
 *   npm run bench -- [--papers 1000|10000|real] [--rounds 3] [--seed S] [--out DIR] [--work DIR]
 *                    [--site-ref REV] [--keep] [--strict]
 *
 * --out    where results.json and results.md go (default bench/, which also updates the table in
 *          bench/README.md); CI passes a temporary folder.
 * --work   scratch folder for the corpus and the three sites (default: the system's temp folder).
 * --site-ref build our site as committed at a git revision instead of the working tree.
 * --render-only rewrite the tables in bench/README.md from bench/results.json, without measuring.
 * --strict exit with status 1 when a budget is missed (by default only failures to measure do).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'prettier';
import { runnerImport } from 'vite';
import { generateConference } from './generate.ts';
import type { BaselineSize } from './lib/baseline-child.ts';
import { load, machineFacts } from './lib/machine.ts';
import { measureOrThrow, type Measured } from './lib/measure.ts';
import { folderSize, indexDocuments, readerCosts, type FolderSize } from './lib/output.ts';
import { chooseQueries } from './lib/queries.ts';
import {
  buildRatios,
  checkBudgets,
  renderMarkdown,
  type BaselineResult,
  type BuildResult,
  type IndexResult,
  type Measurements,
  type Results,
} from './lib/report.ts';
import { runHarness } from './lib/search-harness.ts';
import { projectRoot, readPapers, stageAstroFloor, stageHugo, stageOurSite, type Site } from './lib/sites.ts';
import { spread } from './lib/stats.ts';

const benchDir = import.meta.dirname;
const log = (message: string) => console.log(`[bench] ${message}`);

/** Hugo from PATH; on a bare Debian machine the benchmark installs Debian's package. */
function ensureHugo(): string {
  const found = () => {
    try {
      return execFileSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const existing = found();
  if (existing) return existing;
  log('Hugo is not installed: installing Debian package "hugo" with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'hugo'], { stdio: 'inherit', env });
  const installed = found();
  if (!installed) throw new Error('apt-get installed "hugo" but it is not on PATH');
  return installed;
}

function buildResult(label: string, runs: Measured[], dist: FolderSize): BuildResult {
  const seconds = spread(runs.map((r) => r.seconds));
  return {
    label,
    seconds,
    peakRssBytes: spread(runs.map((r) => r.peakRssBytes)),
    pages: dist.htmlPages,
    secondsPer1000Pages: (seconds.median / Math.max(1, dist.htmlPages)) * 1000,
    dist,
  };
}

/** A few pages a reader opens: papers with and without math, a theme, the indexes, the home page. */
function readingPages(dist: string, contentRoot: string, mathPapers: readonly string[]): string[] {
  const papers = [
    ...mathPapers.slice(0, 1),
    ...readPaperIds(dist)
      .filter((id) => !mathPapers.includes(id))
      .slice(0, 2),
  ].map((id) => `/papers/${id}/`);
  const theme = readdirSync(join(contentRoot, 'themes'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx') && !f.split('/').some((part) => part.startsWith('_')))
    .sort()[0];
  const themes = theme ? [`/${theme.replace(/\.mdx$/, '')}/`] : [];
  return ['/', ...papers, ...themes, '/authors/', '/papers/'];
}

function readPaperIds(dist: string): string[] {
  const folder = join(dist, 'papers');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function main() {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '3' },
      seed: { type: 'string', default: 'conference-digest-bench' },
      out: { type: 'string' },
      work: { type: 'string' },
      'site-ref': { type: 'string' },
      keep: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'render-only': { type: 'boolean', default: false },
    },
  });
  if (values['render-only']) {
    await renderReadme(join(benchDir, 'results.json'), join(benchDir, 'README.md'));
    return;
  }
  const real = values.papers === 'real';
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
  const outDir = resolve(values.out ?? benchDir);
  const work = resolve(values.work ?? join(tmpdir(), `conference-digest-bench-${values.papers}`));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  mkdirSync(join(work, 'logs'), { recursive: true });
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();

  const hugo = ensureHugo();
  const machine = machineFacts(hugo);
  const notes: string[] = [];

  // The corpus: a synthetic conference, or the project's own content.
  let contentRoot: string;
  let facts: Record<string, unknown>;
  if (real) {
    contentRoot = join(projectRoot, 'content');
    facts = { root: 'content/' };
  } else {
    const papers = Number(values.papers);
    log(`generating ${papers} papers`);
    const generated = generateConference({ papers, out: join(work, 'content'), seed: values.seed });
    contentRoot = generated.root;
    facts = { ...generated, root: '(temporary folder)' };
  }
  const papers = readPapers(contentRoot);
  facts['papers'] = papers.length;
  log(`corpus: ${papers.length} papers in ${contentRoot}`);

  const a = stageOurSite(work, contentRoot, values['site-ref']);
  const b = stageAstroFloor(work, contentRoot);
  const c = stageHugo(work, papers, hugo);
  const hasIndexer = existsSync(join(a.dir, 'src', 'integrations', 'pagefind.ts'));
  if (!hasIndexer)
    notes.push('the project has no src/integrations/pagefind.ts yet: indexing and search bytes were not measured');

  const runs: Record<Site['name'], Measured[]> = { A: [], B: [], C: [] };
  const indexRuns: Measured[] = [];
  const baselineRuns: Record<'minisearch' | 'lunr', Measured[]> = { minisearch: [], lunr: [] };
  const documentsFile = join(work, 'documents.json');
  const order = [
    'A build',
    ...(hasIndexer ? ['A index (Pagefind)'] : []),
    'B build',
    'C build',
    'D MiniSearch',
    'D Lunr',
  ];

  for (let round = 1; round <= rounds; round++) {
    for (const site of [a, b, c]) {
      log(`round ${round}/${rounds}: ${site.name} build`);
      const result = await site.build(join(work, 'logs', `${site.name}-${round}.log`));
      if (site.name === 'A' && /\[ERROR\]/.test(result.log))
        throw new Error(`A build logged errors:\n${result.log.slice(-4000)}`);
      runs[site.name].push(result);
      log(`  ${result.seconds.toFixed(2)} s, peak RSS ${(result.peakRssBytes / 1e9).toFixed(2)} GB`);
      if (site.name === 'A' && hasIndexer) {
        log(`round ${round}/${rounds}: A index (Pagefind)`);
        const indexed = await measureOrThrow(
          'Pagefind indexing',
          process.execPath,
          [join(benchDir, 'lib', 'index-child.ts'), a.dir, a.dist],
          { cwd: a.dir, logFile: join(work, 'logs', `A-index-${round}.log`) },
        );
        indexRuns.push(indexed);
        log(`  ${indexed.seconds.toFixed(2)} s, peak RSS ${(indexed.peakRssBytes / 1e9).toFixed(2)} GB`);
      }
      if (site.name === 'A' && round === 1) {
        writeFileSync(documentsFile, JSON.stringify(indexDocuments(a.dist)));
      }
    }
    for (const library of ['minisearch', 'lunr'] as const) {
      log(`round ${round}/${rounds}: D ${library}`);
      baselineRuns[library].push(
        await measureOrThrow(
          `${library} baseline`,
          process.execPath,
          [join(benchDir, 'lib', 'baseline-child.ts'), library, documentsFile, ...(round === rounds ? ['sizes'] : [])],
          { cwd: projectRoot },
        ),
      );
    }
  }

  log('reading the outputs');
  const aSize = folderSize(a.dist);
  const builds = {
    A: buildResult('A. our site', runs.A, aSize),
    B: buildResult('B. bare Astro', runs.B, folderSize(b.dist)),
    C: buildResult('C. Hugo', runs.C, folderSize(c.dist)),
  };
  // Pages per build are counted without Pagefind's files, which the build itself did not write.
  let indexing: IndexResult | undefined;
  if (hasIndexer) {
    const last = JSON.parse(indexRuns.at(-1)?.log.trim().split('\n').at(-1) ?? '{}') as Partial<IndexResult>;
    indexing = {
      seconds: spread(indexRuns.map((r) => r.seconds)),
      peakRssBytes: spread(indexRuns.map((r) => r.peakRssBytes)),
      pages: last.pages ?? 0,
      files: last.files ?? 0,
      bytes: last.bytes ?? 0,
    };
  }
  // The child times index building and serialisation itself, leaving out reading the documents
  // and compressing the result for the size figures.
  const baseline = (library: 'minisearch' | 'lunr'): BaselineResult => {
    const sizes = baselineRuns[library].map((r) => JSON.parse(r.log.trim().split('\n').at(-1) ?? '{}') as BaselineSize);
    const size = sizes.at(-1);
    if (!size) throw new Error(`no ${library} result`);
    return {
      seconds: spread(sizes.map((z) => z.seconds)),
      peakRssBytes: spread(baselineRuns[library].map((r) => r.peakRssBytes)),
      size,
    };
  };
  const reader = readerCosts(a.dist);
  let offline: Results['offline'];
  if (hasIndexer && existsSync(join(a.dir, 'src', 'integrations', 'offline.ts'))) {
    log('writing the offline copies');
    const copies = (
      await runnerImport(join(benchDir, 'lib', 'offline-copies.ts'), { configFile: false, logLevel: 'error' })
    ).module as typeof import('./lib/offline-copies.ts');
    offline = await copies.writeCopies(a.dist, contentRoot);
  }
  log('timing the related-papers ranking');
  const timing = (
    await runnerImport(join(benchDir, 'lib', 'related-timing.ts'), { configFile: false, logLevel: 'error' })
  ).module as typeof import('./lib/related-timing.ts');
  const relatedRun = await timing.timeRelated(contentRoot, Math.max(3, rounds));
  const related = {
    seconds: spread(relatedRun.seconds),
    papers: relatedRun.papers,
    withRelated: relatedRun.withRelated,
  };
  const queries = chooseQueries(papers);
  const mathPapers = papers.filter((p) => /(?<!\\)\$/.test(p.summary)).map((p) => p.id);
  log('loading pages and searching in Chromium');
  const browser = await runHarness({
    dist: a.dist,
    bundle: hasIndexer ? '/pagefind/pagefind.js' : undefined,
    queries,
    readingPages: readingPages(a.dist, contentRoot, mathPapers),
  });
  machine.loadAfter = load();

  const partial: Measurements = {
    createdAt: new Date().toISOString(),
    command,
    machine,
    corpus: { kind: real ? 'real' : 'synthetic', papers: papers.length, seed: real ? undefined : values.seed, facts },
    rounds,
    order,
    builds,
    indexing,
    baselines: { minisearch: baseline('minisearch'), lunr: baseline('lunr') },
    ratios: buildRatios(builds),
    reader,
    offline,
    related,
    browser,
    queries,
    notes,
  };
  const results: Results = { ...partial, budgets: checkBudgets(partial) };
  const markdown = renderMarkdown(results);
  await writeReport(outDir, results, markdown, outDir === benchDir);
  console.log(`\n${markdown}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept the scratch folder ${work}`);
  const missed = results.budgets.filter((b) => b.pass === false);
  if (missed.length > 0) {
    log(`${missed.length} budget(s) missed: ${missed.map((b) => b.name).join('; ')}`);
    if (values.strict) process.exitCode = 1;
  }
}

/**
 * results.json keeps the latest run of each corpus size, so the 1,000- and 10,000-paper tiers sit
 * side by side; bench/README.md shows their tables between two markers.
 */
async function writeReport(outDir: string, results: Results, markdown: string, updateReadme: boolean) {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'results.json');
  const key = results.corpus.kind === 'real' ? 'real' : String(results.corpus.papers);
  let all: { runs: Record<string, Results> } = { runs: {} };
  if (existsSync(file)) {
    try {
      all = JSON.parse(readFileSync(file, 'utf8')) as typeof all;
    } catch {
      all = { runs: {} };
    }
  }
  all.runs[key] = results;
  // Formatted as the project's Prettier formats JSON, so the committed file passes `npm run check`.
  writeFileSync(file, await format(JSON.stringify(all), { parser: 'json' }));
  log(`wrote ${file}`);
  if (!updateReadme) {
    writeFileSync(join(outDir, 'results.md'), markdown);
    return;
  }
  await renderReadme(file, join(outDir, 'README.md'));
}

/** Rewrites the results section of the README (between two markers) from results.json. */
async function renderReadme(resultsFile: string, readme: string) {
  if (!existsSync(readme) || !existsSync(resultsFile)) return;
  const all = JSON.parse(readFileSync(resultsFile, 'utf8')) as { runs: Record<string, Results> };
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return;
  const sizes = Object.keys(all.runs).sort((x, y) => (Number(y) || 0) - (Number(x) || 0));
  const tables = sizes.map((k) => renderMarkdown(all.runs[k] as Results)).join('\n');
  writeFileSync(readme, `${text.slice(0, from + start.length)}\n\n${tables}\n${text.slice(to)}`);
  log(`updated the results in ${readme}`);
}

await main();
