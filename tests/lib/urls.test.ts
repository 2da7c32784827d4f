import { afterEach, describe, expect, it, vi } from 'vitest';
import { asset, authorUrl, conferenceUrl, paperUrl, searchUrl, talkUrl, themeUrl } from '../../src/lib/urls';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('urls at the root', () => {
  it('builds every route shape with a trailing slash', () => {
    vi.stubEnv('BASE_URL', '/');
    expect(conferenceUrl('iclr-2016')).toBe('/iclr-2016/');
    expect(themeUrl('iclr-2016', 'attention')).toBe('/iclr-2016/attention/');
    expect(paperUrl('han2016deep')).toBe('/papers/han2016deep/');
    expect(authorUrl('piotr-dollar')).toBe('/authors/piotr-dollar/');
    expect(talkUrl('iclr-2016', 'dyer-keynote')).toBe('/talks/iclr-2016/dyer-keynote/');
    expect(asset('/favicon.svg')).toBe('/favicon.svg');
  });
});

describe('urls under a sub-path', () => {
  it.each(['/sub/', '/sub'])('prefixes every URL with base %s', (base) => {
    vi.stubEnv('BASE_URL', base);
    expect(conferenceUrl('iclr-2016')).toBe('/sub/iclr-2016/');
    expect(paperUrl('han2016deep')).toBe('/sub/papers/han2016deep/');
    expect(asset('favicon.svg')).toBe('/sub/favicon.svg');
    expect(searchUrl({ theme: ['a b', 'c'], q: 'x&y' })).toBe('/sub/search/?theme=a+b&theme=c&q=x%26y');
  });

  it('encodes ids so no id can escape its segment', () => {
    vi.stubEnv('BASE_URL', '/sub/');
    expect(paperUrl('../x')).toBe('/sub/papers/..%2Fx/');
  });
});
