/**
 * Builds the Pagefind search index of the site inside `astro build`, so the build alone yields a
 * complete `dist/` with its index (never copied into `public/`). What gets indexed is decided by
 * the pages themselves: `data-pagefind-body` on the main region of readable pages, filters,
 * metadata and sort keys emitted from the content (see `src/components/search/SearchData.astro`).
 *
 * `PAGEFIND_INDEX=off` skips indexing inside the build; `indexSite()` then indexes a built folder
 * as a step of its own (the benchmark times it that way).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import { close, createIndex } from 'pagefind';
import { SEARCH_BUNDLE_DIR } from '../lib/search-state';

/** How the index is built. One object for the integration and for `indexSite()`. */
export interface PagefindOptions {
  /**
   * Index the whole site as one language (ISO 639-1), whatever `lang` a page declares, so the
   * search page loads one index. Default `en`.
   */
  forceLanguage?: string;
  /**
   * CSS selectors left out of the index, in addition to `data-pagefind-ignore` regions. Default
   * `MATH_DUPLICATES`.
   */
  excludeSelectors?: string[];
  /** Log every page Pagefind reads. */
  verbose?: boolean;
  /**
   * Most fragment files (one per page by default) Pagefind writes; beyond this many pages it
   * bundles fragments into shared files. Keeps the bundle far below static hosts' file limits
   * (Cloudflare Pages: 20,000 files per site on the free plan). `0`: one file per page. Default
   * `DEFAULT_MAX_FRAGMENTS`.
   */
  maxFragments?: number;
}

/**
 * Fragment files at most: the whole bundle is about 1,700 files at 10,000 papers, under the
 * benchmark's budget of 2,000, with some six pages per shared file (see README, "File counts").
 * Sharing costs a first search about 40 kB at that size (bench/README.md); `maxFragments: 0`
 * writes one file per page instead, for hosts without a file limit.
 */
export const DEFAULT_MAX_FRAGMENTS = 1600;

/**
 * KaTeX writes each formula three times: MathML, its TeX source (`annotation`) and the visual HTML.
 * Indexing only the MathML keeps one readable copy in excerpts ("E(x,y)=∥max(0,y−x)∥2").
 */
export const MATH_DUPLICATES = ['.katex-html', '.katex annotation'];

/** What an indexing run produced. */
export interface IndexSummary {
  /** HTML files read. */
  read: number;
  /** Pages in the index: those with `data-pagefind-body` (every page if none has it). */
  pages: number;
  /** The bundle folder written, inside the indexed folder. */
  outputPath: string;
  /** Files in the bundle folder. */
  files: number;
  /** Bytes of all files in the bundle folder. */
  bytes: number;
}

/** Pagefind reported errors: the search a reader gets would be incomplete, so the build stops. */
export class PagefindError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Pagefind failed to ${step}:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'PagefindError';
  }
}

function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new PagefindError(step, response.errors);
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, entry));
    if (stat.isFile()) {
      files += 1;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

/** The part of Pagefind's `pagefind-entry.json` that counts the indexed pages per language. */
const bundleEntry = z.object({ languages: z.record(z.string(), z.object({ page_count: z.number() })) });

/** Pages in a written bundle, over all languages. */
function indexedPages(outputPath: string): number {
  const entry = bundleEntry.parse(JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')));
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Indexes the HTML pages of a built site folder and writes the search bundle into
 * `<dir>/pagefind/`, replacing any earlier bundle. Rejects with a `PagefindError` on any error
 * Pagefind reports, and when no page was indexed.
 */
export async function indexSite(dir: string, options: PagefindOptions = {}): Promise<IndexSummary> {
  const outputPath = join(dir, SEARCH_BUNDLE_DIR);
  const maxFragments = options.maxFragments ?? DEFAULT_MAX_FRAGMENTS;
  rmSync(outputPath, { recursive: true, force: true });
  try {
    const created = await createIndex({
      forceLanguage: options.forceLanguage ?? 'en',
      excludeSelectors: options.excludeSelectors ?? MATH_DUPLICATES,
      verbose: options.verbose ?? false,
      ...(maxFragments > 0 ? { maxFragments } : {}),
    });
    check('create an index', created);
    const { index } = created;
    if (!index) throw new PagefindError('create an index', ['no index was returned']);
    const added = await index.addDirectory({ path: dir });
    check(`index the pages in ${dir}`, added);
    if (added.page_count === 0) throw new PagefindError(`index the pages in ${dir}`, ['no HTML page was found']);
    check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
    return { read: added.page_count, pages: indexedPages(outputPath), outputPath, ...folderSize(outputPath) };
  } finally {
    await close();
  }
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The Astro integration: indexes the output in `astro:build:done` unless `PAGEFIND_INDEX=off`. */
export default function pagefind(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'conference-digest:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env['PAGEFIND_INDEX'] === 'off') {
          logger.info('PAGEFIND_INDEX=off: search index skipped');
          return;
        }
        const started = performance.now();
        const summary = await indexSite(fileURLToPath(dir), options);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(
          `indexed ${summary.pages} of ${summary.read} pages in ${seconds} s: ${summary.files} files, ${kilobytes(summary.bytes)} in ${SEARCH_BUNDLE_DIR}/`,
        );
      },
    },
  };
}
