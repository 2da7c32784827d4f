/**
 * Reads an MDX body into its syntax tree with the syntax the site's compiler accepts: MDX, GFM and
 * math. Whatever reads a body's structure (citations above all) reads this tree, so it sees code,
 * math and links exactly where the compiler does.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describeValue } from './problems';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).freeze();

/** The syntax tree of an MDX body; throws the compiler's own message (with its line) on invalid MDX. */
export function parseMdx(body: string): Root {
  return parser.parse(body);
}

/**
 * An MDX file split as the compiler splits it: the frontmatter's YAML and data, and the body with
 * the frontmatter blanked out, so a line of the body is the same line of the file.
 */
export function splitMdx(text: string): { yaml: string; data: Record<string, unknown>; body: string } {
  const parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  return { yaml: parsed.rawFrontmatter, data: parsed.frontmatter, body: parsed.content };
}

const MDX_HINT = 'MDX reads {, } and < in prose as code: outside math write \\{, \\} and \\<';

/**
 * The compiler's complaint about invalid MDX as a problem: the line, the line's text, and the
 * compiler's reason, with a hint where the reason is MDX reading prose as code. Anything that is
 * not a syntax message is a bug, and is thrown again.
 */
export function mdxSyntaxProblem(
  error: unknown,
  body: string,
): { line: number | undefined; found: string; expected: string } {
  // A vfile message, whichever copy of the package made it.
  const message = error as { reason?: unknown; line?: unknown };
  if (!(error instanceof Error) || typeof message.reason !== 'string') throw error;
  const line = typeof message.line === 'number' ? message.line : undefined;
  const reason = message.reason.replace(/^.*?\.mdx: /, '');
  const text = line === undefined ? undefined : body.split('\n')[line - 1]?.trim();
  const hint = /acorn|expression|jsx|tag|character/i.test(reason) ? ` (${MDX_HINT})` : '';
  return {
    line,
    found: text ? describeValue(text) : 'text the MDX compiler rejects',
    expected: `valid MDX: ${reason}${hint}`,
  };
}
