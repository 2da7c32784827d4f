/**
 * Reading a BibTeX export (Google Scholar, DBLP, arXiv, Zotero, a hand-made file) into paper
 * records: the fields a record takes, decoded from TeX by the parser Zotero's Better BibTeX uses,
 * and the file name from the project's id rule. Pure: `src/import/` reads and writes the files.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { authorKey, splitName } from './authors';
import { PAPER_ID_PATTERN } from './ids';
import { arxivId } from '../schemas';

/** The bibliographic fields of a paper record that an import sets; the summary is the editor's. */
export interface ImportedRecord {
  title: string;
  authors: string[];
  venue: string;
  year: number;
  arxiv?: string;
  links?: { abs?: string; pdf?: string };
}

/** One entry of the file, read: its place, its key, the record, and what the editor should know. */
export interface ImportedEntry {
  line: number;
  key: string;
  record: ImportedRecord;
  /** Things imported as well as they could be, which the editor should check. */
  warnings: string[];
}

/** An entry that could not be read, with where and why. */
export interface UnreadEntry {
  line: number;
  key: string;
  reason: string;
}

/** The line of the file an entry starts on, found from its own text. */
function lineOf(text: string, input: string): number {
  const at = text.indexOf(input.trim().slice(0, 80));
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}

/** Text as a record holds it: markup the parser adds for TeX commands dropped, spaces folded. */
const plain = (value: string): string =>
  value
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');

/** A person as the record prints them, "First von Last, Jr.", from either BibTeX form. */
function personName(creator: Creator): string {
  if (creator.name) return plain(creator.name);
  const family = [creator.prefix, creator.lastName].filter(Boolean).join(' ');
  const name = [creator.firstName, family].filter(Boolean).join(' ');
  return plain(creator.suffix ? `${name}, ${creator.suffix}` : name);
}

const ARXIV_IN_TEXT = /(?:arxiv(?:\.org\/(?:abs|pdf)\/|:\s*|\.)|abs\/)(\d{4}\.\d{4,5})(?:v\d+)?/i;

/** A modern arXiv id without version, if the value is or holds one. */
function arxivFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const bare = value
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/v\d+$/, '');
  const id = arxivId.safeParse(bare).success ? bare : ARXIV_IN_TEXT.exec(value)?.[1];
  return id && arxivId.safeParse(id).success ? id : undefined;
}

/** A venue that is arXiv itself: Google Scholar's "arXiv preprint arXiv:…", DBLP's "CoRR". */
const PREPRINT_VENUE = /^(arxiv preprint\b.*|corr|arxiv)$/i;

