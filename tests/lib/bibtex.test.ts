import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexUrl, escapeBibtex, protectTitle, toBibtex, toBibtexFile, type BibtexInput } from '../../src/lib/bibtex';

const paper: BibtexInput = {
  id: 'han2016deep',
  title: 'Deep Compression: Compressing Deep Neural Networks with Pruning, Trained Quantization and Huffman Coding',
  authors: ['Song Han', 'Huizi Mao', 'William J. Dally'],
  venue: 'ICLR 2016',
  year: 2016,
  arxiv: '1510.00149',
};

/** What a reference manager's importer reads back: the parser Zotero's Better BibTeX uses. */
function reread(bib: string) {
  const library = parse(bib);
  expect(library.errors).toEqual([]);
  return library.entries;
}
/** Authors as written; the parser may give letters decomposed, which is the same text. */
const names = (entry: ReturnType<typeof reread>[number]) =>
  (entry.fields.author ?? []).map((a) =>
    (a.name ?? [a.firstName, a.prefix, a.lastName].filter(Boolean).join(' ')).normalize('NFC'),
  );

describe('toBibtex', () => {
  it('writes an inproceedings entry with the eprint', () => {
    const bib = toBibtex(paper);
    expect(bib.startsWith('@inproceedings{han2016deep,\n')).toBe(true);
    expect(bib).toContain('author = {Song Han and Huizi Mao and William J. Dally}');
    expect(bib).toContain('booktitle = {{ICLR} 2016}');
    expect(toBibtex({ ...paper, venue: 'RSS' })).toContain('booktitle = {{{RSS}}}');
    expect(bib).toContain('eprint = {1510.00149}');
    expect(bib).toContain('archivePrefix = {arXiv}');
    expect(bib).toContain('url = {https://arxiv.org/abs/1510.00149}');
    expect(bib.endsWith('\n}')).toBe(true);
  });

  it('writes a preprint as misc without a booktitle', () => {
    const bib = toBibtex({ ...paper, venue: 'arXiv preprint' });
    expect(bib.startsWith('@misc{')).toBe(true);
    expect(bib).not.toContain('booktitle');
  });

  it('gives a paper with only a PDF its url', () => {
    const bib = toBibtex({ ...paper, arxiv: undefined, url: 'https://example.org/p22.pdf' });
    expect(bib).not.toContain('eprint');
    expect(bib).toContain('url = {https://example.org/p22.pdf}');
  });

  it('never TeX-escapes a URL, and encodes only what would break the field', () => {
    const url = 'https://example.org/a_b/%7E/c#d?e=1&f=~g';
    expect(toBibtex({ ...paper, arxiv: undefined, url })).toContain(`url = {${url}}`);
    expect(bibtexUrl('https://example.org/{x} y\\z"')).toBe('https://example.org/%7Bx%7D%20y%5Cz%22');
  });

  it('reads back as the record: title, authors, venue, year, eprint, url', () => {
    const [entry] = reread(toBibtex(paper));
    expect(entry!.fields.title).toBe(paper.title);
    expect(names(entry!)).toEqual(paper.authors);
    expect(entry!.fields.booktitle).toBe('ICLR 2016');
    expect(entry!.fields.year).toBe('2016');
    expect(entry!.fields.eprint).toBe('1510.00149');
    expect(entry!.fields.url).toBe('https://arxiv.org/abs/1510.00149');
  });
});

