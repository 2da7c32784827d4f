import { describe, expect, it } from 'vitest';
import { SITES } from '../helpers/build';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);

describe('internal links', () => {
  it('resolve to a built file, and every #fragment to an element on that page', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      $('a[href], link[href], script[src], img[src]').each((_, el) => {
        const raw = $(el).attr('href') ?? $(el).attr('src') ?? '';
        if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return;
        const url = new URL(raw, `http://site${path}`);
        const target = url.pathname;
        if (!dist.has(target)) {
          broken.push(`${path}: ${raw} (no file)`);
          return;
        }
        checked++;
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith('/') && dist.page(target)(`[id="${fragment}"]`).length !== 1) {
          broken.push(`${path}: ${raw} (no element #${fragment})`);
        }
      });
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(dist.pages().length);
  });

  it('uses only http(s) and mailto for external links', () => {
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      $('a[href]').each((_, a) => {
        const href = $(a).attr('href') ?? '';
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) expect(href, path).toMatch(/^(https?|mailto):/);
      });
    }
  });
});
