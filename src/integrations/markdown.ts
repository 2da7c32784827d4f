/**
 * The Markdown/MDX processor of every content body: what a body may contain, math, citations and
 * their checks. The site
 * (astro.config.mjs) and `npm run validate` use this one definition, so validation compiles each
 * MDX file exactly as the build does.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { katexOptions } from '../lib/katex-options';
import { rehypeKatexStyles } from './rehype-katex-styles';
import { rehypeMathErrors } from './rehype-math-errors';
import { rehypeScrollableMath } from './rehype-scrollable-math';
import { remarkCitations } from './remark-citations';
import { remarkContentPolicy } from './remark-content-policy';
import { remarkMathFlag } from './remark-math-flag';

export function contentProcessor() {
  return unified({
    remarkPlugins: [remarkContentPolicy, remarkMath, remarkMathFlag, remarkCitations],
    rehypePlugins: [[rehypeKatex, katexOptions], rehypeMathErrors, rehypeKatexStyles, rehypeScrollableMath],
  });
}
