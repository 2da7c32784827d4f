/**
 * Content reaches pages as raw HTML in exactly two places: JSON-LD through `serializeJsonLd`, and
 * KaTeX's output of escaped text in MathText. Everything else goes through Astro's escaping.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/build';

const src = join(projectRoot, 'src');

describe('raw HTML in templates', () => {
  it('is emitted only by the JSON-LD serializer and the math renderer', () => {
    const raw = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.astro'))
      .filter((f) => /set:html|<Fragment\s+set:/.test(readFileSync(join(src, f), 'utf8')))
      .map((f) => relative(src, join(src, f)))
      .sort();
    expect(raw).toEqual(['components/JsonLd.astro', 'components/MathText.astro']);
  });

  it('passes the JSON-LD through serializeJsonLd', () => {
    const jsonLd = readFileSync(join(src, 'components', 'JsonLd.astro'), 'utf8');
    expect(jsonLd).toMatch(/serializeJsonLd\(/);
    expect(jsonLd).not.toMatch(/JSON\.stringify/);
  });
});
