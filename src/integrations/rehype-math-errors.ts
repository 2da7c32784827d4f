/**
 * rehype-katex reports a formula it cannot render as a message and leaves an error span in the
 * page. We fail the build instead, naming the file, and the line and source of every formula.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';

/** One formula KaTeX refused. */
export interface FormulaError {
  line: number | undefined;
  /** The TeX as written. */
  formula: string;
  /** KaTeX's reason. */
  reason: string;
}

/** Every formula of one file that could not be rendered. */
export class MathRenderError extends Error {
  constructor(
    readonly file: string,
    readonly formulas: FormulaError[],
  ) {
    const lines = formulas.map((f) => `  line ${f.line ?? '?'}: $${f.formula}$: ${f.reason}`);
    super(`${file}: ${formulas.length} formula(s) could not be rendered:\n${lines.join('\n')}`);
    this.name = 'MathRenderError';
  }
}

/** KaTeX's reason without its position marks (it underlines the input with combining characters). */
export function katexReason(cause: unknown): string | undefined {
  if (!(cause instanceof Error)) return undefined;
  const raw = (cause as { rawMessage?: unknown }).rawMessage;
  return typeof raw === 'string' ? raw : cause.message;
}

export function rehypeMathErrors() {
  return (_tree: Root, file: VFile) => {
    const errors = file.messages.filter((m) => m.source === 'rehype-katex');
    if (errors.length === 0) return;
    const formulas = errors.map((m) => {
      const element = m.ancestors?.at(-1);
      // Display math sits in a <pre> that carries the position its <code> lacks.
      const placed = m.ancestors?.findLast((node) => node.position !== undefined);
      return {
        line: m.line ?? placed?.position?.start.line,
        formula: element?.type === 'element' ? toText(element as Element, { whitespace: 'pre' }).trim() : '?',
        reason: katexReason(m.cause) ?? m.reason,
      };
    });
    throw new MathRenderError(file.path, formulas);
  };
}
