/**
 * Reads a content root directly (YAML and MDX frontmatter), independently of the site's loading
 * code, so built-output tests compare the site against what editors wrote. Citations are the one
 * exception: they have one reader (`src/lib/citations.ts`), and the tests ask it too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parse } from 'yaml';
import { authorKey } from '../../src/lib/authors';
import { citedKeys as keysOf, readCitations } from '../../src/lib/citations';
import { AUTHOR_PAGE_MIN_PAPERS } from '../../src/lib/catalog';

export interface RawEntry {
  file: string;
  stem: string;
  /** The conference folder the file sits in (for a conference, its own folder). */
  conference: string;
  data: Record<string, unknown>;
  body: string;
}

function files(root: string, folder: string, ext: RegExp): string[] {
  // Hindsight folders are optional: a digest may have none.
  if (!existsSync(join(root, folder))) return [];
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !basename(f).startsWith('_'))
    .map((f) => join(root, folder, f))
    .sort();
}

function read(file: string): RawEntry {
  const text = readFileSync(file, 'utf8');
  const stem = basename(file, extname(file));
  const conference = basename(dirname(file));
  if (file.endsWith('.mdx')) {
    const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
    if (!match) throw new Error(`${file}: no frontmatter`);
    const data = parse(match[1] ?? '') as Record<string, unknown>;
    return { file, stem, conference, data, body: text.slice(match[0].length) };
  }
  return { file, stem, conference, data: parse(text) as Record<string, unknown>, body: '' };
}

export function readContent(root: string) {
  const conferences = files(root, 'conferences', /\/index\.mdx$/).map((f) => ({
    ...read(f),
    stem: basename(join(f, '..')),
  }));
  return {
    conferences,
    themes: files(root, 'themes', /\.mdx$/).map(read),
    papers: files(root, 'papers', /\.ya?ml$/).map(read),
    talks: files(root, 'talks', /\.ya?ml$/).map(read),
    followUps: files(root, 'follow-ups', /\.ya?ml$/).map(read),
    forecasts: files(root, 'forecasts', /\.ya?ml$/).map(read),
  };
}

/** Paper ids cited in an MDX body, once each, in order of first appearance: the site's own reader. */
export const citedKeys = (body: string): string[] => keysOf(readCitations(body));

export interface Person {
  /** Spellings as written on the papers. */
  names: string[];
  /** Stems of the person's papers. */
  papers: string[];
  /** Whether the site should give the person a page of their own. */
  hasPage: boolean;
}

/** Everyone named on a paper, by author key (one person whatever the spelling). */
export function people(papers: readonly RawEntry[]): Map<string, Person> {
  const byKey = new Map<string, Person>();
  for (const paper of papers) {
    for (const name of paper.data['authors'] as string[]) {
      const person = byKey.get(authorKey(name)) ?? { names: [], papers: [], hasPage: false };
      if (!person.names.includes(name)) person.names.push(name);
      if (!person.papers.includes(paper.stem)) person.papers.push(paper.stem);
      person.hasPage = person.papers.length >= AUTHOR_PAGE_MIN_PAPERS;
      byKey.set(authorKey(name), person);
    }
  }
  return byKey;
}
