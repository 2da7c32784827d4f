/**
 * Writes what a reader needs to keep a digest for offline reading, at the end of the build (after
 * the search index, which the copy holds whole): per conference a manifest beside its page
 * (`<conference>/offline.json`: the build's id and day, every URL, the bytes), and the service
 * worker `sw.js` at the base, bundled from `src/offline/worker.ts` with the build's id in it. The
 * offline page (`[conference]/offline.astro`) reads the manifest and registers the worker.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import type { Catalog } from '../lib/catalog';
import { contentRoot } from '../lib/content-root';
import { buildDay, cssReferences, offlineParts, pageReferences, partsWithin, scriptImports } from '../lib/offline';
import type { OfflineManifest } from '../lib/offline-manifest';
import { shardCount } from '../lib/reading-list-data';
import { formatBytes } from '../lib/offline-manifest';
import { SEARCH_BUNDLE_DIR } from '../lib/search-state';
import { ASSETS_DIR, OFFLINE_MANIFEST_FILE, pagePaths, SERVICE_WORKER_FILE } from '../lib/urls';
import { readCatalog } from './completeness';

/**
 * Bytes a conference's copy may take before whole kinds of page are left out (`offlineParts`), in
 * the order they matter least: a download a reader can start on a phone without a second thought.
 * Measured with the benchmark's corpus: 27 papers take 2.4 MB and keep everything; at 10,000
 * papers everything would be 277 MB (paper pages 124 MB, author pages 92 MB), so the copy keeps
 * the digest, its talks, the indexes and the whole search bundle: 61 MB in 1,923 files. Offline,
 * search still finds every paper, and each theme's reference cards carry its papers' records.
 */
export const DEFAULT_OFFLINE_BUDGET = 100_000_000;

export interface OfflineOptions {
  /** See `DEFAULT_OFFLINE_BUDGET`. */
  budget?: number;
}

/** What one conference's copy holds, for the build log and the benchmark. */
export interface OfflineSummary {
  conference: string;
  files: number;
  bytes: number;
  omitted: string[];
  /** Each part's own files and bytes (what no earlier part holds), kept or not. */
  parts: { name: string; files: number; bytes: number; kept: boolean }[];
}

/** Reads a built site: each URL's file and size, and what each page or stylesheet loads. */
class BuiltFiles {
  private sizes = new Map<string, number>();
  private loads = new Map<string, string[]>();
  readonly dir: string;
  readonly base: string;
  // Plain fields, not parameter properties: the benchmark runs this file with Node's type stripping.
  constructor(dir: string, base: string) {
    this.dir = dir;
    this.base = base;
  }

  /** The file a URL path under the base is served from. */
  file(url: string): string {
    const path = decodeURI(url.slice(this.base.length));
    return join(this.dir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
  }

  size(url: string): number {
    let size = this.sizes.get(url);
    if (size === undefined) {
      const file = this.file(url);
      if (!existsSync(file)) throw new Error(`offline copy: ${url} has no file in the build (${file})`);
      size = statSync(file).size;
      this.sizes.set(url, size);
    }
    return size;
  }

  /** The URLs under the base that a page, stylesheet or script loads. */
  private references(url: string): string[] {
    let refs = this.loads.get(url);
    if (refs === undefined) {
      const file = this.file(url);
      const text = () => readFileSync(file, 'utf8');
      // Only Vite's own chunks are read for imports: Pagefind's scripts build their URLs at run
      // time, and its bundle is kept whole anyway.
      const written = file.endsWith('.html')
        ? pageReferences(text())
        : file.endsWith('.css')
          ? cssReferences(text())
          : file.endsWith('.js') && url.startsWith(`${this.base}${ASSETS_DIR}/`)
            ? scriptImports(text())
            : [];
      refs = written
        .map((ref) => new URL(ref, `http://site${url}`))
        .filter((u) => u.origin === 'http://site' && u.pathname.startsWith(this.base))
        .map((u) => u.pathname);
      this.loads.set(url, refs);
    }
    return refs;
  }

  /** The URLs and everything they load, transitively, in a stable order. */
  closure(urls: Iterable<string>): string[] {
    const seen = new Set<string>();
    const visit = (url: string) => {
      if (seen.has(url)) return;
      this.size(url);
      seen.add(url);
      for (const ref of this.references(url)) visit(ref);
    };
    for (const url of urls) visit(url);
    return [...seen];
  }

  /** Every file under a folder of the base, as URLs. */
  folder(name: string): string[] {
    const root = join(this.dir, name);
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(root, f)).isFile())
      .sort()
      .map((f) => `${this.base}${name}/${f.split(/[\\/]/).map(encodeURIComponent).join('/')}`);
  }
}

