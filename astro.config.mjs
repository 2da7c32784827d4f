// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import completeness from './src/integrations/completeness.ts';
import offline from './src/integrations/offline.ts';
import pagefind from './src/integrations/pagefind.ts';
import { contentProcessor } from './src/integrations/markdown.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { CSP_DIRECTIVES, SCRIPT_SOURCES, STYLE_ATTRIBUTE_SOURCES, STYLE_SOURCES } from './src/lib/csp.ts';
import { deployTarget } from './src/lib/deploy-env.ts';
import { ASSETS_DIR, ROUTES } from './src/lib/urls.ts';

const env = process.env;
const { site, base } = deployTarget(env);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // SITE_URL and BASE_PATH: see "Deploy" in the README.
  site,
  base,
  trailingSlash: 'always',
  // Tests build fixture content next to the real site without sharing output or caches.
  outDir: env.OUT_DIR || './dist',
  cacheDir: env.CACHE_DIR || './node_modules/.astro',
  scopedStyleStrategy: 'where',
  // Lossless compression: whitespace between elements collapses to one space instead of vanishing
  // (Astro 7's 'jsx' default), so words of adjacent elements stay apart in search excerpts, text
  // browsers and copied text ("William J. DallyICLR 2016").
  compressHTML: true,
  // Stylesheets stay files, cached across pages, so the CSP needs no style hashes and the
  // _headers policy fits the 2,000 characters Cloudflare Pages allows a header.
  build: {
    format: 'directory',
    // A reserved name: no conference may take it (RESERVED_SEGMENTS).
    assets: ASSETS_DIR,
    inlineStylesheets: 'never',
    // Pages render on one core either way, but with a few in flight the file writes of one page
    // overlap the rendering of the next: a third less build time at 10,000 papers (bench/README.md).
    concurrency: 4,
  },
  vite: {
    // The dev server does not watch generated output: test builds and benchmark corpora hold
    // tens of thousands of files, enough to exhaust the system's file watchers.
    server: { watch: { ignored: ['**/tests/.output/**', '**/bench/.work/**'] } },
    build: {
      // One stylesheet for the whole site (plus KaTeX's where there is math) instead of one per
      // component: a first visit waits for two render-blocking requests rather than six or seven,
      // and every later page finds the site's styles in the cache. All of it is 16 kB (4 kB sent).
      cssCodeSplit: false,
      // Fonts and images stay files too (no `data:` sources in the CSP); small scripts are still
      // inlined by Vite's default 4 kB rule, and the CSP carries their hashes.
      assetsInlineLimit: (/** @type {string} */ file) => (file.endsWith('.js') ? undefined : false),
    },
  },
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...SCRIPT_SOURCES] },
      styleDirective: {
        resources: [
          ...STYLE_SOURCES.map((resource) => ({ resource, kind: /** @type {const} */ ('element') })),
          ...STYLE_ATTRIBUTE_SOURCES.map((resource) => ({ resource, kind: /** @type {const} */ ('attribute') })),
        ],
      },
    },
  },
  markdown: {
    // MDX inherits this processor's plugins.
    processor: contentProcessor(),
    // Shiki colours code with inline styles, which the CSP does not allow; code blocks stay plain.
    syntaxHighlight: false,
  },
  // Pagefind indexes the finished HTML: keep it after any integration that changes pages.
  // The security headers collect every page's policy; the offline copy lists the finished files,
  // search bundle included; the completeness check reads what all the others wrote: keep them
  // last, in this order.
  integrations: [
    mdx(),
    // The offline fallback page only makes sense offline, served by the offline copy.
    sitemap({ filter: (page) => new URL(page).pathname !== `${base}${ROUTES.offline}/` }),
    pagefind({ forceLanguage: 'en' }),
    securityHeaders(),
    offline(),
    completeness(),
  ],
});
