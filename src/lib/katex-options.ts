import type { KatexOptions, TrustContext } from 'katex';

/**
 * Nothing in a formula is trusted: no links, images, classes, ids or styles. KaTeX's plain
 * `trust: false` would draw a refused `\href{javascript:...}` as red raw TeX on the page; refusing
 * with an error instead fails the build and names the file and the formula.
 */
function refuseUntrusted(context: TrustContext): false {
  throw new Error(`${context.command} is not allowed in a formula: put links and images in the text, not in math`);
}

/**
 * One set of KaTeX options for every formula on the site (MDX bodies and paper summaries).
 * Untrusted commands fail (see `refuseUntrusted`); the bounds stop macro loops and page-sized
 * rules from an editor's typo.
 */
export const katexOptions = {
  trust: refuseUntrusted,
  strict: 'error',
  maxExpand: 1000,
  maxSize: 20,
  throwOnError: true,
  output: 'htmlAndMathml',
} as const satisfies KatexOptions;
