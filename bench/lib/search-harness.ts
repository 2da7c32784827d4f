/**
 * Bytes a reader's browser fetches to search: a real Chromium loads the built `pagefind.js` from a
 * local static server, searches, and loads the first page of results (five, as Pagefind's own UI
 * shows). The server counts every byte it sends, gzip-compressing text files as a static host does
 * (Pagefind's index chunks and WebAssembly are compressed already and go out as they are).
 * - first search: a fresh browser profile per query, so nothing is cached;
 * - following searches: every later query of one session, which reuses what is loaded.
 * It also loads reading pages and records what they request before search opens.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { chromiumOrThrow, launchChromium } from '../../tests/helpers/chromium.ts';
import { quantile } from './stats.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.css', '.svg', '.xml', '.txt']);
/** An empty page on the site's origin from which the harness imports `pagefind.js`. */
const BLANK = '/__bench_blank__/';

export interface Request {
  path: string;
  /** Bytes sent over the wire (after gzip where applied). */
  bytes: number;
}

class CountingServer {
  private readonly server: Server;
  private readonly root: string;
  requests: Request[] = [];
  origin = '';

  constructor(root: string) {
    this.root = root;
    this.server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === BLANK) {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>blank</title>');
        return;
      }
      let file = join(this.root, normalize(path));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file.startsWith(this.root) || !existsSync(file)) {
        this.requests.push({ path, bytes: 0 });
        res.writeHead(404).end();
        return;
      }
      const ext = extname(file);
      const headers: Record<string, string> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': 'public, max-age=3600',
      };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        const body = gzipSync(readFileSync(file), { level: 6 });
        this.requests.push({ path, bytes: body.length });
        res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
        res.end(body);
        return;
      }
      const size = statSync(file).size;
      this.requests.push({ path, bytes: size });
      res.writeHead(200, { ...headers, 'Content-Length': String(size) });
      createReadStream(file).pipe(res);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no server address');
    this.origin = `http://127.0.0.1:${address.port}`;
  }

  take(): Request[] {
    const out = this.requests;
    this.requests = [];
    return out;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface SearchCost {
  query: string;
  kind: string;
  results: number;
  bytes: number;
  /** What the search fetched, file by file. */
  requests: Request[];
}

export interface SearchBytes {
  pageSize: number;
  first: { p50: number; p95: number; max: number; perQuery: SearchCost[] };
  following: { p50: number; p95: number; max: number; perQuery: SearchCost[] };
}

export interface PageRequests {
  page: string;
  /** Whether the page shows KaTeX-rendered math. */
  hasMath: boolean;
  scripts: Request[];
  styles: Request[];
  fonts: Request[];
}

export interface HarnessResult {
  chromium: string;
  search: SearchBytes | undefined;
  pages: PageRequests[];
}

export interface Query {
  text: string;
  /** rare, mid, frequent, phrase or author: how the query was chosen. */
  kind: string;
}

const PAGE_SIZE = 5;

async function searchOnce(
  browser: Browser,
  origin: string,
  bundle: string,
  queries: readonly Query[],
  server: CountingServer,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}${BLANK}`);
  server.take();
  const costs: SearchCost[] = [];
  for (const query of queries) {
    const results = await page.evaluate(
      async ({ bundle, text, size }) => {
        type Result = { data: () => Promise<unknown> };
        type Pagefind = { init: () => Promise<void>; search: (q: string) => Promise<{ results: Result[] }> };
        const w = window as unknown as { __pf?: Pagefind };
        w.__pf ??= (await import(bundle)) as Pagefind;
        await w.__pf.init();
        const found = await w.__pf.search(text);
        await Promise.all(found.results.slice(0, size).map((r) => r.data()));
        return found.results.length;
      },
      { bundle, text: query.text, size: PAGE_SIZE },
    );
    const requests = server.take();
    costs.push({
      query: query.text,
      kind: query.kind,
      results,
      bytes: requests.reduce((s, r) => s + r.bytes, 0),
      requests,
    });
  }
  await context.close();
  return costs;
}

const summary = (costs: SearchCost[]) => {
  const bytes = costs.map((c) => c.bytes);
  return { p50: quantile(bytes, 0.5), p95: quantile(bytes, 0.95), max: Math.max(0, ...bytes), perQuery: costs };
};

/**
 * Runs the harness against a built site. `bundle` is the site path of `pagefind.js`; without a
 * bundle only the reading pages are loaded.
 */
export async function runHarness(options: {
  dist: string;
  bundle: string | undefined;
  queries: readonly Query[];
  readingPages: readonly string[];
}): Promise<HarnessResult> {
  const server = new CountingServer(options.dist);
  await server.start();
  const browser = await launchChromium(chromiumOrThrow());
  try {
    const pages: PageRequests[] = [];
    for (const path of options.readingPages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      server.take();
      await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
      const hasMath = await page.evaluate(() => document.querySelector('.katex') !== null);
      const requests = server.take();
      await context.close();
      pages.push({
        page: path,
        hasMath,
        scripts: requests.filter((r) => /\.m?js$/.test(r.path)),
        styles: requests.filter((r) => r.path.endsWith('.css')),
        fonts: requests.filter((r) => /\.(woff2?|ttf|otf)$/.test(r.path)),
      });
    }
    let search: SearchBytes | undefined;
    if (options.bundle) {
      const first: SearchCost[] = [];
      for (const query of options.queries) {
        const [cost] = await searchOnce(browser, server.origin, options.bundle, [query], server);
        if (cost) first.push(cost);
      }
      const session = await searchOnce(browser, server.origin, options.bundle, options.queries, server);
      search = { pageSize: PAGE_SIZE, first: summary(first), following: summary(session.slice(1)) };
    }
    return { chromium: browser.version(), search, pages };
  } finally {
    await browser.close();
    await server.close();
  }
}
