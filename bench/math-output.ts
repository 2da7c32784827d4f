/**
 * Compares KaTeX's two outputs on the built site: HTML+MathML (KaTeX's stylesheet and fonts, inline
 * `style` attributes) against MathML only (the browser's own math layout, no CSS or fonts).
 * Every formula on every page is rendered both ways from its TeX annotation, so the comparison
 * holds whichever output the site currently ships.
 *
 *   npm run build && node bench/math-output.ts [dist] [page]
 *
 * Prints bytes (raw and gzip) and writes Chromium screenshots of one page in both outputs to
 * bench/.work/math/ (the page with the most display formulas unless `page` names one).
 */
import { createServer } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import katex from 'katex';
import { chromiumOrThrow, launchChromium } from '../tests/helpers/chromium.ts';
import { katexOptions } from '../src/lib/katex-options.ts';

type Output = 'htmlAndMathml' | 'mathml';
/** Screenshot variants: MathML with the browser's default math font, and with a named math-font stack. */
type Shot = Output | 'mathml-fonts';
const MATH_FONTS = `math { font-family: 'Latin Modern Math', 'STIX Two Math', 'Cambria Math', 'DejaVu Math TeX Gyre', math; }`;
const root = resolve(import.meta.dirname, '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const work = join(root, 'bench', '.work', 'math');
mkdirSync(work, { recursive: true });
const katexDist = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');

const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort();

/** The page rendered with every formula in one output; the KaTeX stylesheet linked only for HTML output. */
function variant(html: string, output: Output, cssHref: string) {
  const $ = load(html);
  let formulas = 0;
  let display = 0;
  $('.katex').each((_, el) => {
    const node = $(el);
    const tex = node.find('annotation[encoding="application/x-tex"]').first().text();
    const displayMode = node.find('math').first().attr('display') === 'block';
    const rendered = katex.renderToString(tex, { ...katexOptions, output, displayMode });
    const target = node.parent().hasClass('katex-display') ? node.parent() : node;
    target.replaceWith(rendered);
    formulas++;
    if (displayMode) display++;
  });
  $('link[rel="stylesheet"][href*="katex"]').remove();
  // The comparison adds a stylesheet the site's own policy would refuse.
  $('meta[http-equiv="content-security-policy"]').remove();
  if (output === 'htmlAndMathml' && formulas > 0) $('head').append(`<link rel="stylesheet" href="${cssHref}">`);
  return { html: $.html(), formulas, display };
}

const cssFile = readdirSync(join(dist, '_astro')).find((f) => /^katex.*\.css$/.test(f));
const cssHref = cssFile ? `/_astro/${cssFile}` : '/__katex/katex.min.css';

const totals = {
  htmlAndMathml: { raw: 0, gzip: 0, styleAttrs: 0 },
  mathml: { raw: 0, gzip: 0, styleAttrs: 0 },
};
const styleValues = new Set<string>();
/** Formulas whose MathML letters rely on `mathvariant` (\\mathcal, \\mathbb, \\mathbf...), which MathML Core ignores. */
let variantFormulas = 0;
let formulas = 0;
let mathPages = 0;
let best = { page: '', display: -1 };
const variants = new Map<string, Record<Output, string>>();
for (const page of pages) {
  const html = readFileSync(join(dist, page), 'utf8');
  if (!html.includes('class="katex')) continue;
  mathPages++;
  const a = variant(html, 'htmlAndMathml', cssHref);
  const b = variant(html, 'mathml', cssHref);
  formulas += a.formulas;
  const $b = load(b.html);
  $b('.katex').each((_, el) => {
    if ($b(el).find('[mathvariant]:not([mathvariant="normal"])').length > 0) variantFormulas++;
  });
  for (const [output, v] of [
    ['htmlAndMathml', a],
    ['mathml', b],
  ] as const) {
    totals[output].raw += Buffer.byteLength(v.html);
    totals[output].gzip += gzipSync(v.html).length;
    const $ = load(v.html);
    $('.katex [style]').each((_, el) => {
      totals[output].styleAttrs++;
      styleValues.add($(el).attr('style') ?? '');
    });
  }
  if (a.display > best.display) best = { page, display: a.display };
  variants.set(page, { htmlAndMathml: a.html, mathml: b.html });
}

const fonts = readdirSync(join(katexDist, 'fonts')).filter((f) => f.endsWith('.woff2'));
const fontBytes = fonts.reduce((n, f) => n + statSync(join(katexDist, 'fonts', f)).size, 0);
const css = readFileSync(join(katexDist, 'katex.min.css'));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`${formulas} formulas on ${mathPages} pages of ${dist}`);
for (const output of ['htmlAndMathml', 'mathml'] as const) {
  const t = totals[output];
  console.log(
    `${output.padEnd(14)} math pages: ${kib(t.raw)} raw, ${kib(t.gzip)} gzip; style attributes in math: ${t.styleAttrs}`,
  );
}
console.log(`distinct inline style values (HTML output): ${styleValues.size}`);
console.log(`formulas with mathvariant letters (\\mathcal, \\mathbb, \\mathbf, ...): ${variantFormulas}`);
console.log(
  `HTML output also needs katex.min.css (${kib(css.length)}, ${kib(gzipSync(css).length)} gzip) and up to ${fonts.length} woff2 fonts (${kib(fontBytes)}); the build copies ${readdirSync(join(katexDist, 'fonts')).length} font files`,
);

const page = process.argv[3] ?? best.page;
const found = variants.get(page);
if (!found) throw new Error(`no math on ${page}`);
const chosen: Record<Shot, string> = {
  ...found,
  'mathml-fonts': found.mathml.replace('</head>', `<style>${MATH_FONTS}</style></head>`),
};
const types: Record<string, string> = { '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const v = /^\/__variant\/(htmlAndMathml|mathml|mathml-fonts)$/.exec(path);
  if (v) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(chosen[v[1] as Shot]);
    return;
  }
  const file = path.startsWith('/__katex/') ? join(katexDist, path.slice(9)) : join(dist, path);
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const browser = await launchChromium(chromiumOrThrow());
try {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    for (const output of ['htmlAndMathml', 'mathml', 'mathml-fonts'] as const) {
      await tab.goto(`http://127.0.0.1:${port}/__variant/${output}`);
      await tab.evaluate(() => document.fonts.ready);
      const shot = join(work, `${page.replace(/[/.]/g, '_')}-${width}-${output}.png`);
      await tab.screenshot({ path: shot, fullPage: true });
      const boxes = await tab.$$eval('.katex', (els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { w: r.width, h: r.height, overflow: r.right > document.documentElement.clientWidth };
        }),
      );
      const area = boxes.reduce((n, b) => n + b.w * b.h, 0);
      const overflow = boxes.filter((b) => b.overflow).length;
      console.log(
        `${width}px ${output.padEnd(14)} ${boxes.length} formulas, total box area ${Math.round(area)} px², ${overflow} wider than the viewport: ${shot}`,
      );
      const display = await tab.$$(
        output === 'htmlAndMathml' ? '.katex-display' : '.katex:has(> math[display="block"])',
      );
      for (const [i, el] of display.entries()) {
        await el.screenshot({ path: join(work, `display-${i + 1}-${width}-${output}.png`) });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
writeFileSync(join(work, 'page.txt'), `${page}\n`);
