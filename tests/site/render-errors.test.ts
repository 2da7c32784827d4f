/**
 * Whatever throws while a page renders fails the build, for every kind of content we render: a
 * plugin refusing an MDX body (theme, overview, outlook) and a component refusing a paper summary.
 * The build exits non-zero, names the file and what is wrong, and publishes no page in its place.
 * Each case is a small content root under tests/fixtures/render/, built on its own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build';

const CASES = [
  {
    name: 'theme-script',
    page: 'tiny/theme',
    messages: ['render/theme-script/themes/tiny/theme.mdx:9: theme "tiny/theme", body: found the tag <script>'],
  },
  {
    name: 'outlook-script',
    page: 'tiny/outlook',
    messages: ['render/outlook-script/conferences/tiny/outlook.mdx:8: outlook "tiny", body: found the tag <script>'],
  },
  {
    name: 'overview-bad-math',
    page: 'tiny',
    messages: [
      'render/overview-bad-math/conferences/tiny/index.mdx:11: conference "tiny", body: found $\\frac{1}{$, expected: TeX that KaTeX can render (Unexpected end of input',
    ],
  },
  {
    name: 'summary-bad-math',
    page: 'papers/real2030paper',
    messages: [
      'render/summary-bad-math/papers/tiny/real2030paper.yaml, field "summary"',
      'could not render math "\\frac{1}{"',
    ],
  },
];

describe('a render error fails the build', () => {
  it.each(CASES)('in $name, naming the file and publishing no page', ({ name, page, messages }) => {
    const result = buildSite(`render-${name}`, fixture(`render/${name}`));
    expect(result.status).not.toBe(0);
    for (const message of messages) expect(result.log).toContain(message);
    expect(existsSync(join(result.dist, page, 'index.html'))).toBe(false);
  });
});
