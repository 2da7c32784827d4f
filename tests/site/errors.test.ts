/** Content mistakes fail the build with a message that names the file and what is wrong. */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems';
import { validateContent } from '../../src/validate/index';
import { buildSite, fixture, projectRoot } from '../helpers/build';

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

describe('the build and npm run validate agree', () => {
  /** Each problem the validator reports, as the build must report it too (paths from the project root). */
  async function validatorLines(root: string) {
    const report = await validateContent(root, projectRoot);
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    return errors.map(formatProblem);
  }

  it.each(['invalid/citation-in-link', 'invalid/reserved-names', 'unknown-citation'])(
    'fails on %s with the validator’s own words, file and line',
    async (name) => {
      const expected = await validatorLines(fixture(name));
      const result = buildSite(`agree-${name.replace(/\W/g, '-')}`, fixture(name));
      expect(result.status).not.toBe(0);
      for (const line of expected) expect(result.log).toContain(line);
      expect(result.log).not.toMatch(/rendered citations/);
    },
  );
});
