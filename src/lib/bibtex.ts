/**
 * BibTeX export: one entry per paper, and whole files of them. The entries are written for the
 * oldest reader in the chain (8-bit BibTeX with a classic style) and read the same in biber and
 * reference managers: TeX escapes for special characters, accent commands for diacritics, braces
 * that keep capitalised title words as printed, and the arXiv id as `eprint`.
 */
import type { Conference, Paper, Theme } from './catalog';
import { count } from './text';
import { arxivAbsUrl, paperRecordUrl } from './urls';

/** The media type of a `.bib` file, as the site serves and the browser downloads it. */
export const BIBTEX_MEDIA_TYPE = 'application/x-bibtex';

export interface BibtexInput {
  id: string;
  title: string;
  authors: readonly string[];
  venue: string;
  year: number;
  arxiv?: string | undefined;
  /** The record outside the site where there is no arXiv id: a landing page or a PDF. */
  url?: string | undefined;
}

/** What BibTeX says of a paper of the catalog: its record's fields and where it lives outside the site. */
export const bibtexInput = ({ id, data }: Paper): BibtexInput => ({
  id,
  title: data.title,
  authors: data.authors,
  venue: data.venue,
  year: data.year,
  arxiv: data.arxiv,
  url: paperRecordUrl(data),
});

/**
 * BibTeX counts every brace, escaped or not, so a lone `\}` in a title would still close the field
 * and spill the rest of the entry: braces become brace-balanced text commands instead.
 */
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '#': '\\#',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default font encoding these three print as ¡, ¿ and an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  // Typography that has an ASCII spelling in TeX, which every tool reads.
  '\u2013': '--',
  '\u2014': '---',
  '\u2018': '`',
  '\u2019': "'",
  '\u201C': '``',
  '\u201D': "''",
  '\u00A0': '~',
};

/** Letters that are not a base letter plus an accent: TeX has a command for each. */
const LETTERS: Record<string, string> = {
  ß: '\\ss',
  æ: '\\ae',
  Æ: '\\AE',
  œ: '\\oe',
  Œ: '\\OE',
  ø: '\\o',
  Ø: '\\O',
  ł: '\\l',
  Ł: '\\L',
  ı: '\\i',
  å: '\\aa',
  Å: '\\AA',
};

/** Combining marks and the TeX accent that writes each. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030A': 'r',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
};

/**
 * A letter with diacritics as `{\"a}`: legacy BibTeX sorts and abbreviates it as the letter, and
 * biber and reference managers decode it back to the same character. Characters TeX has no ASCII
 * spelling for (Greek, CJK) stay UTF-8, which biber reads and BibTeX copies through.
 */
function texLetter(char: string): string {
  const [letter = '', ...marks] = char.normalize('NFD');
  if (!/^[A-Za-z]$/.test(letter) || marks.length === 0 || marks.some((m) => !(m in ACCENTS))) return char;
  let tex = letter;
  for (const mark of marks) {
    const accent = ACCENTS[mark]!;
    // `\"a` for a symbol accent, `\c{c}` for a letter one, as BibTeX's own documentation writes them.
    tex = /^[a-z]$/i.test(accent) || tex.length > 1 ? `\\${accent}{${tex}}` : `\\${accent}${tex}`;
  }
  return `{${tex}}`;
}

/** One character as BibTeX text. */
function texChar(char: string): string {
  return SPECIAL[char] ?? (LETTERS[char] ? `{${LETTERS[char]}}` : /^[\x20-\x7E]$/.test(char) ? char : texLetter(char));
}

/** Pairs TeX fonts print as one glyph (`--` as an en dash, `''` as a closing quote, ``!` `` as ¡). */
const LIGATURES = new Set(['--', "''", '``', '!`', '?`', ',,']);

/** Escapes BibTeX's special characters and spells diacritics in TeX, so any text survives as itself. */
export function escapeBibtex(value: string): string {
  const chars = [...value.normalize('NFC').replace(/\s+/g, ' ').trim()];
  // An empty group between two characters keeps them apart, as written.
  return chars.map((c, i) => texChar(c) + (LIGATURES.has(c + (chars[i + 1] ?? '')) ? '{}' : '')).join('');
}

