/**
 * How many files Pagefind writes for a built site, with fragments one per page and bundled at a
 * few `maxFragments` caps. Reads a built `dist/` (any size: build a synthetic conference with
 * `node bench/generate.ts` and `npm run build` first) and writes each index to bench/.work/.
 *
 *   node bench/pagefind-files.ts <dist> [maxFragments ...]      e.g. node bench/pagefind-files.ts dist 0 1000 500
 *
 * `0` means Pagefind's default (no cap: one fragment file per page).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { close, createIndex } from 'pagefind';

const [distArg, ...caps] = process.argv.slice(2);
if (!distArg) throw new Error('usage: node bench/pagefind-files.ts <dist> [maxFragments ...]');
const dist = resolve(distArg);
const work = resolve(import.meta.dirname, '.work', 'pagefind');

function count(dir: string) {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
  const by = (folder: string) => files.filter((f) => f.startsWith(`${folder}/`));
  const sizes = by('fragment').map((f) => statSync(join(dir, f)).size);
  return {
    files: files.length,
    fragments: sizes.length,
    index: by('index').length,
    filter: by('filter').length,
    other: files.filter((f) => !f.includes('/')).length,
    bytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0),
    meta: files.filter((f) => f.endsWith('.pf_meta')).reduce((n, f) => n + statSync(join(dir, f)).size, 0),
    largestFragmentFile: Math.max(...sizes),
    meanFragmentFile: sizes.reduce((n, s) => n + s, 0) / sizes.length,
  };
}

const htmlPages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
console.log(`${dist}: ${htmlPages} HTML files`);
console.log(
  'maxFragments | files | fragment files | index | filter | other | MB | pf_meta | largest fragment file | mean | seconds',
);
try {
  for (const cap of caps.length > 0 ? caps : ['0', '1000']) {
    const maxFragments = Number(cap);
    const outputPath = join(work, `max-${cap}`);
    rmSync(outputPath, { recursive: true, force: true });
    const started = performance.now();
    const { index, errors } = await createIndex({ forceLanguage: 'en', ...(maxFragments > 0 ? { maxFragments } : {}) });
    if (!index || errors.length > 0) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: dist, glob: '**/*.html' });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    await index.deleteIndex();
    const seconds = (performance.now() - started) / 1000;
    const c = count(outputPath);
    const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    console.log(
      `${maxFragments || 'default'} | ${c.files} | ${c.fragments} | ${c.index} | ${c.filter} | ${c.other} | ${(c.bytes / 1e6).toFixed(1)} | ${kb(c.meta)} | ${kb(c.largestFragmentFile)} | ${kb(c.meanFragmentFile)} | ${seconds.toFixed(1)} (${added.page_count} pages)`,
    );
  }
} finally {
  await close();
}
