/** Content mistakes fail the build with a message that names the file and what is wrong. */
import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build';

describe('a build with broken content fails clearly', () => {
  it('names the file and the key of a citation to an unknown paper', () => {
    const result = buildSite('unknown-citation', fixture('unknown-citation'));
    expect(result.status).not.toBe(0);
    expect(result.log).toContain('tests/fixtures/unknown-citation/themes/tiny/broken.mdx');
    expect(result.log).toContain('cites unknown paper "missing2030paper"');
    expect(result.log).not.toContain('cites unknown paper "real2030paper"');
  });

  it('names the file and the formula of invalid TeX', () => {
    const result = buildSite('bad-math', fixture('bad-math'));
    expect(result.status).not.toBe(0);
    expect(result.log).toContain('themes/tiny/bad.mdx');
    expect(result.log).toMatch(/\\frac\{1\}\{/);
  });
});
