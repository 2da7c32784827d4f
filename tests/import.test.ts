/**
 * `npm run import` and `npm run new` over empty content roots: the records each real export style
 * must produce (fixtures written by us in the styles of Google Scholar, DBLP, arXiv, Zotero with
 * Better BibTeX, and a file of every awkward construct), duplicates, `--dry-run`, `--update`, and
 * the skeletons, which validate and refuse ids that are taken.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { familyOf, paperIdFor } from '../src/lib/bib-import';
import { importBib } from '../src/import/index';
import { scaffold } from '../src/scaffold/index';
import { validateContent } from '../src/validate/index';
import { fixture } from './helpers/build';

const bib = (name: string) => join(fixture('bib'), name);
/** The line an entry starts on in a fixture. */
const lineOf = (name: string, key: string) =>
  readFileSync(bib(name), 'utf8')
    .split('\n')
    .findIndex((l) => new RegExp(`^@\\w+\\{${key},`).test(l)) + 1;
let root: string;
let savedRoot: string | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'content-'));
  savedRoot = process.env['CONTENT_ROOT'];
  process.env['CONTENT_ROOT'] = root;
});
afterEach(() => {
  if (savedRoot === undefined) delete process.env['CONTENT_ROOT'];
  else process.env['CONTENT_ROOT'] = savedRoot;
  rmSync(root, { recursive: true, force: true });
});

/** The records written for a conference, by file name. */
function written(conference: string): Record<string, Record<string, unknown>> {
  const folder = join(root, 'papers', conference);
  return Object.fromEntries(
    readdirSync(folder).map((f) => [f.replace(/\.yaml$/, ''), parse(readFileSync(join(folder, f), 'utf8'))]),
  );
}

const run = (...args: string[]) => importBib(args, root);

