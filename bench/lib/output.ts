/**
 * What a built site costs a reader, read from its files: size and file count, the HTML+CSS bytes
 * of a paper page (gzip), the JavaScript a reading page loads before search opens, and whether
 * KaTeX's stylesheet (and so its fonts) is linked from any page without math.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { median, quantile } from './stats.ts';

export interface FolderSize {
  files: number;
  bytes: number;
  htmlPages: number;
}

export function folderSize(dir: string): FolderSize {
  let files = 0;
  let bytes = 0;
  let htmlPages = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (entry.split('/').includes('.prerender')) continue;
    const stat = statSync(join(dir, entry));
    if (!stat.isFile()) continue;
    files++;
    bytes += stat.size;
    if (entry.endsWith('.html')) htmlPages++;
  }
  return { files, bytes, htmlPages };
}

const gzipBytes = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/** The file a root-relative URL of the site points to (`/_astro/x.css`). */
function fileForUrl(dist: string, url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const path = posix.normalize(decodeURIComponent(url.split(/[?#]/)[0] ?? ''));
  return join(dist, path);
}

/** Assets are shared by thousands of pages: each is read once. */
const assets = new Map<string, Buffer>();
function readOrEmpty(file: string | undefined): Buffer {
  if (!file) return Buffer.alloc(0);
  let data = assets.get(file);
  if (!data) {
    try {
      data = readFileSync(file);
    } catch {
      data = Buffer.alloc(0);
    }
    assets.set(file, data);
  }
  return data;
}

const cssGzipCache = new Map<string, number>();

export interface PageCost {
  path: string;
  htmlGzip: number;
  cssGzip: number;
  /** Uncompressed bytes of every script the page loads or inlines. */
  jsBytes: number;
  scripts: string[];
  hasMath: boolean;
  linksKatexCss: boolean;
  preloadsKatexFont: boolean;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
const attrValue = (tag: string, name: string) => {
  const m = attr(tag, name);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
};
const tags = (html: string, name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];

/** Scripts and the modules they import by relative path, transitively, each once: what a page really loads. */
function withImports(dist: string, urls: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const code = readOrEmpty(fileForUrl(dist, url)).toString('utf8');
    for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(new URL(m[1] ?? '', `http://site${url}`).pathname);
    }
  };
  for (const url of urls) visit(url);
  return [...seen];
}

/**
 * Reads one page: its stylesheets and scripts are resolved against `dist`. Tags are found with
 * regular expressions, which is enough for the minified HTML a static build writes and thirty
 * times faster than a DOM parse over tens of thousands of pages.
 */
export function pageCost(dist: string, path: string): PageCost {
  const html = readFileSync(join(dist, path), 'utf8');
  const links = tags(html, 'link');
  const cssUrls = links.filter((t) => attrValue(t, 'rel') === 'stylesheet').map((t) => attrValue(t, 'href') ?? '');
  const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '').join('');
  const scriptTags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  const scripts = scriptTags.map((m) => attrValue(m[1] ?? '', 'src') ?? '(inline)');
  const inlineJs = scriptTags
    .filter((m) => attrValue(m[1] ?? '', 'src') === undefined && !/json/i.test(attrValue(m[1] ?? '', 'type') ?? ''))
    .map((m) => m[2] ?? '')
    .join('');
  const externalJs = [
    ...scriptTags.map((m) => attrValue(m[1] ?? '', 'src')),
    ...links.filter((t) => attrValue(t, 'rel') === 'modulepreload').map((t) => attrValue(t, 'href')),
  ].filter((u): u is string => u !== undefined);
  const cssKey = `${dist}\n${cssUrls.join('\n')}\n${inlineCss}`;
  let cssGzip = cssGzipCache.get(cssKey);
  if (cssGzip === undefined) {
    const css = Buffer.concat([...cssUrls.map((u) => readOrEmpty(fileForUrl(dist, u))), Buffer.from(inlineCss)]);
    cssGzip = css.length > 0 ? gzipBytes(css) : 0;
    cssGzipCache.set(cssKey, cssGzip);
  }
  const js = withImports(dist, externalJs).reduce((sum, u) => sum + readOrEmpty(fileForUrl(dist, u)).length, 0);
  return {
    path,
    htmlGzip: gzipBytes(html),
    cssGzip,
    jsBytes: js + Buffer.byteLength(inlineJs),
    scripts,
    hasMath: /class="katex\b/.test(html),
    linksKatexCss: cssUrls.some((u) => /katex/i.test(u)),
    preloadsKatexFont: links.some(
      (t) => attrValue(t, 'rel') === 'preload' && /katex/i.test(attrValue(t, 'href') ?? ''),
    ),
  };
}

export interface ReaderCosts {
  paperPages: number;
  /** gzip bytes of a paper page's HTML plus the CSS it links (first visit, nothing cached). */
  paperHtmlCssGzip: { median: number; p95: number; max: number };
  paperHtmlGzip: { median: number; p95: number };
  /** The most JavaScript any reading page (every page but the search page) loads. */
  readingPageJs: { maxBytes: number; page: string; scripts: string[] };
  /** Reading pages whose scripts come from the search bundle or a search library. */
  searchLibraryOnReadingPages: string[];
  /** Pages that link KaTeX's CSS (or preload its fonts) without any math on them. */
  katexWithoutMath: string[];
  /** Pages with math but without KaTeX's CSS: the formulas would render unstyled. */
  mathWithoutKatex: string[];
  pagesWithMath: number;
  pagesChecked: number;
  /** The largest conference page (figures, overview, themes): its HTML, raw and gzip. */
  conferencePage?: { path: string; bytes: number; gzip: number };
}

/** Top-level folders that are not conferences (`ROUTES` of src/lib/urls.ts). */
const NOT_CONFERENCES = /^(papers|authors|talks|search|pagefind|_astro)\//;

/** Reads every HTML page of our site's output. */
export function readerCosts(dist: string): ReaderCosts {
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.html') && !f.split('/').includes('.prerender'),
  );
  const paper: PageCost[] = [];
  let js: PageCost | undefined;
  const searchLibrary: string[] = [];
  const katexWithoutMath: string[] = [];
  const mathWithoutKatex: string[] = [];
  let pagesWithMath = 0;
  let conferencePage = { path: '', bytes: 0, gzip: 0 };
  for (const path of pages) {
    const cost = pageCost(dist, path);
    if (/^[^/]+\/index\.html$/.test(path) && !NOT_CONFERENCES.test(path)) {
      const bytes = statSync(join(dist, path)).size;
      if (bytes > conferencePage.bytes) conferencePage = { path, bytes, gzip: cost.htmlGzip };
    }
    if (/^papers\/[^/]+\/index\.html$/.test(path)) paper.push(cost);
    // Tool pages load what their tool needs: search, the reading list, keeping a digest offline.
    const reading = !/^(search|reading-list)\//.test(path) && !/^[^/]+\/offline\//.test(path);
    if (reading) {
      if (!js || cost.jsBytes > js.jsBytes) js = cost;
      if (cost.scripts.some((s) => /pagefind|lunr|minisearch|flexsearch|fuse/i.test(s))) searchLibrary.push(path);
    }
    if (cost.hasMath) pagesWithMath++;
    if ((cost.linksKatexCss || cost.preloadsKatexFont) && !cost.hasMath) katexWithoutMath.push(path);
    if (cost.hasMath && !cost.linksKatexCss) mathWithoutKatex.push(path);
  }
  const total = paper.map((p) => p.htmlGzip + p.cssGzip);
  const html = paper.map((p) => p.htmlGzip);
  return {
    paperPages: paper.length,
    paperHtmlCssGzip: { median: median(total), p95: quantile(total, 0.95), max: Math.max(0, ...total) },
    paperHtmlGzip: { median: median(html), p95: quantile(html, 0.95) },
    readingPageJs: { maxBytes: js?.jsBytes ?? 0, page: js?.path ?? '', scripts: js?.scripts ?? [] },
    searchLibraryOnReadingPages: searchLibrary,
    katexWithoutMath,
    mathWithoutKatex,
    pagesWithMath,
    pagesChecked: pages.length,
    conferencePage,
  };
}

export interface IndexDocument {
  url: string;
  title: string;
  body: string;
}

/**
 * The documents Pagefind indexes, read the way it reads them: the `data-pagefind-body` region of
 * each page (or `<main>` when a site marks none), without `data-pagefind-ignore` parts. The
 * whole-index baselines index exactly these.
 */
export function indexDocuments(dist: string): IndexDocument[] {
  const docs: IndexDocument[] = [];
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.html') && !f.split('/').some((p) => p === '.prerender' || p === 'pagefind'),
  );
  for (const path of pages.sort()) {
    const $ = load(readFileSync(join(dist, path), 'utf8'));
    let region = $('[data-pagefind-body]');
    if (region.length === 0) continue;
    region = region.clone();
    region.find('[data-pagefind-ignore], script, style, template').remove();
    const title = region.find('h1').first().text().trim() || $('title').text().trim();
    docs.push({
      url: `/${path.replace(/index\.html$/, '')}`,
      title,
      body: region.text().replace(/\s+/g, ' ').trim(),
    });
  }
  return docs;
}
