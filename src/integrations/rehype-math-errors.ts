/**
 * rehype-katex reports a formula it cannot render as a message and leaves an error span in the
 * page. We fail the build instead, naming the file, and the line and source of every formula.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import { labelOfPath } from '../lib/content-files';
import { ContentError, problem } from '../lib/problems';

/** What a formula KaTeX refused should be instead, with KaTeX's reason. */
export const formulaExpected = (reason: string): string => `TeX that KaTeX can render (${reason})`;

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
    const entry = labelOfPath(file.path);
    const formulas = errors.map((m) => {
      const element = m.ancestors?.at(-1);
      // Display math sits in a <pre> that carries the position its <code> lacks.
      const placed = m.ancestors?.findLast((node) => node.position !== undefined);
      const formula = element?.type === 'element' ? toText(element as Element, { whitespace: 'pre' }).trim() : '?';
      return problem({
        file: file.path,
        line: m.line ?? placed?.position?.start.line,
        entry,
        field: 'body',
        found: `$${formula}$`,
        expected: formulaExpected(katexReason(m.cause) ?? m.reason),
      });
    });
    throw new ContentError(formulas);
  };
}
