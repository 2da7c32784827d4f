import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog';
import {
  buildDay,
  cssReferences,
  offlineParts,
  pageReferences,
  partsWithin,
  scriptImports,
} from '../../src/lib/offline';
import { offlineBanner, withBanner } from '../../src/lib/offline-banner';
import { formatBytes, isOfflineManifest } from '../../src/lib/offline-manifest';
import {
  catalogInput,
  conferenceEntry,
  followUpEntry,
  outlookEntry,
  paperEntry,
  talkEntry,
  themeEntry,
} from '../helpers/records';

const catalog = buildCatalog(
  catalogInput({
    conferences: [
      conferenceEntry('c1', 2016, { hindsightReviewed: new Date('2026-12-01') }),
      conferenceEntry('c2', 2017),
    ],
    followUps: [followUpEntry('c1', 'later', { themes: ['first'] })],
    outlooks: [outlookEntry('c1')],
    papers: [
      paperEntry('c1', 'p1', { authors: ['Ada Lovelace', 'Alan Turing'] }),
      paperEntry('c1', 'p2', { authors: ['Ada Lovelace'] }),
      paperEntry('c1', 'p3', { authors: ['Grace Hopper'] }),
      paperEntry('c2', 'q1', { authors: ['Alan Turing', 'Edsger Dijkstra'] }),
      paperEntry('c2', 'q2', { authors: ['Edsger Dijkstra'] }),
    ],
    themes: [themeEntry('c1', 'first', 'Cites [@p1] and, across digests, [@q1].', { order: 1 })],
    talks: [talkEntry('c1', 'k', { title: 'K', kind: 'keynote' })],
  }),
);

describe('offlineParts', () => {
  const [digest, papers, authors] = offlineParts(catalog.conference('c1'), 2);

  it('keeps the digest, its talks, the indexes, search, the reading list and the offline pages in the first part', () => {
    expect(digest?.pages).toEqual(
      [
        '',
        'authors/',
        'c1/',
        'c1/first/',
        'c1/offline/',
        'c1/outlook/',
        'follow-ups/c1/later/',
        'offline/',
        'papers/',
        'reading-list/',
        'reading-list/0.json',
        'reading-list/1.json',
        'search/',
        'talks/',
        'talks/c1/k/',
      ].sort(),
    );
  });

  it("holds the digest's papers and the papers it cites from other digests, then their authors with a page", () => {
    expect(papers?.pages).toEqual(['papers/p1/', 'papers/p2/', 'papers/p3/', 'papers/q1/']);
    // Each of these wrote two papers and one of them is in the copy; Grace Hopper wrote one: no page.
    expect(authors?.pages).toEqual(['authors/ada-lovelace/', 'authors/alan-turing/', 'authors/edsger-dijkstra/']);
  });

  it('names the parts as the offline page tells a reader what is left out', () => {
    expect([papers?.name, authors?.name]).toEqual(['paper pages', 'author pages']);
  });
});

