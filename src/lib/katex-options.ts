import type { KatexOptions } from 'katex';

/**
 * One set of KaTeX options for every formula on the site (MDX bodies and paper summaries).
 * `trust: false` keeps `\href{javascript:...}` and friends inert; the bounds stop macro loops
 * and page-sized rules from an editor's typo.
 */
export const katexOptions = {
  trust: false,
  strict: 'error',
  maxExpand: 1000,
  maxSize: 20,
  throwOnError: true,
  output: 'htmlAndMathml',
} as const satisfies KatexOptions;