describe('escapeBibtex', () => {
  it('escapes every special character so text cannot break the entry', () => {
    expect(escapeBibtex('50% of {A} & B_1 #2 $5 ~x ^y \\z')).toBe(
      '50\\% of \\textbraceleft{}A\\textbraceright{} \\& B\\_1 \\#2 \\$5 \\textasciitilde{}x \\textasciicircum{}y \\textbackslash{}z',
    );
  });

  it('spells diacritics as TeX accents, which legacy BibTeX sorts and biber decodes', () => {
    expect(escapeBibtex('Krähenbühl')).toBe('Kr{\\"a}henb{\\"u}hl');
    expect(escapeBibtex('Hervé Jégou')).toBe("Herv{\\'e} J{\\'e}gou");
    expect(escapeBibtex('Dollár, Çelik, Šimánek, Ørsted, Łukasz, Weiß')).toBe(
      "Doll{\\'a}r, {\\c{C}}elik, {\\v{S}}im{\\'a}nek, {\\O}rsted, {\\L}ukasz, Wei{\\ss}",
    );
    // Composed or decomposed, the same letter gives the same TeX.
    expect(escapeBibtex('e\u0301')).toBe(escapeBibtex('\u00e9'));
  });

  it('writes dashes and quotes the TeX way and keeps other scripts as UTF-8', () => {
    expect(escapeBibtex('A–B — “C” ‘d’')).toBe("A--B --- ``C'' `d'");
    expect(escapeBibtex('深度 λ')).toBe('深度 λ');
    // Typed hyphens and quotes stay as typed, not joined into TeX's dashes and quotes.
    expect(escapeBibtex("a -- b ''c''")).toBe("a -{}- b '{}'c'{}'");
  });

  it('keeps unbalanced braces from closing the field', () => {
    for (const title of ['Evil}, note = {x', 'Evil}}}', '{{{Evil']) {
      const bib = toBibtex({ ...paper, title });
      const line = bib.split('\n').find((l) => l.trimStart().startsWith('title'));
      expect(line, title).toMatch(/^ {2}title = \{.*\},$/);
      // BibTeX counts escaped braces too: the field must balance without ever closing early.
      const field = [...line!.slice(line!.indexOf('{'), -1)];
      let depth = 0;
      const depths = field.map((c) => (depth += c === '{' ? 1 : c === '}' ? -1 : 0));
      expect(
        depths.slice(0, -1).every((d) => d >= 1),
        title,
      ).toBe(true);
      expect(depths.at(-1), title).toBe(0);
      expect(reread(bib)[0]!.fields.title, title).toBe(title);
    }
  });

  it('keeps a collaboration with "and" in its name as one author', () => {
    const bib = toBibtex({ ...paper, authors: ['Ada Lovelace', 'The ATLAS and CMS Collaborations'] });
    expect(bib).toContain('author = {Ada Lovelace and {The ATLAS and CMS Collaborations}}');
    expect(names(reread(bib)[0]!)).toEqual(['Ada Lovelace', 'The ATLAS and CMS Collaborations']);
  });

  it('reads back every awkward title and name as written', () => {
    const titles = [
      'ImageNet & LSTMs: 50% of {A} — the_test',
      'Ørsted, Weiß and Krähenbühl: “Çà”',
      'Pushing the Boundaries of Boundary Detection using Deep Learning',
      'Do Deep Convolutional Nets Really Need to be Deep (Or Even Convolutional)?',
      'Dynamic Capacity Networks',
      '<script>alert("x")</script> | a > b',
      "A comment <!-- here --> '' `` ?` !` ,, too",
    ];
    const authors = ['Philipp Krähenbühl', 'Hervé Jégou', 'Niko Sünderhauf', 'Łukasz Kaiser', 'Nando de Freitas'];
    for (const title of titles) {
      const [entry] = reread(toBibtex({ ...paper, title, authors }));
      expect(entry!.fields.title?.normalize('NFC')).toBe(title);
      expect(names(entry!)).toEqual(authors);
    }
  });
});

describe('protectTitle', () => {
  it('braces each run of capitalised words and leaves lower-case words to the style', () => {
    expect(protectTitle('Deep Compression: Compressing Deep Neural Networks with Pruning')).toBe(
      '{Deep Compression: Compressing Deep Neural Networks} with {Pruning}',
    );
    expect(protectTitle('Learning to decompose for object detection')).toBe(
      '{Learning} to decompose for object detection',
    );
    // All capitalised: one more layer, or importers take the braces for decoration and drop them.
    expect(protectTitle('Dynamic Capacity Networks')).toBe('{{Dynamic Capacity Networks}}');
  });

  it('protects a run that starts with a TeX command one level up, where BibTeX would change its case', () => {
    expect(protectTitle('Ørsted lives')).toBe('{{\\O}rsted} lives');
  });
});

describe('toBibtexFile', () => {
  it('writes a comment line, then every entry, in order', () => {
    const file = toBibtexFile('BibTeX for 2 papers @ somewhere', [paper, { ...paper, id: 'second' }]);
    expect(file.split('\n')[0]).toBe('% BibTeX for 2 papers   somewhere');
    expect(reread(file).map((e) => e.key)).toEqual(['han2016deep', 'second']);
  });
});
