/**
 * `npm run validate` over the real content and over one small fixture per mistake: every problem
 * is reported, at once, naming the file (and line), the entry, the field, what was found and what
 * is expected.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/lib/problems';
import { validateContent } from '../src/validate/index';
import { fixture, projectRoot, realContent } from './helpers/build';

/** The report of a fixture, paths relative to the fixture, one line per problem. */
async function reportOf(name: string) {
  const root = fixture(name);
  const report = await validateContent(root, root);
  return { report, lines: report.problems.map((p) => `${p.severity}: ${formatProblem(p)}`) };
}

/** Each fixture under tests/fixtures/ and every message it must produce, in order. */
const CASES: Record<string, string[]> = {
  'invalid/bad-arxiv': [
    'error: papers/tiny/real2030paper.yaml:8: paper "real2030paper", field "arxiv": found "arXiv:1510.00149v2", expected: write an arXiv id as YYMM.NNNNN (or YYMM.NNNN before 2015), without "arXiv:" or a version',
    'error: papers/tiny/short2030arxiv.yaml:7: paper "short2030arxiv", field "arxiv": found "1510.0149", expected: arXiv ids have 4 digits after the dot up to 1412 and 5 digits from 1501 on',
  ],
  'invalid/bad-conference': [
    'error: conferences/tiny/index.mdx:4: conference "tiny", field "year": found 99999, expected: a year from 1950 to 2100',
    'error: conferences/tiny/index.mdx:5: conference "tiny", field "dates.end": found 2029-12-31, expected: the end date comes before the start date',
    'error: conferences/tiny/index.mdx:7: conference "tiny", field "website": found "javascript:alert(1)", expected: must be an absolute http:// or https:// URL',
  ],
  'invalid/bad-math': [
    'error: papers/tiny/real2030paper.yaml:7: paper "real2030paper", field "summary": found $\\frac{1}{$, expected: TeX that KaTeX can render (Unexpected end of input in a macro argument, expected \'}\')',
    'error: papers/tiny/real2030paper.yaml:8: paper "real2030paper", field "note": found "Costs $30 and more.", expected: a closing $ for every formula (unclosed "$" in: $30 and more. (write \\$ for a literal dollar))',
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found $\\frac{1}{$, expected: TeX that KaTeX can render (Unexpected end of input in a macro argument, expected \'}\')',
    'error: themes/tiny/theme.mdx:11: theme "tiny/theme", body: found $\\unknownmacro{x}$, expected: TeX that KaTeX can render (Undefined control sequence: \\unknownmacro)',
  ],
  'invalid/bad-names': [
    'error: conferences/Tiny 2030/index.mdx: conference "Tiny 2030", folder name: found "Tiny 2030", expected: use lower-case letters, digits and single hyphens, e.g. "iclr-2016" (the name is the address of the page)',
    'error: papers/tiny/Real2030Paper.yaml: paper "Real2030Paper", file name: found "Real2030Paper", expected: use lower-case letters and digits, e.g. "han2016deep" (the name is the citation key)',
    'warning: papers/tiny/Real2030Paper.yaml: paper "Real2030Paper", id: found no theme that cites it, expected: a citation [@Real2030Paper] in the theme that discusses it',
    'error: themes/tiny/My Theme.mdx: theme "tiny/My Theme", file name: found "My Theme", expected: use lower-case letters, digits and single hyphens, e.g. "iclr-2016" (the name is the address of the page)',
  ],
  'invalid/bad-url': [
    'error: papers/tiny/real2030paper.yaml:8: paper "real2030paper", field "links.code": found "javascript:alert(1)", expected: must be an absolute http:// or https:// URL',
    'error: papers/tiny/real2030paper.yaml:9: paper "real2030paper", field "links.video": found "ftp://example.org/talk.mp4", expected: must be an absolute http:// or https:// URL',
    'error: talks/tiny/keynote.yaml:4: talk "tiny/keynote", field "video": found "javascript:alert(document.cookie)", expected: must be an absolute http:// or https:// URL',
  ],
  'invalid/citation-in-link': [
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found [@real2030paper], expected: a citation outside the link\'s text: it is a link itself, and a link cannot hold another (move [@real2030paper] after the link)',
  ],
  'invalid/duplicate-paper-id': [
    'error: papers/other/real2030paper.yaml: paper "real2030paper", file name: found "real2030paper", which papers/tiny/real2030paper.yaml also has, expected: a paper id used once: rename one of the files',
    'error: papers/tiny/real2030paper.yaml: paper "real2030paper", file name: found "real2030paper", which papers/other/real2030paper.yaml also has, expected: a paper id used once: rename one of the files',
    'error: talks/tiny/keynote.yaml: talk "tiny/keynote", file name: found "keynote", which talks/tiny/keynote.yml also has, expected: a talk id used once: rename one of the files',
    'error: talks/tiny/keynote.yml: talk "tiny/keynote", file name: found "keynote", which talks/tiny/keynote.yaml also has, expected: a talk id used once: rename one of the files',
  ],
  'invalid/frontmatter-yaml': [
    'error: themes/tiny/quoted.mdx:5: theme "tiny/quoted", frontmatter: found invalid YAML (unexpected end of the stream within a double quoted scalar), expected: valid YAML: check the quoting and indentation near line 5',
  ],
  'invalid/hostile-math': [
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found $\\href{javascript:alert(1)}{x}$, expected: TeX that KaTeX can render (\\href is not allowed in a formula: put links and images in the text, not in math)',
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found $\\def\\a{\\a}\\a$, expected: TeX that KaTeX can render (Too many expansions: infinite loop or need to increase maxExpand setting)',
  ],
  'invalid/invalid-mdx': [
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found "Files below <5 MB are rare.", expected: valid MDX: Unexpected character `5` (U+0035) before name, expected a character that can start a name, such as a letter, `$`, or `_` (MDX reads {, } and < in prose as code: outside math write \\{, \\} and \\<)',
  ],
  'invalid/malformed-citation': [
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found [@Real2030Paper], expected: a citation such as [@paperid] or [@a; @b] ("Real2030Paper" is not a paper id: lower-case letters, digits, - and _)',
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found [@real2030paper; real2030paper], expected: a citation such as [@paperid] or [@a; @b] ("real2030paper" lacks its @)',
  ],
  'invalid/many-errors': [
    'error: papers/tiny/real2030paper.yaml:4: paper "real2030paper", field "year": found 3030, expected: a year from 1950 to 2100',
    'error: papers/tiny/real2030paper.yaml:6: paper "real2030paper", field "links.pdf": found "javascript:void(0)", expected: must be an absolute http:// or https:// URL',
    'error: papers/tiny/second2030paper.yaml:1: paper "second2030paper", field "conference": found a field this record does not have, expected: no conference line: the folder papers/tiny/ says which conference this is, so delete it',
    'error: talks/tiny/talk.yaml:1: talk "tiny/talk", field "speaker": found "Ada  Example", expected: use single spaces inside a name',
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found $\\frac{$, expected: TeX that KaTeX can render (Unexpected end of input in a macro argument, expected \'}\')',
    'error: themes/tiny/theme.mdx:9: theme "tiny/theme", body: found [@missing2030paper], expected: the id of a paper record, but it cites unknown paper "missing2030paper": add papers/<conference>/missing2030paper.yaml or fix the key',
  ],
  'invalid/missing-fields': [
    'error: papers/tiny/real2030paper.yaml: paper "real2030paper", field "title": found nothing (the field is missing), expected: text',
    'error: papers/tiny/real2030paper.yaml: paper "real2030paper", field "venue": found nothing (the field is missing), expected: text',
  ],
  'invalid/not-loaded': [
    'error: conferences/tiny/overview.mdx: file "overview.mdx", file name: found a file that no collection loads, expected: conferences/<id>/index.mdx or conferences/<id>/outlook.mdx; start the name with _ to keep a draft',
    'error: papers/tiny/extra2030paper.json: file "extra2030paper.json", file name: found a file that no collection loads, expected: papers/<conference>/<id>.yaml; start the name with _ to keep a draft',
    'error: themes/tiny/notes.md: file "notes.md", file name: found a file that no collection loads, expected: themes/<conference>/<slug>.mdx; start the name with _ to keep a draft',
  ],
  'invalid/reserved-names': [
    'error: conferences/pagefind/index.mdx: conference "pagefind", folder name: found "pagefind", a name the site uses for its own pages, expected: a folder name other than "papers", "authors", "talks", "search", "reading-list", "follow-ups", "offline", "404", "pagefind": rename the folder',
    'error: themes/pagefind/outlook.mdx: theme "pagefind/outlook", file name: found "outlook", a name the conference\'s own pages use, expected: a file name other than "outlook", "offline": rename the file',
  ],
  'invalid/unknown-conference-folder': [
    'error: themes/elsewhere/theme.mdx: theme "elsewhere/theme", folder name: found "elsewhere", which is not a conference, expected: the folder of a conference (one with conferences/<id>/index.mdx): "tiny"; move the file to themes/<conference>/',
  ],
  'invalid/unknown-field': [
    'error: papers/tiny/real2030paper.yaml: paper "real2030paper", field "authors": found nothing (the field is missing), expected: a list, e.g. [A, B] or one "- item" per line',
    'error: papers/tiny/real2030paper.yaml:2: paper "real2030paper", field "autors": found a field this record does not have, expected: "authors"? The fields are: title, authors, venue, year, track, arxiv, links, award, summary, note',
    'error: papers/tiny/real2030paper.yaml:6: paper "real2030paper", field "links.repo": found a field this record does not have, expected: one of the fields abs, pdf, code, video',
  ],
  'invalid/unknown-references': [
    'error: conferences/ghost/outlook.mdx: outlook "ghost", folder name: found "ghost", a folder without index.mdx, expected: a conference folder: add conferences/ghost/index.mdx',
    'error: papers/tny/lost2030paper.yaml: paper "lost2030paper", folder name: found "tny", which is not a conference, expected: the folder of a conference (one with conferences/<id>/index.mdx): "tiny"; move the file to papers/<conference>/',
    'warning: papers/tny/lost2030paper.yaml: paper "lost2030paper", id: found no theme that cites it, expected: a citation [@lost2030paper] in the theme that discusses it',
    'error: talks/tiny/paper-talk.yaml:4: talk "tiny/paper-talk", field "theme": found "missing-theme", which is not a theme of conference "tiny", expected: one of its themes: "theme"',
    'error: talks/tiny/paper-talk.yaml:5: talk "tiny/paper-talk", field "paper": found "missing2030paper", which is not a paper, expected: the id of a paper record (the file name of papers/<conference>/<id>.yaml)',
  ],
  'invalid/unsafe-mdx': [
    'error: themes/tiny/theme.mdx:7: theme "tiny/theme", body: found the statement "import { secret } from \'node:process\';", expected: no import or export in content',
    'error: themes/tiny/theme.mdx:11: theme "tiny/theme", body: found the tag <script>, expected: Markdown instead of HTML or components; for a literal "<" write \\<',
    'error: themes/tiny/theme.mdx:13: theme "tiny/theme", body: found the tag <img>, expected: Markdown instead of HTML or components; for a literal "<" write \\<',
    'error: themes/tiny/theme.mdx:13: theme "tiny/theme", body: found the expression {alert(document.cookie)}, expected: text; for literal braces write \\{ and \\}',
    'error: themes/tiny/theme.mdx:15: theme "tiny/theme", body: found the link target "javascript:alert(1)", expected: an http://, https:// or mailto: address',
    'error: themes/tiny/theme.mdx:15: theme "tiny/theme", body: found the link target "java\\tscript:alert(1)", expected: an http://, https:// or mailto: address',
    'error: themes/tiny/theme.mdx:17: theme "tiny/theme", body: found the link target "JAVASCRIPT:alert(1)", expected: an http://, https:// or mailto: address',
  ],
  'invalid/warnings-only': [
    'warning: papers/tiny/uncited2030paper.yaml: paper "uncited2030paper", id: found no theme that cites it, expected: a citation [@uncited2030paper] in the theme that discusses it',
    'warning: themes/tiny/empty.mdx: theme "tiny/empty", body: found no citation, expected: the papers the theme discusses, cited as [@paperid]',
  ],
  'invalid/wrong-types': [
    'error: papers/tiny/real2030paper.yaml:2: paper "real2030paper", field "authors": found "Ada Example", expected: a list, e.g. [A, B] or one "- item" per line',
    'error: papers/tiny/real2030paper.yaml:4: paper "real2030paper", field "year": found "2030", expected: a number',
    'error: papers/tiny/real2030paper.yaml:5: paper "real2030paper", field "track": found "poster", expected: one of "conference"|"workshop"|"other"',
  ],
  'invalid/yaml-syntax': [
    'error: papers/tiny/broken2030yaml.yaml:3: paper "broken2030yaml", YAML: found invalid YAML (missed comma between flow collection entries), expected: valid YAML: check the quoting and indentation near line 3',
    'error: papers/tiny/empty2030record.yaml:1: paper "empty2030record", YAML: found an empty file, expected: a YAML mapping of fields, one "name: value" per line',
  ],
  'invalid/year-out-of-range': [
    'error: papers/tiny/real2030paper.yaml:4: paper "real2030paper", field "year": found 30, expected: a year from 1950 to 2100',
  ],
  'bad-math': [
    'error: themes/tiny/bad.mdx:9: theme "tiny/bad", body: found $\\frac{1}{$, expected: TeX that KaTeX can render (Unexpected end of input in a macro argument, expected \'}\')',
  ],
  'unknown-citation': [
    'error: themes/tiny/broken.mdx:7: theme "tiny/broken", body: found [@missing2030paper], expected: the id of a paper record, but it cites unknown paper "missing2030paper": add papers/<conference>/missing2030paper.yaml or fix the key',
  ],
};

describe('npm run validate', { timeout: 60_000 }, () => {
  it('finds no error in the real content', async () => {
    const report = await validateContent(realContent, projectRoot);
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(report.files).toBeGreaterThan(0);
  });

  it.each(Object.entries(CASES))('reports everything wrong in %s', async (name, expected) => {
    const { report, lines } = await reportOf(name);
    expect(lines).toEqual(expected);
    expect(report.errors).toBe(expected.filter((l) => l.startsWith('error')).length);
  });

  it('does not repeat a broken record as a broken reference to it', async () => {
    // The theme cites the record whose YAML does not parse: one error, on the record.
    const { lines } = await reportOf('invalid/yaml-syntax');
    expect(lines.join('\n')).not.toContain('cites unknown paper');
  });

  it('fails with every error and a summary on the command line, and passes with warnings only', () => {
    const run = (name: string) =>
      spawnSync(process.execPath, [join(projectRoot, 'scripts', 'validate.mjs'), fixture(name)], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
    const failed = run('invalid/many-errors');
    expect(failed.status).toBe(1);
    const errors = CASES['invalid/many-errors'] ?? [];
    for (const line of errors) {
      expect(failed.stdout).toContain(line.replace(/^error: /, 'error   tests/fixtures/invalid/many-errors/'));
    }
    expect(failed.stdout).toMatch(
      new RegExp(
        `content files in tests/fixtures/invalid/many-errors checked: ${errors.length} errors, 0 warnings\\.\\n$`,
      ),
    );

    const warned = run('invalid/warnings-only');
    expect(warned.status).toBe(0);
    expect(warned.stdout).toContain('warning tests/fixtures/invalid/warnings-only/papers/tiny/uncited2030paper.yaml');
    expect(warned.stdout).toMatch(/0 errors, 2 warnings\.\n$/);
  });

  it('runs before the build, which then does not start', () => {
    const run = spawnSync('npm', ['run', 'build'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        CONTENT_ROOT: fixture('invalid/many-errors'),
        OUT_DIR: join(projectRoot, 'tests', '.output', 'validate-first', 'dist'),
      },
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain(`${CASES['invalid/many-errors']?.length} errors, 0 warnings.`);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\[build\]|\[content\]/);
  });
});
