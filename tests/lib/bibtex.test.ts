import { describe, expect, it } from 'vitest';
import { escapeBibtex, toBibtex } from '../../src/lib/bibtex';

const paper = {
  id: 'han2016deep',
  title: 'Deep Compression: Compressing Deep Neural Networks with Pruning, Trained Quantization and Huffman Coding',
  authors: ['Song Han', 'Huizi Mao', 'William J. Dally'],
  venue: 'ICLR 2016',
  year: 2016,
  arxiv: '1510.00149',
};

describe('toBibtex', () => {
  it('writes an inproceedings entry with the eprint', () => {
    const bib = toBibtex(paper);
    expect(bib.startsWith('@inproceedings{han2016deep,\n')).toBe(true);
    expect(bib).toContain('author = {Song Han and Huizi Mao and William J. Dally}');
    expect(bib).toContain('booktitle = {ICLR 2016}');
    expect(bib).toContain('eprint = {1510.00149}');
    expect(bib).toContain('url = {https://arxiv.org/abs/1510.00149}');
    expect(bib.endsWith('\n}')).toBe(true);
  });

  it('writes a preprint as misc without a booktitle', () => {
    const bib = toBibtex({ ...paper, venue: 'arXiv preprint' });
    expect(bib.startsWith('@misc{')).toBe(true);
    expect(bib).not.toContain('booktitle');
  });

  it('uses the record URL when there is no arXiv id', () => {
    const bib = toBibtex({ ...paper, arxiv: undefined, url: 'https://example.org/p22.pdf' });
    expect(bib).not.toContain('eprint');
    expect(bib).toContain('url = {https://example.org/p22.pdf}');
  });
});

describe('escapeBibtex', () => {
  it('escapes every special character so text cannot break the entry', () => {
    expect(escapeBibtex('50% of {A} & B_1 #2 $5 ~x ^y \\z')).toBe(
      '50\\% of \\textbraceleft{}A\\textbraceright{} \\& B\\_1 \\#2 \\$5 \\textasciitilde{}x \\textasciicircum{}y \\textbackslash{}z',
    );
  });

  it('keeps unbalanced braces from closing the field', () => {
    for (const title of ['Evil}, note = {x', 'Evil}}}', '{{{Evil']) {
      const bib = toBibtex({ ...paper, title });
      const line = bib.split('\n').find((l) => l.trimStart().startsWith('title'));
      expect(line, title).toMatch(/^ {2}title = \{\{.*\}\},$/);
      // BibTeX counts escaped braces too: the field must balance without ever closing early.
      const field = [...line!.slice(line!.indexOf('{'), -1)];
      let depth = 0;
      const depths = field.map((c) => (depth += c === '{' ? 1 : c === '}' ? -1 : 0));
      expect(
        depths.slice(0, -1).every((d) => d >= 1),
        title,
      ).toBe(true);
      expect(depths.at(-1), title).toBe(0);
    }
  });

  it('keeps a collaboration with "and" in its name as one author', () => {
    const bib = toBibtex({ ...paper, authors: ['Ada Lovelace', 'The ATLAS and CMS Collaborations'] });
    expect(bib).toContain('author = {Ada Lovelace and {The ATLAS and CMS Collaborations}}');
  });
});
