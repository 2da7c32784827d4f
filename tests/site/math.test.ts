import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { realContent, SITES } from '../helpers/build';
import { readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);

/** Formulas in an MDX body: `$$...$$` blocks plus inline `$...$`, literal `\$` excluded. */
function countFormulas(body: string): number {
  const display = body.match(/^\$\$[\s\S]*?^\$\$/gm) ?? [];
  const rest = body.replace(/^\$\$[\s\S]*?^\$\$/gm, '').replace(/`[^`]*`/g, '');
  const inline = rest.match(/(?<!\\)\$[^$\n]+?(?<!\\)\$/g) ?? [];
  return display.length + inline.length;
}

/** A dollar amount, "$400m" or "$1 trillion", followed by nothing a formula would hold. */
const CURRENCY = /\$\d[\d.,]*(?:\s?(?:k|m|bn|million|billion|trillion))?(?![\w^_{}\\])/g;

describe('math', () => {
  it('renders every formula of every theme as KaTeX', () => {
    let total = 0;
    for (const theme of content.themes) {
      const $ = dist.page(`/${theme.conference}/${theme.stem}/`);
      const expected = countFormulas(theme.body);
      total += expected;
      expect($('.prose .katex').length, theme.file).toBe(expected);
    }
    expect(total).toBeGreaterThan(0);
  });

  it('leaves no raw TeX, math code blocks or KaTeX errors on any page', () => {
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      const html = $.html();
      expect(html, path).not.toContain('$$');
      expect(html, path).not.toContain('language-math');
      expect(html, path).not.toContain('katex-error');
      const text = load(html);
      text('.katex').remove();
      // Amounts of money in exact titles ("the $1 trillion club") are text; a formula never reads so.
      const prose = text('main').text().replace(CURRENCY, '');
      expect(prose, path).not.toMatch(/(?<!\\)\$[^$\s][^$\n]*\$/);
    }
  });

  it('renders math in paper summaries', () => {
    const withMath = content.papers.filter((p) => /(?<!\\)\$/.test(String(p.data['summary'])));
    for (const p of withMath)
      expect(dist.page(`/papers/${p.stem}/`)('section:has(#summary) .katex').length, p.file).toBeGreaterThan(0);
  });

  it("links KaTeX's stylesheet on exactly the pages that show math", () => {
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      const hasMath = $('.katex').length > 0;
      const linked = $('link[rel="stylesheet"][href*="katex"]').length > 0;
      expect(linked, path).toBe(hasMath);
    }
  });
});