/**
 * A title with each run of capitalised words braced, `{Deep Compression}: {Compressing Deep}...`:
 * styles that set titles in sentence case leave those words as the record prints them (ImageNet,
 * LSTMs, Huffman), and lower-case words stay free for the style to change.
 */
export function protectTitle(title: string): string {
  const words = title.normalize('NFC').replace(/\s+/g, ' ').trim().split(' ');
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const text = run.map(escapeBibtex).join(' ');
    // `{\` opens a special character, whose letters BibTeX does change case: protect it one level up.
    if (run.length > 0) out.push(text.startsWith('\\') ? `{{${text}}}` : `{${text}}`);
    run = [];
  };
  for (const word of words) {
    if (/\p{Lu}/u.test(word)) run.push(word);
    else {
      flush();
      out.push(escapeBibtex(word));
    }
  }
  flush();
  const protectedTitle = out.join(' ');
  // A value that is one braced group reads to importers as the old double-brace habit, whose outer
  // braces they drop before changing case: a second layer keeps "Dynamic Capacity Networks" whole.
  return words.every((w) => /\p{Lu}/u.test(w)) ? `{${protectedTitle}}` : protectedTitle;
}

/**
 * A URL as BibTeX's `url` field holds it: verbatim, never TeX-escaped (biber and `\url` read it
 * as is), with only the characters that would unbalance the field or split it percent-encoded.
 */
export function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A venue that is a preprint server, not a publication. */
export const isPreprint = (venue: string): boolean => /^arxiv\b/i.test(venue.trim());

/** One author; a name with a word "and" in it (a collaboration) is braced so BibTeX keeps it whole. */
const bibtexName = (name: string) => (/\sand\s/i.test(name) ? `{${escapeBibtex(name)}}` : escapeBibtex(name));

/** A BibTeX entry: `@inproceedings` for a venue, `@misc` with the eprint for a preprint. */
export function toBibtex(paper: BibtexInput): string {
  const preprint = isPreprint(paper.venue);
  const fields: [string, string][] = [
    ['title', protectTitle(paper.title)],
    ['author', paper.authors.map(bibtexName).join(' and ')],
  ];
  // A venue is a title too: "ICLR 2016" must not become "Iclr 2016" in a sentence-case style.
  if (!preprint) fields.push(['booktitle', protectTitle(paper.venue)]);
  fields.push(['year', String(paper.year)]);
  if (paper.arxiv) {
    fields.push(['eprint', paper.arxiv], ['archivePrefix', 'arXiv']);
  }
  const url = paper.arxiv ? arxivAbsUrl(paper.arxiv) : paper.url;
  if (url) fields.push(['url', bibtexUrl(url)]);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@${preprint ? 'misc' : 'inproceedings'}{${paper.id},\n${body}\n}`;
}

/**
 * A `.bib` file: a comment line saying what it holds, then the entries in the order given. The
 * comment has no `@`, which BibTeX would read as the start of an entry.
 */
export function toBibtexFile(heading: string, papers: readonly BibtexInput[]): string {
  const comment = heading.replace(/[@\r\n]/g, ' ');
  return `% ${comment}\n\n${papers.map(toBibtex).join('\n\n')}\n`;
}

/** The `.bib` file of a theme: the papers it cites, in the order of its reference list. */
export const themeBibtexFile = (theme: Theme): string =>
  toBibtexFile(
    `BibTeX for the ${count(theme.papers.length, 'paper')} cited in "${theme.data.title}", a theme of the ${theme.conference.data.shortName} digest`,
    theme.papers.map(bibtexInput),
  );

/** The `.bib` file of a conference: every paper of its digest. */
export const conferenceBibtexFile = (conference: Conference): string =>
  toBibtexFile(
    `BibTeX for the ${count(conference.papers.length, 'paper')} of the ${conference.data.shortName} digest`,
    conference.papers.map(bibtexInput),
  );
