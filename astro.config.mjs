// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { rehypeMathErrors } from './src/integrations/rehype-math-errors.ts';
import { remarkCitations } from './src/integrations/remark-citations.ts';
import { remarkMathFlag } from './src/integrations/remark-math-flag.ts';
import { katexOptions } from './src/lib/katex-options.ts';

const env = process.env;

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: env.SITE_URL || 'http://localhost:4321',
  base: env.BASE_PATH || '/',
  trailingSlash: 'always',
  // Tests build fixture content next to the real site without sharing output or caches.
  outDir: env.OUT_DIR || './dist',
  cacheDir: env.CACHE_DIR || './node_modules/.astro',
  scopedStyleStrategy: 'where',
  build: { format: 'directory' },
  markdown: {
    // MDX inherits this processor's plugins.
    processor: unified({
      remarkPlugins: [remarkMath, remarkMathFlag, remarkCitations],
      rehypePlugins: [[rehypeKatex, katexOptions], rehypeMathErrors],
    }),
  },
  integrations: [mdx()],
});
