import { describe, expect, it } from 'vitest';
import { readIds, serializeList, storageKey, toggle } from '../../src/lib/reading-list';
import {
  addAll,
  markdownList,
  unreadableReason,
  PAPERS_PER_SHARD,
  shardCount,
  shardOf,
  sharedIds,
  shareUrl,
  type ListedPaper,
} from '../../src/lib/reading-list-data';

describe('the stored list', () => {
  it('is keyed by the base path, so two digests on one origin keep two lists', () => {
    expect(storageKey('/')).not.toBe(storageKey('/digest/'));
  });

  it('reads nothing stored as an empty list and round-trips a list', () => {
    expect(readIds(null)).toEqual([]);
    expect(readIds(serializeList(['a', 'b', 'a']))).toEqual(['a', 'b']);
  });

  it('says why a stored value cannot be read', () => {
    for (const [raw, reason] of [
      ['{not json', 'it is not valid JSON'],
      ['{"ids":[]}', 'it is not a list'],
      ['["a", 3]', 'entry 2 is not a paper id'],
      ['["a", ""]', 'entry 2 is not a paper id'],
    ] as const) {
      expect(readIds(raw)).toBeUndefined();
      expect(unreadableReason(raw)).toBe(reason);
    }
  });

  it('toggles a paper and adds many without repeats, in order', () => {
    expect(toggle(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
    expect(addAll(['a', 'b'], ['c', 'a', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('share links', () => {
  it('carry the ids in the query and read back in order', () => {
    const url = shareUrl('https://example.org/digest/reading-list/?old=1#x', ['han2016deep', 'de_freitas-2016']);
    expect(url).toBe('https://example.org/digest/reading-list/?papers=han2016deep,de_freitas-2016');
    expect(sharedIds(new URL(url).search)).toEqual(['han2016deep', 'de_freitas-2016']);
  });

  it('ignore empty and repeated ids; no parameter is no shared list', () => {
    expect(sharedIds('?papers=a,,b,a,%20c')).toEqual(['a', 'b', 'c']);
    expect(sharedIds('?q=x')).toBeUndefined();
  });
});

describe('shards of paper data', () => {
  it('grow by powers of two to keep about PAPERS_PER_SHARD papers each', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(PAPERS_PER_SHARD)).toBe(1);
    expect(shardCount(PAPERS_PER_SHARD + 1)).toBe(2);
    const big = shardCount(10_000);
    expect(10_000 / big).toBeLessThanOrEqual(PAPERS_PER_SHARD);
    expect(10_000 / big).toBeGreaterThan(PAPERS_PER_SHARD / 2);
  });

  it('place an id in a stable shard within range, spread evenly', () => {
    const shards = 64;
    const counts = new Array<number>(shards).fill(0);
    for (let i = 0; i < 6400; i++) {
      const n = shardOf(`paper${i}`, shards);
      expect(n).toBe(shardOf(`paper${i}`, shards));
      counts[n]!++;
    }
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });
});

describe('markdownList', () => {
  it('links each title to its page and escapes Markdown in the text', () => {
    const paper = {
      id: 'p',
      title: 'A [bracketed] *title*',
      authors: ['Ada Lovelace', 'Émile Borel'],
      venue: 'ICLR 2016',
      page: '/papers/p/',
      record: 'https://arxiv.org/abs/1510.00149',
    } as ListedPaper;
    expect(markdownList([paper], 'https://example.org')).toBe(
      '- [A \\[bracketed\\] \\*title\\*](https://example.org/papers/p/). Ada Lovelace, Émile Borel. ICLR 2016. ([record](https://arxiv.org/abs/1510.00149))',
    );
  });
});
