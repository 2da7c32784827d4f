import { describe, expect, it } from 'vitest';
import {
  exactPolicy,
  formatHeadersFile,
  headerPathMatches,
  headersFor,
  headPolicy,
  inlineSources,
  mergePolicies,
  parseHeadersFile,
  parsePolicy,
  sha256Source,
} from '../../src/lib/csp';

describe('parsePolicy', () => {
  it('reads directives with or without spaces after the semicolons, keeping the first of a repeat', () => {
    const policy = parsePolicy("default-src 'self';img-src 'self' data:; ;IMG-SRC *; script-src 'self'");
    expect([...policy]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'", 'data:']],
      ['script-src', ["'self'"]],
    ]);
  });
});

describe('mergePolicies', () => {
  const a = "default-src 'self'; script-src 'self' 'sha256-b=' 'sha256-a='; style-src 'self'";
  const b = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-c=' 'sha256-a='";

  it('allows what every page allows: the union of sources per directive, hashes sorted', () => {
    expect(mergePolicies([a, b])).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a=' 'sha256-b=' 'sha256-c='; style-src 'self'",
    );
  });

  it('does not depend on the order pages are read in', () => {
    expect(mergePolicies([b, a])).toBe(mergePolicies([a, b]));
  });

  it('appends header-only directives', () => {
    expect(mergePolicies([a], ["frame-ancestors 'none'"])).toMatch(/; frame-ancestors 'none'$/);
  });
});

describe('_headers files', () => {
  const rules = [
    { path: '/*', headers: { 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff' } },
    { path: '/papers/:id/', headers: { 'X-Robots-Tag': 'noindex' } },
  ];

  it('round-trips through the Netlify and Cloudflare format', () => {
    const text = formatHeadersFile(rules);
    expect(text).toBe(
      "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n\n/papers/:id/\n  X-Robots-Tag: noindex\n",
    );
    expect(parseHeadersFile(`# comment\n${text}`)).toEqual(rules);
  });

  it('rejects a header line outside a path rule', () => {
    expect(() => parseHeadersFile('  X-A: b\n')).toThrow(/under a path/);
  });

  it('matches splats and placeholders the way the hosts do', () => {
    expect(headerPathMatches('/*', '/digest/papers/x/')).toBe(true);
    expect(headerPathMatches('/papers/:id/', '/papers/han2016deep/')).toBe(true);
    expect(headerPathMatches('/papers/:id/', '/papers/a/b/')).toBe(false);
    expect(headerPathMatches('/a.b/*', '/aXb/c')).toBe(false);
    expect(headersFor(rules, '/papers/x/')).toEqual({ ...rules[0]?.headers, ...rules[1]?.headers });
    expect(headersFor(rules, '/')).toEqual(rules[0]?.headers);
  });
});

describe('headPolicy', () => {
  it('reads the policy of the head, decoding entities, whatever the case of http-equiv', () => {
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" ' +
      'content="default-src &#39;self&#39;; img-src &apos;self&apos;"></head><body></body></html>';
    expect(headPolicy(html)).toBe("default-src 'self'; img-src 'self'");
  });

  it('ignores other meta elements and a policy-like meta in the body', () => {
    const html =
      '<html><head><meta http-equiv="refresh" content="0"></head>' +
      '<body><meta http-equiv="content-security-policy" content="default-src *"></body></html>';
    expect(headPolicy(html)).toBeUndefined();
  });
});

describe('exact page policies', () => {
  const html = [
    '<html><head><script type="module">a()</script><script type="application/ld+json">{"x":1}</script>',
    '<script src="/x.js"></script><style>p{}</style></head><body><script>b()</script></body></html>',
  ].join('');

  it('finds the inline scripts a browser would run and the style elements', () => {
    expect(inlineSources(html)).toEqual({ scripts: ['a()', 'b()'], styles: ['p{}'] });
  });

  it('lists exactly their hashes, keeping every other source', () => {
    const written =
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-unused='; style-src-elem 'self' 'sha256-other='";
    const policy = parsePolicy(exactPolicy(written, { scripts: ['a()', 'a()'], styles: [] }));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", sha256Source('a()')]);
    expect(policy.get('style-src-elem')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});