describe('importing each export style', () => {
  it('reads Google Scholar: "Last, First" names, arXiv ids in the journal, and reports an entry with no link', () => {
    const { status, lines } = run(bib('google-scholar.bib'), '--conference', 'next-2017');
    expect(written('next-2017')).toEqual({
      han2015deep: {
        title:
          'Deep compression: Compressing deep neural networks with pruning, trained quantization and huffman coding',
        authors: ['Song Han', 'Huizi Mao', 'William J Dally'],
        venue: 'arXiv preprint',
        year: 2015,
        track: 'conference',
        arxiv: '1510.00149',
      },
      reed2015neural: {
        title: 'Neural programmer-interpreters',
        authors: ['Scott Reed', 'Nando De Freitas'],
        venue: 'arXiv preprint',
        year: 2015,
        track: 'conference',
        arxiv: '1511.06279',
      },
    });
    expect(lines).toContain(
      `error   ${bib('google-scholar.bib')}:${lineOf('google-scholar.bib', 'krahenbuhl2015data')}: @{krahenbuhl2015data} has no arXiv id, url or doi to link the record to; not imported`,
    );
    expect(status).toBe(1);
  });

  it('reads DBLP: line-wrapped fields, braced acronyms, CoRR preprints and arXiv URLs', () => {
    expect(run(bib('dblp.bib'), '--conference', 'next-2017', '--track', 'workshop').status).toBe(0);
    expect(written('next-2017')).toEqual({
      han2016deep: {
        title:
          'Deep Compression: Compressing Deep Neural Networks with Pruning, Trained Quantization and Huffman Coding',
        authors: ['Song Han', 'Huizi Mao', 'William J. Dally'],
        venue:
          '4th International Conference on Learning Representations, ICLR 2016, San Juan, Puerto Rico, May 2-4, 2016, Conference Track Proceedings',
        year: 2016,
        track: 'workshop',
        arxiv: '1510.00149',
      },
      reed2015neural: {
        title: 'Neural Programmer-Interpreters',
        authors: ['Scott E. Reed', 'Nando de Freitas'],
        venue: 'arXiv preprint',
        year: 2015,
        track: 'workshop',
        arxiv: '1511.06279',
      },
    });
  });

  it("reads arXiv's own BibTeX", () => {
    expect(run(bib('arxiv.bib'), '--conference', 'next-2017').status).toBe(0);
    expect(written('next-2017')).toEqual({
      han2016deep: {
        title:
          'Deep Compression: Compressing Deep Neural Networks with Pruning, Trained Quantization and Huffman Coding',
        authors: ['Song Han', 'Huizi Mao', 'William J. Dally'],
        venue: 'arXiv preprint',
        year: 2016,
        track: 'conference',
        arxiv: '1510.00149',
      },
    });
  });

  it('reads Zotero with Better BibTeX: double-braced words, TeX accents and arXiv eprints', () => {
    expect(run(bib('zotero-better-bibtex.bib'), '--conference', 'next-2017').status).toBe(0);
    expect(written('next-2017')).toEqual({
      krahenbuhl2016data: {
        title: 'Data-Dependent Initializations of Convolutional Neural Networks',
        authors: ['Philipp Krähenbühl', 'Carl Doersch', 'Jeff Donahue', 'Trevor Darrell'],
        venue: 'International Conference on Learning Representations',
        year: 2016,
        track: 'conference',
        arxiv: '1511.06856',
      },
    });
  });

  it('reads every awkward construct, and reports what it cannot read with its line and reason', () => {
    const { status, lines } = run(bib('awkward.bib'), '--conference', 'next-2017');
    expect(written('next-2017')).toEqual({
      defreitas2017cafe: {
        title: 'Café in der Straße – a GPU study of Übermodels',
        authors: ['Nando de Freitas', 'Jürgen Müller'],
        venue: 'International Conference on Learning Representations 2017',
        year: 2017,
        track: 'conference',
        links: { abs: 'https://openreview.net/forum?id=abc_123' },
      },
      levine2018learning: {
        title: 'Learning Hand-Eye Coordination for Robotic Grasping',
        authors: ['Sergey Levine', 'Peter Pastor'],
        venue: 'The International Journal of Robotics Research',
        year: 2018,
        track: 'conference',
        arxiv: '1603.02199',
      },
      hopper1952report: {
        title: 'A Report with Only a PDF',
        authors: ['Grace Hopper'],
        venue: 'Technical report',
        year: 1952,
        track: 'conference',
        links: { pdf: 'https://example.org/reports/hopper-1952.pdf' },
      },
      he2016deep: expect.objectContaining({ title: 'Deep Residual Learning at Scale', arxiv: '1512.03385' }),
      he2016deepb: expect.objectContaining({ title: 'Deep Residual Learning Revisited', arxiv: '1603.05027' }),
    });
    const file = bib('awkward.bib');
    const at = (key: string) => `${file}:${lineOf('awkward.bib', key)}: @{${key}}`;
    expect(lines.filter((l) => !l.startsWith('write'))).toEqual([
      `error   ${at('no-author')} has no author; not imported`,
      expect.stringContaining(`${at('broken')} cannot be read: `),
      `warning ${at('accents')} its author list ends with "and others": add the remaining authors from the paper itself`,
      `skipped ${at('repeat')} has the same arXiv id 1512.03385 as ${join('papers', 'next-2017', 'he2016deep.yaml')} (--update refreshes it)`,
      'Wrote 5 records and updated 0; skipped 1 duplicate; 2 entries not read.',
      'Each new record needs a summary in your words: `npm run validate` lists the ones still to write.',
    ]);
    expect(status).toBe(1);
  });
});

