import { describe, expect, it } from 'vitest';
import { count } from '../../src/lib/text';

describe('count', () => {
  it('says one thing or many', () => {
    expect(count(1, 'paper')).toBe('1 paper');
    expect(count(0, 'paper')).toBe('0 papers');
    expect(count(3, 'query', 'queries')).toBe('3 queries');
  });
});
