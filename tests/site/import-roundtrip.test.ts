/**
 * The round trip: the real digest's conference `.bib`, as the build wrote it, imported into an
 * empty content root gives back every paper's bibliographic fields as the editors wrote them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importBib } from '../../src/import/index';
import { scaffold } from '../../src/scaffold/index';
import { realContent, SITES } from '../helpers/build';
import { readContent } from '../helpers/content';

const content = readContent(realContent);
let root: string;
let saved: string | undefined;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'roundtrip-'));
  saved = process.env['CONTENT_ROOT'];
  process.env['CONTENT_ROOT'] = root;
});
afterAll(() => {
  if (saved === undefined) delete process.env['CONTENT_ROOT'];
  else process.env['CONTENT_ROOT'] = saved;
  rmSync(root, { recursive: true, force: true });
});

/** What BibTeX carries of a record: its fields and where it lives outside the site. */
const bibliographic = (d: Record<string, unknown>) => {
  const links = (d['links'] ?? {}) as { abs?: string; pdf?: string };
  return {
    title: d['title'],
    authors: d['authors'],
    venue: d['venue'],
    year: d['year'],
    arxiv: d['arxiv'],
    record: d['arxiv'] ? undefined : (links.abs ?? links.pdf),
  };
};

it('imports the conference .bib back into records equal to the originals', () => {
  for (const conference of content.conferences) {
    const originals = content.papers.filter((p) => p.conference === conference.stem);
    if (originals.length === 0) continue;
    expect(scaffold(['conference', conference.stem], root).status).toBe(0);
    const file = join(SITES.real.dist, conference.stem, `${conference.stem}.bib`);
    const { status, lines } = importBib([file, '--conference', conference.stem], root);
    expect(lines.filter((l) => !l.startsWith('write')).slice(0, -2), lines.join('\n')).toEqual([]);
    expect(status).toBe(0);
    const folder = join(root, 'papers', conference.stem);
    const imported = readdirSync(folder).map(
      (f) => parse(readFileSync(join(folder, f), 'utf8')) as Record<string, unknown>,
    );
    expect(imported).toHaveLength(originals.length);
    const byTitle = new Map(imported.map((r) => [r['title'], r]));
    for (const original of originals) {
      const copy = byTitle.get(original.data['title']);
      expect(copy, original.file).toBeDefined();
      expect(bibliographic(copy!), original.file).toEqual(bibliographic(original.data));
    }
  }
});
