/**
 * The script reading pages may carry: 3 kB uncompressed in all, of which the citation previews
 * take at most 1.1 kB and the reading list's save control 1.1 kB (the rest is for the search
 * shortcut and the copy button). Imported modules count with the script that imports them. Reading
 * pages are every page but the tool pages (search, the reading list and each conference's offline
 * page), which load more by design. The benchmark reports the same sum at scale.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagePaths } from '../../src/lib/urls';
import { realContent, SITES } from '../helpers/build';
import { readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const READING_PAGE_BUDGET = 3000;
const PREVIEW_BUDGET = 1100;
const SAVE_BUDGET = 1100;
const dist = new Dist(SITES.real.dist);

/** A script file and every module it imports statically, each once (`seen`), with their sizes. */
function withImports(file: string, seen: Set<string>): { code: string; bytes: number }[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const imports = [...code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`;]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map(
    (m) => resolve(dirname(file), m[1]!),
  );
  return [{ code, bytes: Buffer.byteLength(code) }, ...imports.flatMap((f) => withImports(f, seen))];
}

/** Each script a page runs, inline or linked, with the modules it imports, and their uncompressed sizes. */
function scripts(path: string): { code: string; bytes: number }[] {
  const $ = dist.page(path);
  const seen = new Set<string>();
  return $('script')
    .filter((_, el) => ($(el).attr('type') ?? 'module') !== 'application/ld+json')
    .get()
    .flatMap((el) => {
      const src = $(el).attr('src');
      if (src) return withImports(join(SITES.real.dist, src), seen);
      const code = $(el).html() ?? '';
      return [{ code, bytes: Buffer.byteLength(code) }];
    });
}

describe('script on reading pages', () => {
  // Tool pages load what their tool needs: search its index, the reading list its exports, a
  // conference's offline page the control that keeps its digest.
  const offlinePages = readContent(realContent).conferences.map((c) => `/${pagePaths.offline(c.stem)}`);
  const tools = ['/search/', '/reading-list/', ...offlinePages];
  const reading = dist.pages().filter((p) => !tools.includes(p));

  it(`stays under ${READING_PAGE_BUDGET} bytes on every reading page`, () => {
    const over = reading
      .map((p) => ({ p, bytes: scripts(p).reduce((sum, s) => sum + s.bytes, 0) }))
      .filter(({ bytes }) => bytes > READING_PAGE_BUDGET);
    expect(over).toEqual([]);
  });

  it(`gives the citation previews at most ${PREVIEW_BUDGET} bytes, on the pages with citations`, () => {
    const withCitations = reading.filter((p) => dist.page(p)('.citation a').length > 0);
    expect(withCitations.length).toBeGreaterThan(0);
    for (const p of withCitations) {
      const previews = scripts(p).filter((s) => s.code.includes('.citation a'));
      expect(previews.length, p).toBe(1);
      expect(previews[0]!.bytes, p).toBeLessThanOrEqual(PREVIEW_BUDGET);
    }
  });

  it(`gives the reading list's save control and count at most ${SAVE_BUDGET} bytes, on every reading page`, () => {
    for (const p of reading) {
      // The control's own module and the stored list's code it imports.
      const save = scripts(p).filter((s) => /\[data-save\]|conference-digest:reading-list/.test(s.code));
      expect(save.length, p).toBeGreaterThan(0);
      expect(
        save.reduce((sum, s) => sum + s.bytes, 0),
        p,
      ).toBeLessThanOrEqual(SAVE_BUDGET);
    }
  });
});
