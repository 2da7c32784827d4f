/**
 * Reads a content root directly (YAML and MDX frontmatter), independently of the site's code,
 * so built-output tests compare the site against what editors wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { authorKey } from '../../src/lib/authors';
import { AUTHOR_PAGE_MIN_PAPERS } from '../../src/lib/catalog';

export interface RawEntry {
  file: string;
  stem: string;
  data: Record<string, unknown>;
  body: string;
}

function files(root: string, folder: string, ext: RegExp): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !basename(f).startsWith('_'))
    .map((f) => join(root, folder, f))
    .sort();
}

function read(file: string): RawEntry {
  const text = readFileSync(file, 'utf8');
  const stem = basename(file, extname(file));
  if (file.endsWith('.mdx')) {
    const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
    if (!match) throw new Error(`${file}: no frontmatter`);
    return { file, stem, data: parse(match[1] ?? '') as Record<string, unknown>, body: text.slice(match[0].length) };
  }
  return { file, stem, data: parse(text) as Record<string, unknown>, body: '' };
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
  };
}

/** Paper ids cited in an MDX body, once each, in order of first appearance (code and math skipped). */
export function citedKeys(body: string): string[] {
  const prose = body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/(?<!\\)\$[^$\n]*(?<!\\)\$/g, '');
  const keys: string[] = [];
  for (const group of prose.matchAll(/\[(@[^\]]+)\]/g)) {
    for (const part of (group[1] ?? '').split(';')) {
      const key = part.trim().replace(/^@/, '');
      if (!keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

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
