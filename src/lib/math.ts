import katex from 'katex';
import { katexOptions } from './katex-options';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A span of a one-paragraph text: plain text, or an inline formula. */
export type Segment = { kind: 'text'; value: string } | { kind: 'math'; value: string };

/**
 * Splits text at `$...$` formulas. `\$` is a literal dollar; a lone `$` with no closing partner is
 * an error, so an editor's typo cannot leave raw TeX on a page.
 */
export function splitMath(input: string): Segment[] {
  const segments: Segment[] = [];
  let buffer = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === '\\' && input[i + 1] === '$') {
      buffer += '$';
      i += 2;
    } else if (c === '$') {
      let j = i + 1;
      while (j < input.length && !(input[j] === '$' && input[j - 1] !== '\\')) j++;
      if (j >= input.length)
        throw new Error(`unclosed "$" in: ${input.slice(i, i + 40)} (write \\$ for a literal dollar)`);
      if (buffer) segments.push({ kind: 'text', value: buffer });
      buffer = '';
      segments.push({ kind: 'math', value: input.slice(i + 1, j) });
      i = j + 1;
    } else {
      buffer += c;
      i++;
    }
  }
  if (buffer) segments.push({ kind: 'text', value: buffer });
  return segments;
}

/** True when the text holds at least one formula. */
export const hasMath = (input: string): boolean => splitMath(input).some((s) => s.kind === 'math');

/**
 * An inline style without negative `height` declarations. KaTeX writes one on some sub- and
 * superscripts after large delimiters (`\big]_+`); CSS forbids negative heights, so browsers
 * drop the declaration, and the HTML checker reports it as an error. Dropping it ourselves
 * renders the same and validates. KaTeX writes negative vlist heights on purpose since
 * https://github.com/KaTeX/KaTeX/pull/768, and 0.16.47 still does.
 */
export function withoutNegativeHeights(style: string): string {
  return style
    .split(';')
    .filter((declaration) => !/^\s*height\s*:\s*-/.test(declaration))
    .join(';');
}

/** Renders a formula; a KaTeX error names the formula. */
export function renderFormula(tex: string): string {
  try {
    const html = katex.renderToString(tex, { ...katexOptions, displayMode: false });
    return html.replace(/ style="([^"]*)"/g, (_, style: string) => {
      const kept = withoutNegativeHeights(style);
      return kept ? ` style="${kept}"` : '';
    });
  } catch (error) {
    throw new Error(`could not render math "${tex}": ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * Text with inline math as HTML: text escaped, formulas rendered by KaTeX. The only content HTML
 * that pages emit raw, so everything not KaTeX's own output is escaped here.
 */
export function renderTextWithMath(input: string): string {
  return splitMath(input)
    .map((s) => (s.kind === 'text' ? escapeHtml(s.value) : renderFormula(s.value)))
    .join('');
}
