import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../../src/lib/json-ld';

const hostile = '</script><script>alert(1)</script><!-- & -->';

describe('serializeJsonLd', () => {
  it('escapes <, > and & so no content can close the script element', () => {
    const json = serializeJsonLd({ name: hostile, nested: [{ text: 'a < b && c > d' }] });
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  it('parses back to the same data', () => {
    const data = { '@context': 'https://schema.org', name: hostile, n: 3, ok: true, none: null, list: ['\u2028x'] };
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });

  it('stays one script element with the data intact when an HTML parser reads it', () => {
    const html = `<script type="application/ld+json">${serializeJsonLd({ name: hostile })}</script><p>after</p>`;
    const $ = load(html);
    expect($('script')).toHaveLength(1);
    expect(JSON.parse($('script').text())).toEqual({ name: hostile });
    expect($('p').text()).toBe('after');
  });

  it('escapes the line separators that old JavaScript parsers reject', () => {
    expect(serializeJsonLd('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
  });
});
