/**
 * `npm run import -- <file.bib> --conference <id> [--track conference|workshop|other] [--dry-run] [--update]`:
 * writes one paper record per BibTeX entry into `papers/<id>/` of the content root (`CONTENT_ROOT`,
 * as for the build). It never overwrites: an entry whose arXiv id or title is already a record, in
 * any conference, is reported and skipped, or with `--update` has that record's bibliographic
 * fields refreshed, never the editor's summary, note, award or track. Every entry it cannot read
 * is reported with its line and reason, and the rest are imported. The summary is left for the
 * editor: `npm run validate` lists the ones still to write.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { normalTitle, paperIdFor, readBib, type ImportedRecord } from '../lib/bib-import';
import { contentRoot } from '../lib/content-root';
import { contentFiles } from '../lib/content-files';
import { SLUG_PATTERN } from '../lib/ids';
import { count } from '../lib/text';
import { track as trackSchema } from '../schemas';

interface Options {
  file: string;
  conference: string;
  track: 'conference' | 'workshop' | 'other';
  dryRun: boolean;
  update: boolean;
}

const USAGE =
  'usage: npm run import -- <file.bib> --conference <id> [--track conference|workshop|other] [--dry-run] [--update]';

function options(args: readonly string[]): Options | string {
  const rest = [...args];
  let file: string | undefined;
  let conference: string | undefined;
  let track = 'conference';
  let dryRun = false;
  let update = false;
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--conference') conference = rest.shift();
    else if (arg === '--track') track = rest.shift() ?? '';
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--update') update = true;
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    else if (file === undefined) file = arg;
    else return `one .bib file at a time (found ${file} and ${arg})\n${USAGE}`;
  }
  if (!file) return USAGE;
  if (!conference) return `name the conference the papers belong to: --conference <id>\n${USAGE}`;
  if (!SLUG_PATTERN.test(conference))
    return `--conference "${conference}": a conference id is lower-case letters, digits and hyphens`;
  const parsedTrack = trackSchema.safeParse(track);
  if (!parsedTrack.success) return `--track "${track}": one of conference, workshop, other`;
  return { file, conference, track: parsedTrack.data, dryRun, update };
}

/** A paper record already in the content root: where it is and what identifies it. */
interface Existing {
  file: string;
  id: string;
  arxiv: string | undefined;
  title: string;
}

function existingRecords(root: string): Existing[] {
  const folder = join(root, contentFiles.papers.folder);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f) && !basename(f).startsWith('_'))
    .map((f) => {
      const file = join(folder, f);
      const data = (parseDocument(readFileSync(file, 'utf8')).toJS() ?? {}) as Record<string, unknown>;
      return {
        file,
        id: basename(f).replace(/\.ya?ml$/, ''),
        arxiv: typeof data['arxiv'] === 'string' ? data['arxiv'] : undefined,
        title: typeof data['title'] === 'string' ? normalTitle(data['title']) : '',
      };
    });
}

/** A new record's YAML: the bibliographic fields, in the order editors write them, and the track. */
function recordYaml(record: ImportedRecord, track: string): string {
  const { title, authors, venue, year, arxiv, links } = record;
  return stringify(
    { title, authors, venue, year, track, ...(arxiv ? { arxiv } : {}), ...(links ? { links } : {}) },
    { lineWidth: 120 },
  );
}

/** Refreshes the bibliographic fields of an existing record, keeping everything else as written. */
function updatedYaml(text: string, record: ImportedRecord): { yaml: string; changed: string[] } {
  const doc = parseDocument(text);
  const changed: string[] = [];
  const set = (path: string[], value: unknown) => {
    const old: unknown = doc.getIn(path);
    if (JSON.stringify(old) === JSON.stringify(value)) return;
    doc.setIn(path, value);
    changed.push(path.join('.'));
  };
  set(['title'], record.title);
  set(['authors'], record.authors);
  set(['venue'], record.venue);
  set(['year'], record.year);
  if (record.arxiv) set(['arxiv'], record.arxiv);
  if (record.links?.abs) set(['links', 'abs'], record.links.abs);
  if (record.links?.pdf) set(['links', 'pdf'], record.links.pdf);
  return { yaml: doc.toString({ lineWidth: 120 }), changed };
}

