/**
 * `npm run new -- conference <id>`, `npm run new -- theme <conference> <slug>`,
 * `npm run new -- paper <conference> <id>`: writes a skeleton that passes validation, each field
 * explained in a comment beside it, into the content root (`CONTENT_ROOT`, as for the build). It
 * refuses an id that another file has, or that would take the address of one of the site's pages.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { contentRoot } from '../lib/content-root';
import { contentFiles } from '../lib/content-files';
import { PAPER_ID_PATTERN, SLUG_PATTERN } from '../lib/ids';
import { splitMdx } from '../lib/mdx';
import { RESERVED_SEGMENTS, RESERVED_THEME_SLUGS } from '../lib/urls';

const USAGE = [
  'usage: npm run new -- conference <id>',
  '       npm run new -- theme <conference> <slug>',
  '       npm run new -- paper <conference> <id>',
].join('\n');

/** A refusal, said to the editor: the command writes nothing. */
class Refused extends Error {}

const frontmatterOf = (file: string): Record<string, unknown> => splitMdx(readFileSync(file, 'utf8')).data;

function conferenceOf(root: string, id: string): Record<string, unknown> {
  const file = join(root, contentFiles.conferences.folder, id, 'index.mdx');
  if (!existsSync(file)) {
    throw new Refused(`no conference "${id}": create it first with npm run new -- conference ${id}`);
  }
  return frontmatterOf(file);
}

function conferenceSkeleton(id: string): string {
  const year = /(\d{4})$/.exec(id)?.[1] ?? String(new Date().getUTCFullYear());
  return `---
# The conference's full name, e.g. "International Conference on Learning Representations".
name: Full name of the conference
# The name with its year, as titles and navigation show it, e.g. "ICLR 2016".
shortName: ${id.replace(/-(\d{4})$/, ' $1').toUpperCase()}
# The year it took place.
year: ${year}
# Its first and last day, YYYY-MM-DD.
dates: { start: ${year}-01-01, end: ${year}-01-01 }
# City and country.
location: City, Country
# The official site of this edition.
website: https://example.org/
# One specific sentence: what the digest covers (320 characters at most).
summary: One sentence on what this digest covers.
# Optional: published (YYYY-MM-DD), deadlines ({ paper, abstract, source }), hindsightReviewed (YYYY-MM-DD).
---

{/* The overview, in your words: what the conference was about. Cite a paper as [@paperid]. */}

The overview of the conference.
`;
}

function themeSkeleton(slug: string, order: number): string {
  const title = slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return `---
# The heading of the theme's page.
title: ${title}
# Its place among the conference's themes (1 first).
order: ${order}
# One specific sentence: what a reader learns here (320 characters at most).
summary: One sentence on what a reader learns in this theme.
---

{/*
  The discussion, in your words. Cite each paper where you discuss it: [@paperid], or [@a; @b] for
  several; the reference list is numbered in the order of first citation. Headings (##) make the
  page's table of contents; math is $inline$ or $$display$$.
*/}

What the papers of this theme have in common, and what each adds.
`;
}

function paperSkeleton(conference: Record<string, unknown>): string {
  const shortName = typeof conference['shortName'] === 'string' ? conference['shortName'] : 'Venue';
  const year = typeof conference['year'] === 'number' ? conference['year'] : new Date().getUTCFullYear();
  return `# The exact title, as on the record (the arXiv page, or the publisher's).
title: Exact title of the paper
# Every author, in order, with full names as printed on the paper.
authors:
  - First Author
# Where it appeared, e.g. "${shortName}", "${shortName} Workshop", "arXiv preprint".
venue: ${shortName}
# The year of that venue.
year: ${year}
# conference (its main track), workshop (its workshop track) or other (not a paper of it).
track: conference
# Its arXiv id without version, e.g. arxiv: "1510.00149". A paper without one gives its landing
# page (links.abs) or PDF (links.pdf) instead; links.code and links.video are optional.
links:
  abs: https://example.org/
# Optional: award (e.g. "Best Paper"), note (where the source's citation differs from the record).
# One paragraph in your own words; inline math as $...$, a literal dollar as \\$.
summary: What the paper does and finds, in your words.
`;
}

/** Every paper id in the content root: ids are citation keys, shared by all digests. */
function paperIds(root: string): Set<string> {
  const folder = join(root, contentFiles.papers.folder);
  if (!existsSync(folder)) return new Set();
  return new Set(
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => basename(f).replace(/\.ya?ml$/, '')),
  );
}

function nextThemeOrder(root: string, conference: string): number {
  const folder = join(root, contentFiles.themes.folder, conference);
  if (!existsSync(folder)) return 1;
  const orders = readdirSync(folder)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => Number(frontmatterOf(join(folder, f))['order']))
    .filter(Number.isFinite);
  return Math.max(0, ...orders) + 1;
}

/** The file to write and its text, or a refusal. */
function plan(root: string, args: readonly string[]): { file: string; text: string } {
  const [kind, first, second] = args;
  const slugOk = (value: string | undefined, what: string): string => {
    if (!value) throw new Refused(USAGE);
    if (!SLUG_PATTERN.test(value))
      throw new Refused(`${what} "${value}": use lower-case letters, digits and single hyphens`);
    return value;
  };
  if (kind === 'conference') {
    const id = slugOk(first, 'conference id');
    if (RESERVED_SEGMENTS.includes(id))
      throw new Refused(`"${id}" is the address of one of the site's own pages: choose another id`);
    const file = join(root, contentFiles.conferences.folder, id, 'index.mdx');
    if (existsSync(dirname(file))) throw new Refused(`conference "${id}" exists already (${dirname(file)})`);
    return { file, text: conferenceSkeleton(id) };
  }
  if (kind === 'theme') {
    const conference = slugOk(first, 'conference id');
    const slug = slugOk(second, 'theme slug');
    conferenceOf(root, conference);
    if (RESERVED_THEME_SLUGS.includes(slug)) {
      throw new Refused(`"${slug}" is the address of one of the conference's own pages: choose another slug`);
    }
    const file = join(root, contentFiles.themes.folder, conference, `${slug}.mdx`);
    if (existsSync(file)) throw new Refused(`theme "${conference}/${slug}" exists already (${file})`);
    return { file, text: themeSkeleton(slug, nextThemeOrder(root, conference)) };
  }
  if (kind === 'paper') {
    const conference = slugOk(first, 'conference id');
    if (!second) throw new Refused(USAGE);
    if (!PAPER_ID_PATTERN.test(second)) {
      throw new Refused(`paper id "${second}": use lower-case letters and digits, e.g. "han2016deep"`);
    }
    const data = conferenceOf(root, conference);
    if (paperIds(root).has(second))
      throw new Refused(`paper "${second}" exists already: paper ids are shared by every digest`);
    return { file: join(root, contentFiles.papers.folder, conference, `${second}.yaml`), text: paperSkeleton(data) };
  }
  throw new Refused(USAGE);
}

export function scaffold(args: readonly string[], cwd: string = process.cwd()): { status: number; lines: string[] } {
  const root = contentRoot();
  try {
    const { file, text } = plan(root, args);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
    return { status: 0, lines: [`wrote ${relative(cwd, file) || file}: fill in each field, then npm run validate`] };
  } catch (error) {
    if (error instanceof Refused) return { status: 1, lines: [error.message] };
    throw error;
  }
}

export function main(args: readonly string[]): number {
  const { status, lines } = scaffold(args);
  console.log(lines.join('\n'));
  return status;
}
