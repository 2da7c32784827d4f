/**
 * `npm run manifest -- <dist> [out.json]`: a normalised manifest of every built page (title, headings,
 * visible text, links, JSON-LD and head metadata), with Astro's scoped class names and asset hashes stripped, so two
 * builds can be compared with `diff` after a refactor that should not change what readers get.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';

const [dist, out] = process.argv.slice(2);
if (!dist) throw new Error('usage: npm run manifest -- <dist> [out.json]');

/** `/_astro/Base.Cx12ab.css` and similar: the file's role without its content hash. */
const unhash = (url: string) => url.replace(/\/_astro\/([^/]+?)\.[A-Za-z0-9_-]{8}\.(\w+)$/, '/_astro/$1.$2');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort();
const manifest = pages.map((page) => {
  const $ = load(readFileSync(join(dist, page), 'utf8'));
  $('script:not([type="application/ld+json"]), style').remove();
  return {
    page,
    title: $('title').text(),
    meta: $('head meta[name], head meta[property], head link[rel]')
      .map(
        (_, m) =>
          `${$(m).attr('name') ?? $(m).attr('property') ?? $(m).attr('rel')}=${unhash($(m).attr('content') ?? $(m).attr('href') ?? '')}`,
      )
      .get()
      .filter((m) => !m.startsWith('stylesheet=')),
    headings: $('h1, h2, h3, h4, h5, h6')
      .map((_, h) => `${h.tagName}#${$(h).attr('id') ?? ''} ${squash($(h).text())}`)
      .get(),
    links: $('body a[href]')
      .map((_, a) => `${unhash($(a).attr('href') ?? '')} ${squash($(a).text())}`)
      .get(),
    ids: $('body [id]')
      .map((_, e) => $(e).attr('id'))
      .get(),
    jsonLd: $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text()) as unknown)
      .get(),
    text: squash($('body').text()),
  };
});
const json = JSON.stringify(manifest, null, 1);
if (out) writeFileSync(out, json);
else console.log(json);
