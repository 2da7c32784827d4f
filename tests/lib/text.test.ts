import { describe, expect, it } from 'vitest';
import { count, firstSentence } from '../../src/lib/text';

describe('count', () => {
  it('says one thing or many', () => {
    expect(count(1, 'paper')).toBe('1 paper');
    expect(count(0, 'paper')).toBe('0 papers');
    expect(count(3, 'query', 'queries')).toBe('3 queries');
  });
});

describe('firstSentence', () => {
  it('ends at the first full stop, question or exclamation mark before a new sentence', () => {
    expect(firstSentence('Pruning removes weights. Then it retrains.')).toBe('Pruning removes weights.');
    expect(firstSentence('Does depth matter? Shallow nets say no.')).toBe('Does depth matter?');
    expect(firstSentence('It works! Mostly.')).toBe('It works!');
    expect(firstSentence('A sentence. 8-bit types follow.')).toBe('A sentence.');
  });

  it('keeps the whole text when it is one sentence, trimmed', () => {
    expect(firstSentence('  One sentence only.  ')).toBe('One sentence only.');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
  });

  it('does not end at abbreviations, initials or decimals', () => {
    expect(firstSentence('Han et al. Prune it. Done.')).toBe('Han et al. Prune it.');
    expect(firstSentence('Layers (e.g. Conv) are pruned. Done.')).toBe('Layers (e.g. Conv) are pruned.');
    expect(firstSentence('William J. Dally built it. Done.')).toBe('William J. Dally built it.');
    expect(firstSentence('Accuracy rises to 3.5 points. Done.')).toBe('Accuracy rises to 3.5 points.');
    expect(firstSentence('It is small, i.e. it fits. Done.')).toBe('It is small, i.e. it fits.');
  });

  it('does not end inside math, and keeps a closing quote or bracket', () => {
    expect(firstSentence('It costs $O(n). N$ steps. Next.')).toBe('It costs $O(n). N$ steps.');
    expect(firstSentence('It reaches $\\$5. A$ bound. Next.')).toBe('It reaches $\\$5. A$ bound.');
    expect(firstSentence('They call it "deep." Then more.')).toBe('They call it "deep."');
    expect(firstSentence('(A whole aside.) Then more.')).toBe('(A whole aside.)');
  });

  it('starts the next sentence at a formula too', () => {
    expect(firstSentence('Weights are quantised. $k$-means clusters them.')).toBe('Weights are quantised.');
  });
});