/** Bundles the worker with the build's constants; the same inputs give the same bytes. */
async function bundleWorker(constants: Record<string, string>): Promise<string> {
  const entry = fileURLToPath(new URL('../offline/worker.ts', import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { OFFLINE_BUILD: JSON.stringify(constants) },
    build: {
      write: false,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: 'offlineWorker', fileName: () => SERVICE_WORKER_FILE },
    },
  });
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!('output' in output)) continue;
    for (const chunk of output.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('offline copy: bundling the service worker produced no script');
}

/**
 * Writes each conference's manifest and the service worker into a built site `dir` deployed
 * under `base`. Throws when a page or file the copy needs is missing from the build.
 */
export async function writeOfflineCopies(
  dir: string,
  base: string,
  catalog: Catalog,
  options: OfflineOptions & { builtOn?: string } = {},
): Promise<OfflineSummary[]> {
  const files = new BuiltFiles(dir, base);
  const builtOn = options.builtOn ?? buildDay(process.env);
  const budget = options.budget ?? DEFAULT_OFFLINE_BUDGET;
  const search = files.folder(SEARCH_BUNDLE_DIR);
  const copies = catalog.conferences.map((conference) => {
    const taken = new Set<string>();
    const parts = offlineParts(conference, shardCount(catalog.papers.length)).map((part, i) => {
      const urls = files
        .closure([...part.pages.map((p) => `${base}${p}`), ...(i === 0 ? search : [])])
        .filter((url) => !taken.has(url));
      for (const url of urls) taken.add(url);
      return { name: part.name, urls, bytes: urls.reduce((sum, url) => sum + files.size(url), 0) };
    });
    const { kept, omitted } = partsWithin(parts, budget);
    const urls = kept.flatMap((p) => p.urls).sort();
    const summary = parts.map((p) => ({ name: p.name, files: p.urls.length, bytes: p.bytes, kept: kept.includes(p) }));
    return {
      conference,
      urls,
      bytes: kept.reduce((sum, p) => sum + p.bytes, 0),
      omitted: omitted.map((p) => p.name),
      parts: summary,
    };
  });

  // Any change to any file of any copy, or to the day, is a new version for the worker.
  const hash = createHash('sha256').update(`${builtOn}\n`);
  for (const url of [...new Set(copies.flatMap((c) => c.urls))].sort()) {
    hash.update(
      `${url}\0${createHash('sha256')
        .update(readFileSync(files.file(url)))
        .digest('hex')}\n`,
    );
  }
  const buildId = hash.digest('hex').slice(0, 16);

  for (const copy of copies) {
    const id = copy.conference.id;
    const manifest: OfflineManifest = {
      buildId,
      builtOn,
      conference: { id, name: copy.conference.data.shortName, url: `${base}${pagePaths.conference(id)}` },
      urls: copy.urls,
      bytes: copy.bytes,
      omitted: copy.omitted,
    };
    writeFileSync(files.file(`${base}${pagePaths.conference(id)}${OFFLINE_MANIFEST_FILE}`), JSON.stringify(manifest));
  }
  const worker = await bundleWorker({
    id: buildId,
    builtOn,
    base,
    fallback: `${base}${pagePaths.route('offline')}`,
    assets: `${base}${ASSETS_DIR}/`,
  });
  writeFileSync(join(dir, SERVICE_WORKER_FILE), worker);
  return copies.map((c) => ({
    conference: c.conference.id,
    files: c.urls.length,
    bytes: c.bytes,
    omitted: c.omitted,
    parts: c.parts,
  }));
}

/** The Astro integration: keep it after the search index and the security headers, before the completeness check. */
export default function offline(options: OfflineOptions = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'conference-digest:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const catalog = await readCatalog(contentRoot());
        for (const copy of await writeOfflineCopies(fileURLToPath(dir), base, catalog, options)) {
          const parts = copy.parts
            .map((p) => `${p.kept ? '' : 'left out: '}${p.name} ${p.files} files, ${formatBytes(p.bytes)}`)
            .join('; ');
          logger.info(`offline copy of ${copy.conference}: ${copy.files} files, ${formatBytes(copy.bytes)} (${parts})`);
        }
      },
    },
  };
}
