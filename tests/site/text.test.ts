/**
 * Text as search excerpts, text browsers and copied text see it: the words of adjacent elements
 * never run together ("William J. DallyICLR 2016"), and a paper's indexed text does not repeat
 * what its filters already say.
 */
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { realContent, SITES } from '../helpers/build';
import { readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);

/** Pairs of sibling elements whose texts touch, word to word, with nothing between them. */
function gluedPairs($: CheerioAPI, selector: string): string[] {
  const glued: string[] = [];
  $(selector)
    .find('*')
    .each((_, el) => {
      const next = el.next;
      if (!next || next.type !== 'tag') return;
      // Cells of a table row are apart by layout, in text browsers too.
      if (/^t[dh]$/.test(el.name) && /^t[dh]$/.test(next.name)) return;
      const a = $(el).text();
      const b = $(next).text();
      if (/[\p{L}\p{N}.,:;)]$/u.test(a) && /^[\p{L}\p{N}(]/u.test(b)) glued.push(`${a.slice(-20)}|${b.slice(0, 20)}`);
    });
  return glued;
}

describe('text', () => {
  it('keeps the words of adjacent elements apart on every page', () => {
    const pages = dist.pages();
    expect(pages.length).toBeGreaterThan(content.papers.length);
    for (const page of pages) {
      const $ = load(dist.page(page).html());
      // Formulas are read through their MathML, which has no spaces of its own to lose; figures
      // (inline SVG) are read through their names and their data tables.
      $('script, style, .katex, svg').remove();
      expect(gluedPairs($, 'body'), page).toEqual([]);
    }
  });

  it('leaves the track, which repeats the venue, out of a paper’s indexed text', () => {
    for (const paper of content.papers) {
      const $ = load(dist.page(`/papers/${paper.stem}/`).html());
      const meta = $('[data-pagefind-body] header .meta');
      expect(meta.text(), paper.file).toMatch(/track|Not a paper of/);
      meta.find('[data-pagefind-ignore]').remove();
      const indexed = meta.text().replace(/\s+/g, ' ').trim();
      expect(indexed, paper.file).toBe([paper.data['venue'], paper.data['award']].filter(Boolean).join(' '));
    }
  });
});
