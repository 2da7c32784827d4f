import { describe, expect, it } from 'vitest';
import { deployTarget, LOCAL_SITE } from '../../src/lib/deploy-env';

describe('deployTarget', () => {
  it('defaults to the local preview origin at the root', () => {
    expect(deployTarget({})).toEqual({ site: LOCAL_SITE, base: '/' });
    expect(deployTarget({ SITE_URL: ' ', BASE_PATH: '' })).toEqual({ site: LOCAL_SITE, base: '/' });
  });

  it('keeps the origin of SITE_URL, with or without a trailing slash', () => {
    expect(deployTarget({ SITE_URL: 'https://example.org/' }).site).toBe('https://example.org');
    expect(deployTarget({ SITE_URL: 'https://Example.org:8443' }).site).toBe('https://example.org:8443');
  });

  it.each([
    ['/digest/', '/digest/'],
    ['digest', '/digest/'],
    ['/digest', '/digest/'],
    ['//a//b/', '/a/b/'],
    ['/', '/'],
  ])('normalises BASE_PATH %j to %j', (raw, base) => {
    expect(deployTarget({ BASE_PATH: raw }).base).toBe(base);
  });

  it('rejects a SITE_URL with a path, and names BASE_PATH as the fix', () => {
    expect(() => deployTarget({ SITE_URL: 'https://user.github.io/repo' })).toThrow(/BASE_PATH=\/repo/);
  });

  it.each(['example.org', 'ftp://example.org', 'https://example.org/?x=1', 'https://u:p@example.org'])(
    'rejects SITE_URL %j',
    (raw) => {
      expect(() => deployTarget({ SITE_URL: raw })).toThrow(/SITE_URL/);
    },
  );

  it.each(['/a b/', '/../x/', '/x?y/', '/%2e%2e/', '/déjà/'])('rejects BASE_PATH %j', (raw) => {
    expect(() => deployTarget({ BASE_PATH: raw })).toThrow(/BASE_PATH/);
  });
});
