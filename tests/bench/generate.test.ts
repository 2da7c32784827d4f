/**
 * The benchmark's synthetic conference: a valid content root (every record passes the site's
 * schemas, every citation and talk resolves in the catalog), deterministic, and shaped like a real
 * conference (authors per paper, shared surnames, diacritics, formulas, themes citing N/17 papers).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFERENCE_ID, generateConference, THEME_COUNT, type CorpusFacts } from '../../bench/generate';
import { authorKey } from '../../src/lib/authors';
import { buildCatalog, type Entry } from '../../src/lib/catalog';
import { conferenceSchema, outlookSchema, paperSchema, talkSchema, themeSchema } from '../../src/schemas';
import { citedKeys, readContent, type RawEntry } from '../helpers/content';

const PAPERS = 340;
let dir: string;
let facts: CorpusFacts;
let content: ReturnType<typeof readContent>;

/** A digest of every file of a folder, to compare two generated corpora. */
function digest(root: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    hash.update(file);
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      // A folder.
    }
  }
  return hash.digest('hex');
}

const entry = <D>(raw: RawEntry, id: string, data: D): Entry<D> => ({ id, data, body: raw.body, filePath: raw.file });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  facts = generateConference({ papers: PAPERS, out: join(dir, 'a') });
  content = readContent(join(dir, 'a'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic conference', () => {
  it('is the same for the same seed and differs for another', () => {
    generateConference({ papers: PAPERS, out: join(dir, 'b') });
    generateConference({ papers: PAPERS, out: join(dir, 'c'), seed: 'another seed' });
    expect(digest(join(dir, 'b'))).toBe(digest(join(dir, 'a')));
    expect(digest(join(dir, 'c'))).not.toBe(digest(join(dir, 'a')));
  });

  it('writes N papers and 17 themes that pass the site schemas', () => {
    expect(content.papers).toHaveLength(PAPERS);
    expect(content.themes).toHaveLength(THEME_COUNT);
    for (const p of content.papers) expect(() => paperSchema.parse(p.data), p.file).not.toThrow();
    for (const t of content.themes) expect(() => themeSchema.parse(t.data), t.file).not.toThrow();
    for (const t of content.talks) expect(() => talkSchema.parse(t.data), t.file).not.toThrow();
    for (const c of content.conferences) expect(() => conferenceSchema.parse(c.data), c.file).not.toThrow();
  });

  it('resolves in the catalog: every citation, talk and conference reference', () => {
    const outlookFile = join(dir, 'a', 'conferences', CONFERENCE_ID, 'outlook.mdx');
    const [, front = '', body = ''] =
      /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(readFileSync(outlookFile, 'utf8')) ?? [];
    const outlookData = outlookSchema.parse(parse(front));
    const catalog = buildCatalog({
      conferences: content.conferences.map((c) => entry(c, c.stem, conferenceSchema.parse(c.data))),
      outlooks: [{ id: CONFERENCE_ID, data: outlookData, body, filePath: outlookFile }],
      themes: content.themes.map((t) => entry(t, `${CONFERENCE_ID}/${t.stem}`, themeSchema.parse(t.data))),
      papers: content.papers.map((p) => entry(p, `${CONFERENCE_ID}/${p.stem}`, paperSchema.parse(p.data))),
      talks: content.talks.map((t) => entry(t, `${CONFERENCE_ID}/${t.stem}`, talkSchema.parse(t.data))),
    });
    expect(catalog.papers).toHaveLength(PAPERS);
    expect(catalog.authors).toHaveLength(facts.authors);
    expect(catalog.talks.length).toBe(facts.talks);
  });

  it('has each theme cite its N/17 share, every paper exactly once', () => {
    const cited = content.themes.map((t) => citedKeys(t.body));
    for (const keys of cited) {
      expect(keys.length).toBeGreaterThanOrEqual(Math.floor(PAPERS / THEME_COUNT));
      expect(keys.length).toBeLessThanOrEqual(Math.ceil(PAPERS / THEME_COUNT));
    }
    const all = cited.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(content.papers.map((p) => p.stem)));
  });

  it('has about 2.5 distinct authors per paper, 1 to 12 on a paper, with shared surnames and diacritics', () => {
    const lists = content.papers.map((p) => p.data['authors'] as string[]);
    for (const list of lists) {
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(12);
    }
    const people = new Set(lists.flat().map(authorKey));
    expect(people.size).toBe(facts.authors);
    expect(people.size / PAPERS).toBeGreaterThan(2.2);
    expect(people.size / PAPERS).toBeLessThan(2.8);
    const surnames = new Map<string, Set<string>>();
    for (const name of lists.flat()) {
      const family = authorKey(name.split(' ').at(-1) ?? name);
      surnames.set(family, (surnames.get(family) ?? new Set()).add(authorKey(name)));
    }
    expect(Math.max(...[...surnames.values()].map((s) => s.size))).toBeGreaterThanOrEqual(10);
    expect(lists.flat().some((n) => n.normalize('NFD') !== n)).toBe(true);
  });

  it('puts a formula in about 10% of the papers, and has tracks and awards', () => {
    const withMath = content.papers.filter((p) => /(?<!\\)\$/.test(String(p.data['summary']))).length;
    expect(withMath).toBe(facts.papersWithMath);
    expect(withMath / PAPERS).toBeGreaterThan(0.05);
    expect(withMath / PAPERS).toBeLessThan(0.15);
    const tracks = new Set(content.papers.map((p) => p.data['track']));
    expect(tracks).toEqual(new Set(['conference', 'workshop', 'other']));
    const awards = content.papers.filter((p) => p.data['award'] !== undefined);
    expect(awards.length).toBe(facts.awards);
    expect(awards.every((p) => p.data['track'] === 'conference')).toBe(true);
  });

  it('refuses to clear a folder that holds something else', () => {
    const other = join(dir, 'someone-else');
    mkdirSync(other);
    writeFileSync(join(other, 'keep.txt'), 'mine');
    expect(() => generateConference({ papers: PAPERS, out: other })).toThrow(/refusing to clear/);
    expect(readFileSync(join(other, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('refuses to write into the project content folder', () => {
    expect(() => generateConference({ papers: PAPERS, out: join(import.meta.dirname, '..', '..', 'content') })).toThrow(
      /refusing/,
    );
    expect(() =>
      generateConference({ papers: PAPERS, out: join(import.meta.dirname, '..', '..', 'content', 'x') }),
    ).toThrow(/refusing/);
  });
});
