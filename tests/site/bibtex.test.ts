/**
 * The BibTeX files of the built site: one per conference and one per theme that cites papers,
 * linked from their pages, read by the parser reference managers use (Better BibTeX's) and by the
 * real `bibtex` and `biber` without a warning, and saying what the pages say.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { fixture, realContent, SITES } from '../helpers/build';
import { citedKeys, readContent } from '../helpers/content';
import { bibtexToolProblems } from '../helpers/bibtex-tools';
import { Dist } from '../helpers/dist';
import { joinNames } from '../../src/lib/authors';

function read(dist: Dist, sitePath: string) {
  const file = dist.fileFor(sitePath);
  expect(file, `${sitePath} is in the build`).toBeDefined();
  const library = parse(readFileSync(file!, 'utf8'));
  expect(library.errors, sitePath).toEqual([]);
  return library.entries;
}

/** The one link to a `.bib` file on a page. */
function bibLink(dist: Dist, page: string) {
  const $ = dist.page(page);
  const links = $('a[href$=".bib"]');
  expect(links.length, `${page} links one .bib file`).toBe(1);
  expect(links.attr('download'), page).toBeDefined();
  return { href: links.attr('href')!, text: links.text().replace(/\s+/g, ' ').trim() };
}

const text = ($: ReturnType<Dist['page']>, selector: string) =>
  $(selector).first().text().replace(/\s+/g, ' ').trim().normalize('NFC');

describe.each([
  { ...SITES.real, content: realContent },
  { ...SITES.hostile, content: fixture('hostile') },
])('BibTeX files of the $name site', ({ dist: root, content: contentRoot }) => {
  const dist = new Dist(root);
  const content = readContent(contentRoot);
  const themes = content.themes
    .map((t) => ({ path: `/${t.conference}/${t.stem}/`, keys: citedKeys(t.body) }))
    .filter((t) => t.keys.length > 0);

  it("lists a theme's papers in the order of its reference list, linked from the theme", () => {
    expect(themes.length).toBeGreaterThan(0);
    for (const theme of themes) {
      const { href, text: label } = bibLink(dist, theme.path);
      expect(href.startsWith(theme.path), `${href} sits under ${theme.path}`).toBe(true);
      expect(
        read(dist, href).map((e) => e.key),
        theme.path,
      ).toEqual(theme.keys);
      expect(label, theme.path).toContain(String(theme.keys.length));
    }
  });

  it('holds every paper of a conference in its file, as each paper page shows it', () => {
    for (const conference of content.conferences) {
      const papers = content.papers.filter((p) => p.conference === conference.stem).map((p) => p.stem);
      if (papers.length === 0) continue;
      const { href } = bibLink(dist, `/${conference.stem}/`);
      const entries = read(dist, href);
      expect(entries.map((e) => e.key).sort()).toEqual([...papers].sort());
      for (const entry of entries) {
        const $ = dist.page(`/papers/${entry.key}/`);
        expect(entry.fields.title?.normalize('NFC'), entry.key).toBe(text($, 'h1'));
        const authors = (entry.fields.author ?? []).map((a) =>
          (a.name ?? [a.firstName, a.prefix, a.lastName].filter(Boolean).join(' ')).normalize('NFC'),
        );
        expect(joinNames(authors), entry.key).toBe(text($, '.authors'));
        // The same entry as the paper page's own BibTeX.
        expect($('section[aria-labelledby="cite-heading"] pre').text(), entry.key).toBe(entry.input.trim());
      }
    }
  });

  it('is read by bibtex and biber without a warning', async () => {
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bib'));
    expect(files.length).toBeGreaterThan(themes.length);
    // Two at a time: biber takes a second to start, and the machine has cores to spare for it.
    for (let i = 0; i < files.length; i += 2) {
      const pair = files.slice(i, i + 2);
      const problems = await Promise.all(pair.map((f) => bibtexToolProblems(join(root, f))));
      pair.forEach((file, j) => expect(problems[j], file).toEqual([]));
    }
  });
});
