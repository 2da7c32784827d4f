import { describe, expect, it } from 'vitest';
import { authorKey, familyName, joinNames, preferredSpelling } from '../../src/lib/authors';

describe('authorKey', () => {
  it.each([
    ['Piotr Dollár', 'Piotr Dollar'],
    ['Niko Sünderhauf', 'Niko Sunderhauf'],
    ['Philipp Krähenbühl', 'Philipp Krahenbuhl'],
    ['Hervé Jégou', 'Herve  Jegou'],
    ['Krzysztof J. Geras', 'Krzysztof J Geras'],
    ['Lukasz Kaiser', 'Łukasz Kaiser'],
  ])('%s and %s are one person', (a, b) => {
    expect(authorKey(a)).toBe(authorKey(b));
  });

  it('keeps different people apart', () => {
    expect(authorKey('Ilya Sutskever')).not.toBe(authorKey('Ilya Sutskevar'));
    expect(authorKey('Jian Sun')).not.toBe(authorKey('Jian Sung'));
  });

  it('is URL-safe', () => {
    expect(authorKey('Samira Ebrahimi Kahou')).toBe('samira-ebrahimi-kahou');
    expect(authorKey(' Li Fei-Fei ')).toBe('li-fei-fei');
  });
});

describe('preferredSpelling', () => {
  it('shows the spelling with diacritics, whichever came first', () => {
    expect(preferredSpelling(['Piotr Dollar', 'Piotr Dollár'])).toBe('Piotr Dollár');
    expect(preferredSpelling(['Niko Sünderhauf', 'Niko Sunderhauf'])).toBe('Niko Sünderhauf');
  });
});

describe('name helpers', () => {
  it('joins names as prose', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('takes the last word as the family name', () => {
    expect(familyName('Nando de Freitas')).toBe('Freitas');
  });
});