describe('duplicates, dry runs and updates', () => {
  it('never overwrites: a record with the same arXiv id or title in any conference is skipped', () => {
    run(bib('arxiv.bib'), '--conference', 'first-2016');
    const { lines } = run(bib('dblp.bib'), '--conference', 'second-2017');
    expect(lines.some((l) => l.startsWith('skipped') && l.includes('same arXiv id 1510.00149'))).toBe(true);
    expect(Object.keys(written('second-2017'))).toEqual(['reed2015neural']);
  });

  it('shows what it would write with --dry-run, and writes nothing', () => {
    const { lines } = run(bib('arxiv.bib'), '--conference', 'next-2017', '--dry-run');
    expect(lines[0]).toMatch(/^would write .*han2016deep\.yaml/);
    expect(lines).toContain('    arxiv: "1510.00149"');
    expect(() => readdirSync(join(root, 'papers'))).toThrow();
  });

  it("refreshes a record's bibliographic fields with --update, and keeps the editor's prose", () => {
    run(bib('google-scholar.bib'), '--conference', 'next-2017');
    const file = join(root, 'papers', 'next-2017', 'han2015deep.yaml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}# Checked against the PDF.\nsummary: Our words.\naward: Best Paper\n`,
    );
    const { lines } = run(bib('arxiv.bib'), '--conference', 'next-2017', '--update');
    expect(lines[0]).toMatch(/^update {2}.*han2015deep\.yaml: title, authors, year \(from /);
    const text = readFileSync(file, 'utf8');
    expect(parse(text)).toMatchObject({
      title: 'Deep Compression: Compressing Deep Neural Networks with Pruning, Trained Quantization and Huffman Coding',
      authors: ['Song Han', 'Huizi Mao', 'William J. Dally'],
      year: 2016,
      summary: 'Our words.',
      award: 'Best Paper',
    });
    expect(text).toContain('# Checked against the PDF.');
  });
});

describe('the id rule', () => {
  it('takes the family name with its particles, folds diacritics, and skips stop words', () => {
    expect(familyOf('Nando de Freitas')).toBe('defreitas');
    expect(familyOf('Philipp Krähenbühl')).toBe('krahenbuhl');
    expect(familyOf('Laurens van der Maaten')).toBe('vandermaaten');
    const id = (title: string, authors = ['Song Han'], taken: string[] = []) =>
      paperIdFor({ title, authors, year: 2016 }, new Set(taken));
    expect(id('The Deep Compression')).toBe('han2016deep');
    expect(id('8-Bit Approximations')).toBe('han2016bit');
    expect(id('Data-dependent Initializations')).toBe('han2016data');
    expect(id('On the Étude of Things', ['Hervé Jégou'])).toBe('jegou2016etude');
    expect(id('Deep Compression', ['Song Han'], ['han2016deep', 'han2016deepb'])).toBe('han2016deepc');
  });
});

describe('npm run new', () => {
  const make = (...args: string[]) => scaffold(args, root);

  it('writes a conference, a theme and a paper that validate, each field explained', async () => {
    expect(make('conference', 'next-2017').status).toBe(0);
    expect(make('theme', 'next-2017', 'first-theme').status).toBe(0);
    expect(make('theme', 'next-2017', 'second-theme').status).toBe(0);
    expect(make('paper', 'next-2017', 'lovelace2017notes').status).toBe(0);
    const report = await validateContent(root, root);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const theme = readFileSync(join(root, 'themes', 'next-2017', 'second-theme.mdx'), 'utf8');
    expect(theme).toMatch(/^order: 2$/m);
    const paper = readFileSync(join(root, 'papers', 'next-2017', 'lovelace2017notes.yaml'), 'utf8');
    expect(paper).toMatch(/^# The exact title/m);
    expect(paper).toMatch(/^venue: NEXT 2017$/m);
  });

  it('refuses ids that content or the site already has', () => {
    make('conference', 'next-2017');
    make('paper', 'next-2017', 'taken2017id');
    make('conference', 'other-2018');
    expect(make('conference', 'next-2017').lines[0]).toMatch(/^conference "next-2017" exists already/);
    expect(make('conference', 'papers').lines[0]).toMatch(/address of one of the site's own pages/);
    expect(make('theme', 'next-2017', 'outlook').lines[0]).toMatch(/address of one of the conference's own pages/);
    expect(make('theme', 'missing', 'x').lines[0]).toMatch(/^no conference "missing"/);
    expect(make('paper', 'other-2018', 'taken2017id').lines[0]).toMatch(/shared by every digest/);
    expect(make('paper', 'next-2017', 'Bad Id').lines[0]).toMatch(/^paper id "Bad Id"/);
    expect(make('theme', 'next-2017', 'Bad_Slug').status).toBe(1);
  });
});

describe('after an import', () => {
  it('fails validation listing only the summaries still to write, one line each', async () => {
    scaffold(['conference', 'next-2017'], root);
    run(bib('dblp.bib'), '--conference', 'next-2017');
    const report = await validateContent(root, root);
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.file, p.field])).toEqual([
      [join('papers', 'next-2017', 'han2016deep.yaml'), 'summary'],
      [join('papers', 'next-2017', 'reed2015neural.yaml'), 'summary'],
    ]);
  });
});