describe('partsWithin', () => {
  const parts = [
    { name: 'a', bytes: 50 },
    { name: 'b', bytes: 40 },
    { name: 'c', bytes: 30 },
  ];

  it('keeps every part that fits, in order', () => {
    expect(partsWithin(parts, 120).omitted).toEqual([]);
    expect(partsWithin(parts, 100).kept.map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('always keeps the first part, and never skips a part to fit a later one', () => {
    expect(partsWithin(parts, 10).kept.map((p) => p.name)).toEqual(['a']);
    expect(partsWithin([parts[0]!, { name: 'big', bytes: 500 }, { name: 'small', bytes: 1 }], 60).kept).toHaveLength(1);
  });
});

describe('what a page loads', () => {
  it('reads stylesheets, scripts, icons, preloads and images, not links to read', () => {
    const html = `<html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/f.svg">
      <link rel="modulepreload" href="/_astro/m.js"><link rel="alternate" href="/rss.xml">
      <script type="module" src="/_astro/s.js"></script><script>inline()</script></head>
      <body><a href="/papers/">Papers</a><img src="/i.png" alt=""></body></html>`;
    expect(pageReferences(html)).toEqual(['/_astro/a.css', '/f.svg', '/_astro/m.js', '/_astro/s.js', '/i.png']);
  });

  it('reads the first source of each font, not its older formats', () => {
    const css = `@font-face{font-family:K;src:url(KaTeX_Main.woff2) format("woff2"),url(KaTeX_Main.woff) format("woff"),url("KaTeX_Main.ttf") format("truetype")}
      .x{background:url('bg.svg')} .y{background:url(data:image/png;base64,AAAA)}`;
    expect(cssReferences(css)).toEqual(['KaTeX_Main.woff2', 'bg.svg']);
  });

  it("reads a built script's relative imports, static and dynamic", () => {
    const js = `import{a as b}from"./chunk.B1.js";import"./side.C2.js";const m=()=>import("../x.D3.js");fetch("./data.json")`;
    expect(scriptImports(js)).toEqual(['./chunk.B1.js', './side.C2.js', '../x.D3.js']);
  });
});

describe('buildDay', () => {
  it('takes SOURCE_DATE_EPOCH, so two builds of one commit are identical', () => {
    expect(buildDay({ SOURCE_DATE_EPOCH: '1799064000' })).toBe('2027-01-04');
  });

  it('else takes today, in UTC', () => {
    expect(buildDay({}, new Date('2027-03-05T23:59:00-05:00'))).toBe('2027-03-06');
  });

  it('refuses a value that is not whole seconds, saying what it expects', () => {
    expect(() => buildDay({ SOURCE_DATE_EPOCH: '2027-01-04' })).toThrow(/whole seconds since 1970/);
  });
});

describe('the offline note', () => {
  it('says the page comes from the offline copy, and the day of its build', () => {
    const banner = offlineBanner('2027-01-04');
    expect(banner).toContain('You are reading the offline copy of this digest, built on');
    expect(banner).toContain('<time datetime="2027-01-04">4 January 2027</time>');
    expect(banner).not.toMatch(/style=|<script/);
  });

  it('goes just after the body tag, attributes or not', () => {
    expect(withBanner('<html><body class="x"><main>M</main></body></html>', '<aside>B</aside>')).toBe(
      '<html><body class="x"><aside>B</aside><main>M</main></body></html>',
    );
    expect(withBanner('<body><p>x</p>', '<aside>B</aside>')).toBe('<body><aside>B</aside><p>x</p>');
    expect(withBanner('<p>no body</p>', '<aside>B</aside>')).toBe('<p>no body</p>');
  });

  it('shows no markup from a malformed day', () => {
    expect(offlineBanner('<b>')).toContain('an unknown day');
    expect(offlineBanner('<b>')).not.toContain('<b>');
  });
});

describe('the manifest', () => {
  const manifest = {
    buildId: 'abc',
    builtOn: '2027-01-04',
    conference: { id: 'c1', name: 'C1 2016', url: '/c1/' },
    urls: ['/c1/'],
    bytes: 10,
    omitted: [],
  };

  it('is recognised when whole, and refused when a field is missing or mistyped', () => {
    expect(isOfflineManifest(manifest)).toBe(true);
    expect(isOfflineManifest({ ...manifest, urls: [1] })).toBe(false);
    expect(isOfflineManifest({ ...manifest, conference: undefined })).toBe(false);
    expect(isOfflineManifest(null)).toBe(false);
  });

  it('has its size shown in SI units', () => {
    expect(formatBytes(840_000)).toBe('840 kB');
    expect(formatBytes(3_075_812)).toBe('3.1 MB');
    expect(formatBytes(212_400_000)).toBe('212 MB');
    expect(formatBytes(12)).toBe('1 kB');
  });
});
