/**
 * The checks that run over all entries at once, after each has been read and checked against its
 * schema. Each returns its problems and changes nothing; `index.ts` runs them in order.
 */
import { join } from 'node:path';
import { contentProcessor } from '../integrations/markdown';
import { formulaExpected, katexReason } from '../integrations/rehype-math-errors';
import { buildCatalog, type CatalogInput } from '../lib/catalog';
import { citedKeys, readCitations } from '../lib/citations';
import { contentFiles, duplicateNames, uniqueName, type CollectionName } from '../lib/content-files';
import { renderFormula, splitMath } from '../lib/math';
import { mdxSyntaxProblem } from '../lib/mdx';
import { ContentError, describeValue, problem, type ContentProblem } from '../lib/problems';
import { paperId, slug } from '../schemas';
import type { CheckedEntry } from './schema';
import { ownName, type SourceFile } from './source';

export interface Context {
  readonly root: string;
  readonly entries: readonly CheckedEntry[];
}

export type Check = (context: Context) => ContentProblem[] | Promise<ContentProblem[]>;

const isConference = (c: CollectionName) => c === 'conferences' || c === 'outlooks';

/** File and folder names: they are ids, addresses and citation keys. */
export const names: Check = ({ entries }) =>
  entries.flatMap(({ source }) => {
    const name = ownName(source);
    const check = (source.collection === 'papers' ? paperId : slug).safeParse(name);
    if (check.success) return [];
    const role = source.collection === 'papers' ? 'citation key' : 'address of the page';
    return [
      problem({
        file: source.file,
        entry: source.label,
        field: isConference(source.collection) ? 'folder name' : 'file name',
        found: `"${name}"`,
        expected: `${check.error.issues[0]?.message ?? 'a valid id'} (the name is the ${role})`,
      }),
    ];
  });

/** Every file, valid or not: two with one name would lose one of them. */
export const duplicates: Check = ({ entries }) =>
  duplicateNames(
    entries
      .filter(({ source }) => !isConference(source.collection))
      .map(({ source }) => ({
        collection: source.collection,
        name: uniqueName(source.collection, source.id),
        file: source.file,
      })),
  );

/** Every MDX body compiled with the site's own processor: syntax, what content may hold, math, citations. */
export const bodies: Check = async ({ root, entries }) => {
  const mdx = entries.filter(({ source }) => source.entry.endsWith('.mdx') && source.data !== undefined);
  if (mdx.length === 0) return [];
  const renderer = await contentProcessor().createMdxRenderer?.({ syntaxHighlight: false }, { optimize: false });
  if (!renderer) throw new Error('the content processor cannot compile MDX');
  const problems: ContentProblem[] = [];
  for (const { source } of mdx) {
    const path = join(root, contentFiles[source.collection].folder, source.entry);
    try {
      await renderer.process(source.body, path, { ...source.data });
    } catch (error) {
      if (error instanceof ContentError) {
        problems.push(...error.problems.map((p) => ({ ...p, file: source.file, entry: source.label })));
      } else {
        const syntax = mdxSyntaxProblem(error, source.body);
        problems.push(problem({ file: source.file, entry: source.label, field: 'body', ...syntax }));
      }
    }
  }
  return problems;
};

/** Formulas in paper summaries and notes, each rendered as the paper page renders it. */
export const recordMath: Check = ({ entries }) =>
  entries.flatMap(({ source, parsed }) => {
    if (source.collection !== 'papers' || parsed === undefined) return [];
    return (['summary', 'note'] as const).flatMap((field) => {
      const text = (parsed as Record<string, unknown>)[field];
      if (typeof text !== 'string') return [];
      const at = { file: source.file, line: source.locate([field]), entry: source.label, field };
      let segments;
      try {
        segments = splitMath(text);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return [problem({ ...at, found: describeValue(text), expected: `a closing $ for every formula (${why})` })];
      }
      return segments.flatMap((s) => {
        if (s.kind !== 'math') return [];
        try {
          renderFormula(s.value);
          return [];
        } catch (error) {
          const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
          return [
            problem({ ...at, found: `$${s.value}$`, expected: formulaExpected(katexReason(cause) ?? String(error)) }),
          ];
        }
      });
    });
  });

/** What the catalog is built from: every entry that passed its schema, as the collections give it. */
export function catalogInputOf(entries: readonly CheckedEntry[]): CatalogInput {
  const valid = (collection: CollectionName) =>
    entries
      .filter(({ source, parsed }) => source.collection === collection && parsed !== undefined)
      .map(({ source, parsed }) => ({ id: source.id, data: parsed, body: source.body, filePath: source.file }));
  return {
    conferences: valid('conferences'),
    outlooks: valid('outlooks'),
    themes: valid('themes'),
    papers: valid('papers'),
    talks: valid('talks'),
    followUps: valid('followUps'),
    forecasts: valid('forecasts'),
  } as CatalogInput;
}

/** The catalog's checks (conferences, citations, talks' themes and papers) over every entry that passed its schema. */
export const references: Check = ({ entries }) => {
  const input = catalogInputOf(entries);
  try {
    buildCatalog(input);
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const invalid = entries.filter((e) => e.parsed === undefined).map((e) => e.source);
    return error.problems
      .filter((p) => !(p.refers && refersToInvalid(invalid, p.refers)))
      .map((p) => {
        const source = entries.find((e) => e.source.file === p.file)?.source;
        const isField = !['body', 'file name', 'folder name'].includes(p.field);
        return { ...p, line: p.line ?? (source && isField ? source.locate([p.field]) : undefined) };
      });
  }
};

/** A reference to an entry that exists but failed its schema: its own errors already say why. */
function refersToInvalid(invalid: readonly SourceFile[], refers: NonNullable<ContentProblem['refers']>) {
  return invalid.some((s) => s.collection === refers.collection && uniqueName(s.collection, s.id) === refers.id);
}

/** Papers no theme cites and themes that cite nothing: probably unfinished, so warnings. */
export const coverage: Check = ({ entries }) => {
  const problems: ContentProblem[] = [];
  const warn = (p: Omit<ContentProblem, 'severity'>) => problems.push({ ...p, severity: 'warning' });
  const cited = new Set<string>();
  let unreadable = false;
  for (const { source } of entries) {
    if (source.collection !== 'themes' || source.data === undefined) continue;
    let keys: string[];
    try {
      keys = citedKeys(readCitations(source.body));
    } catch {
      unreadable = true; // Invalid MDX: the bodies check says where.
      continue;
    }
    for (const key of keys) cited.add(key);
    if (keys.length === 0) {
      warn({
        file: source.file,
        entry: source.label,
        field: 'body',
        found: 'no citation',
        expected: 'the papers the theme discusses, cited as [@paperid]',
      });
    }
  }
  // While a theme cannot be read, which papers it cites is unknown.
  if (unreadable) return problems;
  for (const { source, parsed } of entries) {
    if (source.collection !== 'papers' || parsed === undefined) continue;
    const id = uniqueName(source.collection, source.id);
    if (cited.has(id)) continue;
    warn({
      file: source.file,
      entry: source.label,
      field: 'id',
      found: 'no theme that cites it',
      expected: `a citation [@${id}] in the theme that discusses it`,
    });
  }
  return problems;
};

/** The checks, in the order they run. */
export const CHECKS: readonly Check[] = [names, duplicates, bodies, recordMath, references, coverage];
