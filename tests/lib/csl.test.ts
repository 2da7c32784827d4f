import { describe, expect, it } from 'vitest';
import { cslName, toCsl } from '../../src/lib/csl';

describe('cslName', () => {
  it('splits given and family names, particles included', () => {
    expect(cslName('William J. Dally')).toEqual({ given: 'William J.', family: 'Dally' });
    expect(cslName('Nando de Freitas')).toEqual({ given: 'Nando', family: 'Freitas', 'non-dropping-particle': 'de' });
    expect(cslName('Laurens van der Maaten')).toEqual({
      given: 'Laurens',
      family: 'Maaten',
      'non-dropping-particle': 'van der',
    });
  });

  it('keeps one-word names and collaborations literal', () => {
    expect(cslName('Plato')).toEqual({ literal: 'Plato' });
    expect(cslName('The ATLAS and CMS Collaborations')).toEqual({ literal: 'The ATLAS and CMS Collaborations' });
  });
});

describe('toCsl', () => {
  const paper = { id: 'p', title: 'T', authors: ['Ada Lovelace'], venue: 'ICLR 2016', year: 2016 };

  it('writes a conference paper with its venue, year, URL and arXiv id', () => {
    expect(toCsl({ ...paper, arxiv: '1510.00149' })).toEqual({
      id: 'p',
      type: 'paper-conference',
      title: 'T',
      author: [{ given: 'Ada', family: 'Lovelace' }],
      issued: { 'date-parts': [[2016]] },
      'container-title': 'ICLR 2016',
      note: 'arXiv:1510.00149',
      URL: 'https://arxiv.org/abs/1510.00149',
    });
  });

  it('writes a preprint as an article from the arXiv repository', () => {
    const item = toCsl({ ...paper, venue: 'arXiv preprint', arxiv: '1511.06807' });
    expect(item).toMatchObject({ type: 'article', publisher: 'arXiv', number: 'arXiv:1511.06807' });
    expect(item).not.toHaveProperty('container-title');
  });

  it('uses the landing page or PDF where there is no arXiv id', () => {
    expect(toCsl({ ...paper, url: 'https://example.org/p.pdf' })['URL']).toBe('https://example.org/p.pdf');
    expect(toCsl(paper)).not.toHaveProperty('URL');
  });
});