export function importBib(args: readonly string[], cwd: string = process.cwd()): { status: number; lines: string[] } {
  const parsed = options(args);
  if (typeof parsed === 'string') return { status: 2, lines: [parsed] };
  const root = contentRoot();
  const show = (path: string) => relative(cwd, path) || path;
  if (!existsSync(parsed.file)) return { status: 2, lines: [`${parsed.file}: no such file`] };
  const text = readFileSync(parsed.file, 'utf8');
  const { entries, unread } = readBib(text);
  const existing = existingRecords(root);
  const taken = new Set(existing.map((e) => e.id));
  const byArxiv = new Map(existing.flatMap((e) => (e.arxiv ? [[e.arxiv, e] as const] : [])));
  const byTitle = new Map(existing.map((e) => [e.title, e] as const));
  const folder = join(root, contentFiles.papers.folder, parsed.conference);
  const lines: string[] = [];
  const at = (line: number, key: string) => `${parsed.file}:${line}: @${key ? `{${key}}` : 'entry'}`;
  let written = 0;
  let skipped = 0;
  let updated = 0;

  for (const u of unread) lines.push(`error   ${at(u.line, u.key)} ${u.reason}; not imported`);
  for (const entry of entries) {
    const { record } = entry;
    for (const w of entry.warnings) lines.push(`warning ${at(entry.line, entry.key)} ${w}`);
    const same = (record.arxiv ? byArxiv.get(record.arxiv) : undefined) ?? byTitle.get(normalTitle(record.title));
    if (same) {
      const why = record.arxiv && same.arxiv === record.arxiv ? `arXiv id ${record.arxiv}` : 'title';
      if (!parsed.update) {
        skipped++;
        lines.push(
          `skipped ${at(entry.line, entry.key)} has the same ${why} as ${show(same.file)} (--update refreshes it)`,
        );
        continue;
      }
      const { yaml, changed } = updatedYaml(readFileSync(same.file, 'utf8'), record);
      if (changed.length === 0) {
        lines.push(`same    ${at(entry.line, entry.key)} ${show(same.file)} is up to date`);
        continue;
      }
      updated++;
      lines.push(`update  ${show(same.file)}: ${changed.join(', ')} (from ${at(entry.line, entry.key)})`);
      if (!parsed.dryRun) writeFileSync(same.file, yaml);
      continue;
    }
    const id = paperIdFor(record, taken);
    taken.add(id);
    const file = join(folder, `${id}.yaml`);
    const yaml = recordYaml(record, parsed.track);
    const entered = { file, id, arxiv: record.arxiv, title: normalTitle(record.title) };
    if (record.arxiv) byArxiv.set(record.arxiv, entered);
    byTitle.set(entered.title, entered);
    written++;
    lines.push(`${parsed.dryRun ? 'would write' : 'write  '} ${show(file)} (from ${at(entry.line, entry.key)})`);
    if (parsed.dryRun)
      lines.push(
        ...yaml
          .trimEnd()
          .split('\n')
          .map((l) => `    ${l}`),
      );
    else {
      mkdirSync(folder, { recursive: true });
      writeFileSync(file, yaml, { flag: 'wx' });
    }
  }
  lines.push(
    `${parsed.dryRun ? 'Would write' : 'Wrote'} ${count(written, 'record')} and ${parsed.dryRun ? 'update' : 'updated'} ` +
      `${updated}; skipped ${count(skipped, 'duplicate')}; ${count(unread.length, 'entry', 'entries')} not read.`,
  );
  if (written > 0 && !parsed.dryRun) {
    lines.push('Each new record needs a summary in your words: `npm run validate` lists the ones still to write.');
  }
  return { status: unread.length > 0 ? 1 : 0, lines };
}

export function main(args: readonly string[]): number {
  const { status, lines } = importBib(args);
  console.log(lines.join('\n'));
  return status;
}
