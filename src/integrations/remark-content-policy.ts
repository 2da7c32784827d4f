/**
 * Content MDX is Markdown, math and citations, nothing else. A JSX element, an `{expression}` or
 * an `import` would let a content file put any markup or script on a page, and a `javascript:`
 * link is a script too: all of them fail the build, every one named with its line.
 */
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { labelOfPath } from '../lib/content-files';
import { ContentError, problem, type ContentProblem } from '../lib/problems';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a link target is safe: http(s), mailto, or a relative path or fragment. Browsers drop
 * tabs and newlines inside a URL and spaces before it, so `java\tscript:` is checked as a scheme.
 */
export function isSafeLink(url: string): boolean {
  const stripped = url.replace(/[\t\n\r]/g, '');
  let start = 0;
  while (start < stripped.length && stripped.charCodeAt(start) <= 0x20) start++;
  const cleaned = stripped.slice(start);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

export function remarkContentPolicy() {
  return (tree: Root, file: VFile) => {
    const violations: ContentProblem[] = [];
    const entry = labelOfPath(file.path);
    const refuse = (node: { position?: { start: { line: number } } | undefined }, found: string, expected: string) =>
      violations.push(
        problem({ file: file.path, line: node.position?.start.line, entry, field: 'body', found, expected }),
      );
    visit(tree, (node) => {
      switch (node.type) {
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          refuse(
            node,
            `the tag <${node.name ?? ''}>`,
            'Markdown instead of HTML or components; for a literal "<" write \\<',
          );
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          // `{/* a comment */}` parses to a program without statements: harmless.
          if ((node.data?.estree?.body.length ?? 1) > 0) {
            refuse(node, `the expression {${short(node.value)}}`, 'text; for literal braces write \\{ and \\}');
          }
          break;
        case 'mdxjsEsm':
          refuse(node, `the statement "${short(node.value)}"`, 'no import or export in content');
          break;
        case 'link':
        case 'image':
        case 'definition':
          if (!isSafeLink(node.url)) {
            refuse(
              node,
              `the link target ${JSON.stringify(short(node.url))}`,
              'an http://, https:// or mailto: address',
            );
          }
          break;
        default:
          break;
      }
    });
    if (violations.length > 0) throw new ContentError(violations);
  };
}
