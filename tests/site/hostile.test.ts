/**
 * The hostile-text fixture (tests/fixtures/hostile/) puts script tags, attribute breakouts,
 * `</script>`, `javascript:` text, right-to-left text, emoji and combining marks into titles,
 * names, notes and summaries. Built on its own, every page shows them as text: in the HTML, the
 * BibTeX export, the JSON-LD, the feeds and the search index, and no markup comes from content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorKey } from '../../src/lib/authors';
import { fixture, SITES } from '../helpers/build';
import { readContent, type RawEntry } from '../helpers/content';
import { Dist } from '../helpers/dist';
import { openSearch, searchAll, type SiteSearch } from '../helpers/search';
import { serveDist, type StaticServer } from '../helpers/serve';

const dist = new Dist(SITES.hostile.dist);
const content = readContent(fixture('hostile'));
const str = (v: unknown) => String(v);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const byStem = (entries: RawEntry[], stem: string) => {
  const entry = entries.find((e) => e.stem === stem);
  if (!entry) throw new Error(`the hostile fixture has no entry "${stem}"`);
  return entry;
};
const paper = byStem(content.papers, 'script2030paper');
const theme = byStem(content.themes, 'hostile-theme');
const talk = byStem(content.talks, 'hostile-talk');
const conference = byStem(content.conferences, 'hostile-2030');
const conferenceId = conference.stem;

/** Every string a content file holds, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
/** A link as the site writes it: the same URL, with what a URL may not hold percent-encoded. */
const asLink = (s: string) => (/^https?:\/\//.test(s) ? new URL(s).href : s);

/** Strings with markup characters, except those with formulas (they render as math, not as written). */
const hostileStrings = [...content.conferences, ...content.themes, ...content.papers, ...content.talks]
  .flatMap((e) => strings(e.data))
  .filter((s) => /[<>"]/.test(s) && !/(?<!\\)\$/.test(s))
  .map(asLink);

describe('the hostile fixture', () => {
  it('is hostile: scripts, breakouts and closing tags in every kind of entry', () => {
    for (const entry of [paper, theme, talk, conference]) {
      expect(
        strings(entry.data).some((s) => /<script>|"><|<\/script>/.test(s)),
        entry.file,
      ).toBe(true);
    }
  });
});

describe('built from hostile text', () => {
  it('has no element or attribute that came from content', () => {
    expect(dist.pages().length).toBeGreaterThan(0);
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      $('*').each((_, el) => {
        if (!('attribs' in el)) return;
        for (const name of Object.keys(el.attribs)) expect(name, `${path} <${el.tagName} ${name}>`).not.toMatch(/^on/i);
      });
      expect($('iframe, object, embed, img[src="x"], svg[onload], b[onmouseover]').length, path).toBe(0);
      $('script').each((_, el) => {
        const script = $(el);
        const type = script.attr('type');
        if (type === 'application/ld+json') {
          expect(script.html() ?? '', path).not.toMatch(/[<>]/);
          expect(() => JSON.parse(script.html() ?? ''), path).not.toThrow();
        } else {
          expect(script.attr('src') ?? script.html() ?? '', path).not.toMatch(/alert\(/);
        }
      });
      $('[href], [src]').each((_, el) => {
        const url = $(el).attr('href') ?? $(el).attr('src') ?? '';
        if (/^[a-z][a-z0-9+.-]*:/i.test(url)) expect(url, path).toMatch(/^(https?|mailto):/);
      });
    }
  });

  it('shows every string with markup characters, unchanged (links as valid URLs), as text or as an attribute value', () => {
    const texts: string[] = [];
    const attributes: string[] = [];
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      texts.push($('title').text(), $('body').text());
      $('*').each((_, el) => {
        if ('attribs' in el) attributes.push(...Object.values(el.attribs));
      });
    }
    expect(hostileStrings.length).toBeGreaterThan(10);
    for (const s of hostileStrings) {
      expect(texts.some((t) => t.includes(s)) || attributes.some((a) => a.includes(s)), s).toBe(true);
    }
  });

  it('shows a paper’s title, authors, venue, award, summary and note as the editor wrote them', () => {
    const $ = dist.page(`/papers/${paper.stem}/`);
    expect($('h1').text()).toBe(paper.data['title']);
    expect($('title').text()).toBe(`${str(paper.data['title'])} · Conference Digest`);
    expect(
      $('header .authors a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(list(paper.data['authors']));
    const meta = $('header .meta').text();
    expect(meta).toContain(str(paper.data['venue']));
    expect(meta).toContain(str(paper.data['award']));
    const summary = load($('section:has(#summary)').html() ?? '');
    expect(summary('.katex').length).toBeGreaterThan(0);
    summary('.katex').remove();
    const summaryText = summary.root().text();
    for (const part of ['<img src=x onerror=alert(1)>', 'javascript:alert(1)', '</script>', 'a price of $5']) {
      expect(summaryText).toContain(part);
    }
    expect($('aside.note').text()).toContain(str(paper.data['note']));
  });

  it('keeps link targets whole inside their attributes', () => {
    const $ = dist.page(`/papers/${paper.stem}/`);
    const links = $('header .links a')
      .map((_, a) => $(a).attr('href'))
      .get();
    const expected = Object.values(paper.data['links'] as Record<string, string>).map(asLink);
    expect(links).toEqual(expect.arrayContaining(expected));
    expect($('header .links a').length).toBe(expected.length);
  });

  it('gives every author a page titled with the name, at an address made of its letters', () => {
    for (const name of list(paper.data['authors'])) {
      const slug = authorKey(name);
      expect(slug, name).toMatch(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u);
      expect(
        dist
          .page(`/authors/${encodeURIComponent(slug)}/`)('h1')
          .text(),
        name,
      ).toBe(name);
    }
  });

  it('shows theme, conference, outlook and talk text as text', () => {
    const $theme = dist.page(`/${conferenceId}/${theme.stem}/`);
    expect($theme('h1').text()).toBe(theme.data['title']);
    expect($theme('.lede').text()).toBe(theme.data['summary']);
    expect($theme('.prose h2').first().text()).toBe('<script>alert(6)</script> as a heading');
    expect($theme('meta[name="description"]').attr('content')).toBe(theme.data['summary']);

    const $conference = dist.page(`/${conferenceId}/`);
    expect($conference('h1').text()).toBe(conference.data['shortName']);
    const header = $conference('header').text();
    for (const field of ['name', 'location', 'summary']) expect(header, field).toContain(str(conference.data[field]));
    expect($conference('.prose').text()).toContain('<script>alert(3)</script>');

    const $talk = dist.page(`/talks/${conferenceId}/${talk.stem}/`);
    expect($talk('h1').text()).toBe(talk.data['title']);
    expect($talk('.speaker').text()).toContain(`${str(talk.data['speaker'])}, ${str(talk.data['affiliation'])}`);
    expect($talk('.summary').text()).toBe(talk.data['summary']);
  });

  it('escapes the BibTeX export so no field ends early and every special character stays text', () => {
    const bibtex = dist.page(`/papers/${paper.stem}/`)('pre code').text();
    const fields = bibtex.split('\n').slice(1, -1);
    expect(fields.length).toBeGreaterThan(3);
    for (const field of fields) {
      const value = [...field.slice(field.indexOf('{'), field.endsWith(',') ? -1 : undefined)];
      let depth = 0;
      const depths = value.map((c) => (depth += c === '{' ? 1 : c === '}' ? -1 : 0));
      expect(
        depths.slice(0, -1).every((d) => d >= 1),
        field,
      ).toBe(true);
      expect(depths.at(-1), field).toBe(0);
      // A URL is verbatim in BibTeX (biber and \url read it as is): only braces would break it.
      if (field.trimStart().startsWith('url')) {
        expect(field, field).not.toMatch(/\\/);
        continue;
      }
      const text = field
        .replace(
          /\\(textbackslash|textbraceleft|textbraceright|textasciitilde|textasciicircum|textless|textgreater|textbar)\{\}/g,
          '',
        )
        // Diacritics as TeX accents and letters: {\"a}, {\c{c}}, {\ss}.
        .replace(/\{\\(?:["'`^~=.]|[uvHcdbrk](?=\{))|\{\\(?:ss|ae|AE|oe|OE|o|O|l|L|i|aa|AA)\}/g, '{');
      expect(text, field).not.toMatch(/(?<!\\)[%&#_$~^]|\\(?![%&#_$])/);
    }
    // BibTeX splits authors at " and " outside braces: the collaboration stays one author.
    const author = fields.find((f) => f.trimStart().startsWith('author')) ?? '';
    expect(author).toContain('{The ATLAS and CMS Collaborations}');
    const names = author
      .slice(author.indexOf('{') + 1, author.lastIndexOf('}'))
      .replace(/\{[^{}]*\}/g, (group) => group.replaceAll(' and ', ' '))
      .split(' and ');
    expect(names).toHaveLength(list(paper.data['authors']).length);
  });

  it('writes JSON-LD that parses back to the same text', () => {
    const $ = dist.page(`/papers/${paper.stem}/`);
    const blocks = $('script[type="application/ld+json"]')
      .map((_, el) => $(el).html() ?? '')
      .get();
    expect(blocks.length).toBeGreaterThan(0);
    const values = blocks.flatMap((b) => strings(JSON.parse(b)));
    expect(values).toContain(paper.data['title']);
    for (const name of list(paper.data['authors'])) expect(values).toContain(name);
  });

  it('writes feeds that parse as XML and hold the titles as text', () => {
    for (const feed of ['rss.xml', `${conferenceId}/rss.xml`]) {
      const file = join(SITES.hostile.dist, feed);
      expect(existsSync(file), feed).toBe(true);
      const xml = readFileSync(file, 'utf8');
      expect(xml, feed).not.toMatch(/<script|<img|<svg/i);
      const $ = load(xml, { xml: true });
      const titles = $('item > title')
        .map((_, t) => $(t).text())
        .get();
      expect(
        titles.some((t) => t.includes(str(theme.data['title']))),
        feed,
      ).toBe(true);
      expect($('item > description').text(), feed).toContain(str(theme.data['summary']));
    }
  });
});

describe('the search index of hostile text', () => {
  let server: StaticServer;
  let search: SiteSearch;
  beforeAll(async () => {
    server = await serveDist(SITES.hostile.dist);
    search = await openSearch(SITES.hostile.dist, server);
  });
  afterAll(async () => {
    await search?.destroy();
    await server?.close();
  });

  it('keeps titles as text in the metadata and escapes excerpts', async () => {
    const results = await searchAll(search, 'alert');
    expect(results.length).toBeGreaterThan(0);
    const titles = results.map((r) => r.meta['title'] ?? '');
    expect(titles).toContain(str(paper.data['title']));
    expect(titles).toContain(str(theme.data['title']));
    for (const r of results) {
      const excerpt = load(`<div>${r.excerpt}</div>`);
      expect(excerpt('div *').not('mark').length, r.url).toBe(0);
    }
  });
});
