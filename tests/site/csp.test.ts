/**
 * The Content-Security-Policy as built: each page's `<meta http-equiv>` policy and the `_headers`
 * file written into dist/, at the root and under a sub-path. The browser test
 * (tests/browser/csp.test.ts) checks that the policy also lets the site work.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, parsePolicy, type Policy } from '../../src/lib/csp';
import { ASSETS_DIR } from '../../src/lib/urls';
import { SITES } from '../helpers/build';
import { DEPLOY_ENV, DEPLOY_SITES } from '../helpers/deploy';
import { Dist } from '../helpers/dist';

/** Cloudflare Pages allows at most this many characters in a header value of `_headers`. */
const CLOUDFLARE_HEADER_LIMIT = 2000;

const builds = [
  ['at the root', SITES.real.dist, '/'],
  ['under a sub-path', DEPLOY_SITES.a.dist, DEPLOY_ENV.BASE_PATH],
] as const;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function headerPolicy(dist: string): { policy: Policy; raw: string } {
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  const raw = headersFor(rules, '/any/page/')['Content-Security-Policy'] ?? '';
  return { policy: parsePolicy(raw), raw };
}

describe.each(builds)('the CSP %s', (_, root, base) => {
  const dist = new Dist(root);
  const header = headerPolicy(root);

  it('is in every page as a <meta> policy, before any script, with only own stylesheets ahead of it', () => {
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      const head = $('head > *').toArray();
      const meta = head.findIndex((el) => $(el).is('meta[http-equiv="content-security-policy"]'));
      expect(meta, path).toBeGreaterThanOrEqual(0);
      const scripts = head.filter((el) => $(el).is('script:not([type="application/ld+json"])'));
      for (const script of scripts) expect(head.indexOf(script), path).toBeGreaterThan(meta);
      for (const el of head.slice(0, meta).filter((e) => $(e).is('link[rel="stylesheet"]'))) {
        expect($(el).attr('href'), path).toMatch(/^\/[^/]/);
      }
    }
  });

  it('allows scripts only from the site and by hash: no unsafe-inline or unsafe-eval, and wasm for Pagefind', () => {
    for (const path of dist.pages()) {
      const policy = parsePolicy(dist.page(path)('meta[http-equiv="content-security-policy"]').attr('content') ?? '');
      for (const p of [policy, header.policy]) {
        const scripts = p.get('script-src') ?? [];
        expect(scripts, path).toContain("'self'");
        expect(scripts, path).toContain("'wasm-unsafe-eval'");
        expect(scripts, path).not.toContain("'unsafe-inline'");
        expect(scripts, path).not.toContain("'unsafe-eval'");
        expect(p.get('default-src'), path).toEqual(["'self'"]);
        expect(p.get('object-src'), path).toEqual(["'none'"]);
      }
    }
  });

  it("lists exactly the hashes of the page's inline scripts in its policy, and their union in _headers", () => {
    let inline = 0;
    const used = new Set<string>();
    const hashes = (sources: string[] | undefined) => (sources ?? []).filter((s) => s.startsWith("'sha"));
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      const policy = parsePolicy($('meta[http-equiv="content-security-policy"]').attr('content') ?? '');
      const own = $('script:not([src]):not([type="application/ld+json"])')
        .map((_, el) => sha256($(el).text()))
        .get();
      expect(hashes(policy.get('script-src')).sort(), path).toEqual([...new Set(own)].sort());
      expect(hashes(policy.get('style-src-elem')), path).toEqual([]);
      for (const hash of own) {
        expect(header.policy.get('script-src'), path).toContain(hash);
        used.add(hash);
        inline++;
      }
      expect($('[onclick], [onload], [onerror], [oninput], [onchange], [onsubmit]').length, path).toBe(0);
      expect($('a[href^="javascript:"]').length, path).toBe(0);
    }
    expect(inline).toBeGreaterThan(0);
    expect(hashes(header.policy.get('script-src')).sort()).toEqual([...used].sort());
    expect(hashes(header.policy.get('style-src-elem'))).toEqual([]);
  });

  it("allows inline styles only as attributes (KaTeX's), never as <style> elements", () => {
    for (const p of [header.policy]) {
      expect(p.get('style-src')).toEqual(["'self'"]);
      expect(p.get('style-src-elem')).not.toContain("'unsafe-inline'");
      expect(p.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    }
    for (const path of dist.pages()) expect(dist.page(path)('style').length, path).toBe(0);
  });

  it('links no stylesheet, font or image that the policy would block (data: or another origin)', () => {
    const linked = new Set<string>();
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      const loaded = $('link[rel="stylesheet"], link[rel="icon"], img, script[src]')
        .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
        .get();
      expect(
        loaded.filter((u: string) => !/^\/[^/]/.test(u)),
        path,
      ).toEqual([]);
      $('link[rel="stylesheet"]').each((_, el) => {
        linked.add($(el).attr('href') ?? '');
      });
    }
    expect(linked.size).toBeGreaterThan(0);
    const files = [
      ...dist.pages().map((p) => dist.fileFor(p) ?? p),
      ...[...linked].map((href) => join(root, href.slice(base.length))),
    ];
    const blocked = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/url\(\s*["']?((?:data:|https?:|\/\/)[^"')]{0,40})/g)].map(
        (m) => `${f}: ${m[1]}`,
      ),
    );
    expect(blocked).toEqual([]);
  });

  it('sends in _headers a policy that allows what each page allows, plus frame-ancestors', () => {
    for (const path of dist.pages()) {
      const policy = parsePolicy(dist.page(path)('meta[http-equiv="content-security-policy"]').attr('content') ?? '');
      for (const [directive, sources] of policy) {
        for (const source of sources) expect(header.policy.get(directive), `${path} ${directive}`).toContain(source);
      }
    }
    expect(header.policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.raw.length).toBeLessThanOrEqual(CLOUDFLARE_HEADER_LIMIT);
    const rules = parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'));
    expect(rules[0]?.path).toBe('/*');
    expect(rules[0]?.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('lets browsers keep the hashed build assets for a year, under the base, and nothing else', () => {
    const rules = parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'));
    const assets = readdirSync(join(root, ASSETS_DIR));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      // Vite's content hash: a new build of changed content links a new name.
      expect(file, file).toMatch(/\.[\w-]{8}\.\w+$/);
      expect(headersFor(rules, `${base}${ASSETS_DIR}/${file}`)['Cache-Control'], file).toBe(
        'public, max-age=31536000, immutable',
      );
    }
    for (const path of dist.pages()) {
      expect(headersFor(rules, `${base}${path.slice(1)}`)['Cache-Control'], path).toBeUndefined();
    }
    expect(headersFor(rules, `${base}pagefind/pagefind.js`)['Cache-Control']).toBeUndefined();
  });
});
