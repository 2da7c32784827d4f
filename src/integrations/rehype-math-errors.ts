/**
 * rehype-katex reports a formula it cannot render as a message and leaves an error span in the
 * page. We fail the build instead, naming the file, the line and the formula.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';

export function rehypeMathErrors() {
  return (_tree: Root, file: VFile) => {
    const errors = file.messages.filter((m) => m.source === 'rehype-katex');
    if (errors.length === 0) return;
    const lines = errors.map(
      (m) => `  line ${m.line ?? '?'}: ${m.cause instanceof Error ? m.cause.message : m.reason}`,
    );
    throw new Error(`${file.path}: ${errors.length} formula(s) could not be rendered:\n${lines.join('\n')}`);
  };
}
