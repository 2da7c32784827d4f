/**
 * Indexes a built site with the project's own Pagefind step (`indexSite()` of
 * `src/integrations/pagefind.ts`), in a process of its own so the benchmark measures indexing
 * apart from the build. Prints the step's summary as JSON.
 *
 *   node bench/lib/index-child.ts <site copy> <dist>
 */
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The site's modules import each other without extensions, as Vite allows; plain Node needs the
// `.ts` spelled out, so relative imports that do not resolve are retried with it.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!/^\.\.?\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});

const [siteDir = '', dist = ''] = process.argv.slice(2);
const integration = pathToFileURL(join(siteDir, 'src', 'integrations', 'pagefind.ts')).href;
const { indexSite } = (await import(integration)) as {
  indexSite: (dir: string) => Promise<{ pages: number; files: number; bytes: number }>;
};
const started = performance.now();
const summary = await indexSite(dist);
console.log(JSON.stringify({ ...summary, seconds: (performance.now() - started) / 1000 }));
