import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  hasMath,
  renderFormula,
  renderTextWithMath,
  splitMath,
  withoutNegativeHeights,
} from '../../src/lib/math';

describe('splitMath', () => {
  it('separates text from formulas', () => {
    expect(splitMath('a $x^2$ b')).toEqual([
      { kind: 'text', value: 'a ' },
      { kind: 'math', value: 'x^2' },
      { kind: 'text', value: ' b' },
    ]);
  });

  it('reads \\$ as a literal dollar', () => {
    expect(splitMath('costs \\$30 a copy')).toEqual([{ kind: 'text', value: 'costs $30 a copy' }]);
    expect(hasMath('costs \\$30')).toBe(false);
  });

  it('refuses an unclosed formula', () => {
    expect(() => splitMath('a $x^2 b')).toThrow(/unclosed "\$"/);
  });
});

describe('renderTextWithMath', () => {
  it('renders formulas as KaTeX markup and leaves no raw TeX', () => {
    const html = renderTextWithMath('a $\\frac{1}{2}$ b');
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('$');
  });

  it('escapes the text around formulas', () => {
    expect(renderTextWithMath('<script>alert(1)</script> & "q"')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;',
    );
  });

  it('fails on invalid TeX, naming the formula', () => {
    expect(() => renderTextWithMath('bad $\\frac{1}{$')).toThrow(/could not render math "\\frac\{1\}\{"/);
    expect(() => renderTextWithMath('$\\unknownmacro$')).toThrow(/\\unknownmacro/);
  });

  it('refuses untrusted commands, naming the command and the formula', () => {
    expect(() => renderTextWithMath('$\\href{javascript:alert(1)}{x}$')).toThrow(
      /could not render math "\\href\{javascript:alert\(1\)\}\{x\}": \\href is not allowed in a formula/,
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('withoutNegativeHeights', () => {
  it('drops only negative heights, which browsers ignore and the HTML checker rejects', () => {
    expect(withoutNegativeHeights('height:-0.2914em;top:-2em')).toBe('top:-2em');
    expect(withoutNegativeHeights('height:1.2em;vertical-align:-0.25em')).toBe('height:1.2em;vertical-align:-0.25em');
  });

  it('leaves none in a summary formula where KaTeX writes one', () => {
    const tex = '\\Big[ d(a, p) - d(a, n) + \\alpha \\Big]_+';
    expect(katexRaw(tex)).toMatch(/height:-/);
    expect(renderFormula(tex)).not.toMatch(/height:\s*-/);
  });
});

/** KaTeX's own output, before the site drops anything. */
function katexRaw(tex: string): string {
  return katex.renderToString(tex, { displayMode: false });
}