/** Reads every entry; an entry without a title, an author or a year is reported, not guessed. */
export function readBib(text: string): { entries: ImportedEntry[]; unread: UnreadEntry[] } {
  const library = parse(text, { english: false });
  const unread: UnreadEntry[] = library.errors.map((e) => {
    const input = e.input ?? '';
    const stated = /at line (\d+)/.exec(e.error)?.[1];
    return {
      // Where the entry starts, which the editor looks for; else where the parser stopped.
      line: (input.trim() !== '' && lineOf(text, input)) || Number(stated ?? 0),
      key: /^@\w+\s*\{\s*([^,\s]*)/.exec(input.trim())?.[1] ?? '',
      reason: `cannot be read: ${e.error.replace(/\s+/g, ' ')}`,
    };
  });
  const entries: ImportedEntry[] = [];
  for (const entry of library.entries) {
    const line = lineOf(text, entry.input);
    if (unread.some((u) => u.key === entry.key && u.key !== '')) continue;
    const result = recordOf(entry);
    if ('reason' in result) unread.push({ line, key: entry.key, reason: result.reason });
    else entries.push({ line, key: entry.key, ...result });
  }
  unread.sort((a, b) => a.line - b.line);
  return { entries, unread };
}

function recordOf(entry: Entry): { record: ImportedRecord; warnings: string[] } | { reason: string } {
  const f = entry.fields;
  const field = (name: string): string | undefined => {
    const value = (f as Record<string, unknown>)[name];
    return typeof value === 'string' && value.trim() !== '' ? plain(value) : undefined;
  };
  const title = field('title');
  if (!title) return { reason: 'has no title' };
  const creators = f.author ?? [];
  const warnings: string[] = [];
  const named = creators.filter((c) => !(c.lastName === 'others' && !c.firstName) && c.name !== 'others');
  if (named.length < creators.length) {
    warnings.push('its author list ends with "and others": add the remaining authors from the paper itself');
  }
  if (named.length === 0) return { reason: 'has no author' };
  const year = Number(/\d{4}/.exec(field('year') ?? field('date') ?? '')?.[0]);
  if (!year) return { reason: 'has no year' };

  const journal = field('journal');
  const arxiv =
    (/arxiv/i.test(`${field('archiveprefix') ?? ''}${field('eprinttype') ?? ''}`) || !field('archiveprefix')
      ? arxivFrom(field('eprint'))
      : undefined) ??
    arxivFrom(field('url')) ??
    arxivFrom(journal) ??
    arxivFrom(field('doi')?.replace(/^10\.48550\//i, '')) ??
    (journal && /^corr$/i.test(journal) ? arxivFrom(field('volume')) : undefined);
  const venueField = field('booktitle') ?? journal ?? field('howpublished') ?? field('publisher');
  const venue = !venueField || PREPRINT_VENUE.test(venueField) ? (arxiv ? 'arXiv preprint' : venueField) : venueField;
  if (!venue) return { reason: 'has no venue (booktitle, journal or howpublished)' };

  const record: ImportedRecord = { title, authors: named.map(personName), venue, year };
  if (arxiv) record.arxiv = arxiv;
  const url = field('url');
  const doi = field('doi');
  if (!arxiv) {
    const link = url ?? (doi ? `https://doi.org/${doi}` : undefined);
    if (!link) return { reason: 'has no arXiv id, url or doi to link the record to' };
    record.links = /\.pdf($|[?#])/i.test(link) ? { pdf: link } : { abs: link };
  }
  return { record, warnings };
}

/** Words a title starts with that say nothing of it. */
const STOPWORDS = new Set(
  'a an the on of in for to and with from by at as is are do does via towards toward using what when how why'.split(
    ' ',
  ),
);

/**
 * The project's id rule: the first author's family name (particles included, diacritics folded),
 * the year, and the first word of the title that is neither a stop word nor a number, in lower-case
 * letters and digits: `han2016deep`, `krahenbuhl2016data`, `defreitas2016neural`. A taken id gets a letter:
 * `han2016deepb`, then `han2016deepc`.
 */
export function paperIdFor(
  record: Pick<ImportedRecord, 'authors' | 'year' | 'title'>,
  taken: ReadonlySet<string>,
): string {
  const first = record.authors[0] ?? '';
  const family = familyOf(first);
  // Words are runs of letters and digits: "Data-dependent" starts with "data", as Google Scholar's keys do.
  const words = authorKey(record.title).split('-');
  const word = words.find((w) => w !== '' && !STOPWORDS.has(w) && !/^\d+$/.test(w)) ?? words.find(Boolean) ?? 'paper';
  const base = `${family}${record.year}${word}`.replace(/[^a-z0-9]/g, '') || `paper${record.year}`;
  if (!PAPER_ID_PATTERN.test(base)) throw new Error(`no valid id from "${first}", ${record.year}, "${record.title}"`);
  if (!taken.has(base)) return base;
  for (let i = 1; i < 26; i++) {
    const id = `${base}${String.fromCharCode(97 + i)}`;
    if (!taken.has(id)) return id;
  }
  throw new Error(`every id from ${base}b to ${base}z is taken`);
}

/** The family name of a name as a record prints it, folded for an id: "Nando de Freitas" gives "defreitas". */
export function familyOf(name: string): string {
  const { particles, family } = splitName(name);
  return authorKey(`${particles}${family}`).replace(/-/g, '');
}

/** A title as duplicates are found by: case, diacritics, punctuation and spacing ignored. */
export const normalTitle = (title: string): string => authorKey(plain(title)).replace(/-/g, '');
