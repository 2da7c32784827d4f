/**
 * KaTeX runs with nothing trusted and bounded work, so a formula can neither inject markup or
 * script nor hang or flood the build: links and HTML extensions fail, macro loops stop, and sizes
 * are capped.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { katexOptions } from '../../src/lib/katex-options';

const render = (tex: string) => katex.renderToString(tex, katexOptions);
/** What rehype-katex falls back to after an error: the page must stay inert even then. */
const fallback = (tex: string) => {
  try {
    return katex.renderToString(tex, { ...katexOptions, strict: 'ignore', throwOnError: false });
  } catch (error) {
    return `<span class="katex-error">${String(error)}</span>`;
  }
};

describe('KaTeX options', () => {
  it.each([
    ['\\href{javascript:alert(1)}{x}', '\\href'],
    ['\\url{javascript:alert(1)}', '\\url'],
    ['\\includegraphics{https://example.org/x.png}', '\\includegraphics'],
    ['\\href{https://example.org/}{a fine-looking link}', '\\href'],
  ])('refuses %s, naming the command', (tex, command) => {
    expect(() => render(tex)).toThrow(`${command} is not allowed in a formula`);
    const html = fallback(tex);
    expect(html).not.toMatch(/<a\b|<img\b|href=|src=/);
  });

  it('refuses the HTML extension commands', () => {
    for (const tex of ['\\htmlId{x}{y}', '\\htmlClass{x}{y}', '\\htmlStyle{color:red}{y}', '\\htmlData{a=b}{y}']) {
      expect(() => render(tex), tex).toThrow();
      expect(fallback(tex), tex).not.toMatch(/\sid="x"|class="x"|style="color:red"|data-a=/);
    }
  });

  it('stops macro loops instead of hanging', () => {
    expect(() => render('\\def\\a{\\a}\\a')).toThrow(/Too many expansions/);
    expect(() => render('\\def\\b{\\b\\b}\\b')).toThrow(/Too many expansions/);
    expect(katexOptions.maxExpand).toBeLessThanOrEqual(1000);
  });

  it('caps the size of rules and spaces', () => {
    for (const tex of ['\\rule{100000em}{100000em}', '\\rule{1e6pt}{1e6pt}', '\\kern{100000em}x']) {
      // The MathML annotation repeats the source; every size KaTeX drew is outside it.
      const drawn = render(tex).replace(/<annotation[\s\S]*?<\/annotation>/, '');
      const sizes = [...drawn.matchAll(/(-?[\d.]+)em/g)].map((m) => Math.abs(Number(m[1])));
      expect(sizes.length, tex).toBeGreaterThan(0);
      expect(Math.max(...sizes), tex).toBeLessThanOrEqual(katexOptions.maxSize);
    }
  });

  it('renders text inside math as text', () => {
    const html = render('\\text{<script>alert(1)</script>}');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
  });
});
