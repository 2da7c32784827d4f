/**
 * `npm run validate`: checks a whole content root the way the build reads it and reports every
 * problem at once, each naming the file (and line), the entry, the field, what was found and what
 * is expected. The build stops at the first bad entry; this runs first and tells the editor all.
 *
 * It reuses what the site uses: the collections' files and schemas (`lib/content-files.ts`),
 * Astro's own frontmatter and YAML parsing, the site's MDX processor (math and citation checks
 * included) and the catalog's reference checks.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { z } from 'astro/zod';
import yaml from 'js-yaml';
import { glob } from 'tinyglobby';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { contentProcessor } from './integrations/markdown';
import { katexReason } from './integrations/rehype-math-errors';
import { buildCatalog, ContentReferenceError, type CatalogInput } from './lib/catalog';
import { scanCitations } from './lib/citations';
import { contentFiles, stem, type CollectionName } from './lib/content-files';
import { contentRoot } from './lib/content-root';
import { renderFormula, splitMath } from './lib/math';
import { describeValue, formatProblem, problem, sortProblems, type ContentProblem } from './lib/problems';
import { paperId, slug } from './schemas';

export interface ValidationReport {
  /** Errors and warnings, by file and line. */
  problems: ContentProblem[];
  errors: number;
  warnings: number;
  /** Content files read. */
  files: number;
}

/** One content file as the validator reads it. */
interface SourceFile {
  collection: CollectionName;
  /** Path as shown to the editor. */
  file: string;
  /** Path under the collection's folder, e.g. `iclr-2016/han2016deep.yaml`. */
  entry: string;
  text: string;
  /** The YAML holding the data; a frontmatter keeps its lines where they are in the file. */
  yamlText: string;
  /** Parsed data, or undefined when the YAML does not parse. */
  data: Record<string, unknown> | undefined;
  /** The MDX body, frontmatter blanked so lines match the file. */
  body: string;
  id: string;
  label: string;
  /** Data after the schema, when it passed. */
  parsed: unknown;
}

const MDX_HINT = 'MDX reads {, } and < in prose as code: outside math write \\{, \\} and \\<';
/** Extensions of files an editor means as content; any other file in a content folder is left alone. */
const CONTENT_EXTENSIONS = /\.(mdx?|markdown|ya?ml|json|toml)$/i;

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;
const basenameOf = (entry: string) => entry.split('/').at(-1) ?? entry;

/** The 1-based file line of a YAML path (or of a key in the map at that path), best effort. */
function yamlLocator(source: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false });
  const lineOf = (node: unknown) => {
    const start = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    return start === undefined ? undefined : lineCounter.linePos(start).line;
  };
  return (path: readonly PropertyKey[], key?: string): number | undefined => {
    for (let depth = path.length; depth >= 1; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (node === undefined) continue;
      if (depth === path.length && key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair) return lineOf(pair.key);
      }
      return lineOf(node);
    }
    if (key !== undefined && isMap(doc.contents)) {
      const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair) return lineOf(pair.key);
    }
    return undefined;
  };
}

/** Zod's names of types, as an editor writing YAML knows them. */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list, e.g. [A, B] or one "- item" per line',
  object: 'a group of "name: value" fields',
  date: 'a date, YYYY-MM-DD',
};

/** Zod's message as what is expected: its category and the "received" part dropped. */
function expectedFrom(message: string): string {
  const expected = message
    .replace(/^(Invalid input|Invalid option|Invalid value|Too small|Too big|Invalid [a-z]+): /, '')
    .replace(/^expected /, '')
    .replace(/, received \w+$/, '');
  return TYPE_NAMES[expected] ?? expected.replace(/^number to be ([<>]=?)(\d+)$/, 'a number $1 $2');
}

/** The object schema at a path, looking through defaults and optionals. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | undefined {
  let current: unknown = schema;
  const unwrap = () => {
    while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap();
  };
  for (const key of path) {
    unwrap();
    current = current instanceof z.ZodObject ? (current.shape as Record<PropertyKey, unknown>)[key] : undefined;
  }
  unwrap();
  return current instanceof z.ZodObject ? current : undefined;
}

/** Edit distance, for "did you mean" on misspelt field names. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

export class Validator {
  private problems: ContentProblem[] = [];
  private sources: SourceFile[] = [];

  constructor(
    /** The content root. */
    readonly root: string,
    /** Paths in messages are relative to this folder when inside it. */
    readonly cwd: string = process.cwd(),
  ) {}

  private show(path: string): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }

  private report(p: Omit<ContentProblem, 'severity'>, severity: ContentProblem['severity'] = 'error') {
    this.problems.push({ ...problem(p), severity });
  }

  async run(): Promise<ValidationReport> {
    if (!existsSync(this.root) || !statSync(this.root).isDirectory()) {
      this.report({
        file: this.show(this.root),
        entry: 'content root',
        field: 'folder name',
        found: 'no such folder',
        expected: 'a folder with conferences/, themes/, papers/ and talks/ (set CONTENT_ROOT or pass the path)',
      });
      return this.summary();
    }
    await this.readFiles();
    await this.findUnloadedFiles();
    for (const source of this.sources) this.checkEntry(source);
    this.checkDuplicateIdsOfInvalidEntries();
    await this.compileMdx();
    this.checkSummaryMath();
    this.checkReferences();
    this.warnAboutCoverage();
    return this.summary();
  }

  private summary(): ValidationReport {
    // Two rules of one field that fail on one value (a pattern and a refinement) say one thing.
    const seen = new Set<string>();
    const unique = this.problems.filter((p) => {
      const key = [p.severity, p.file, p.entry, p.field, p.found].join('\0');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const problems = sortProblems(unique);
    const errors = problems.filter((p) => p.severity === 'error').length;
    return { problems, errors, warnings: problems.length - errors, files: this.sources.length };
  }

  private folder(collection: CollectionName) {
    return join(this.root, contentFiles[collection].folder);
  }

  private async readFiles() {
    if (!existsSync(this.folder('conferences'))) {
      this.report({
        file: this.show(this.folder('conferences')),
        entry: 'content root',
        field: 'folder name',
        found: 'no conferences/ folder',
        expected: 'conferences/<id>/index.mdx for every conference of the digest',
      });
    }
    for (const collection of Object.keys(contentFiles) as CollectionName[]) {
      const spec = contentFiles[collection];
      const folder = this.folder(collection);
      if (!existsSync(folder)) continue;
      const entries = await glob(spec.pattern, { cwd: folder, expandDirectories: false });
      for (const entry of entries.sort()) this.sources.push(this.read(collection, entry));
    }
  }

  private read(collection: CollectionName, entry: string): SourceFile {
    const spec = contentFiles[collection];
    const path = join(this.folder(collection), entry);
    const file = this.show(path);
    const text = readFileSync(path, 'utf8');
    const source: SourceFile = {
      collection,
      file,
      entry,
      text,
      yamlText: text,
      data: undefined,
      body: '',
      id: stem(entry),
      label: `${spec.kind} "${stem(entry)}"`,
      parsed: undefined,
    };
    const isMdx = entry.endsWith('.mdx');
    try {
      if (isMdx) {
        const parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
        source.yamlText = parsed.rawFrontmatter;
        source.body = parsed.content;
        source.data = parsed.frontmatter;
      } else {
        const data: unknown = yaml.load(text, { filename: path });
        if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
          source.data = data as Record<string, unknown>;
        } else {
          this.report({
            file,
            line: 1,
            entry: source.label,
            field: 'YAML',
            found: data === undefined || data === null ? 'an empty file' : describeValue(data),
            expected: 'a YAML mapping of fields, one "name: value" per line',
          });
        }
      }
    } catch (error) {
      if (!(error instanceof yaml.YAMLException)) throw error;
      this.report({
        file,
        line: error.mark.line + 1,
        entry: source.label,
        field: isMdx ? 'frontmatter' : 'YAML',
        found: `invalid YAML (${error.reason})`,
        expected: `valid YAML: check the quoting and indentation near line ${error.mark.line + 1}`,
      });
    }
    if (source.data) {
      source.id = spec.generateId({ entry, data: source.data });
      source.label = `${spec.kind} "${source.id}"`;
    }
    return source;
  }

  /** Files in a collection folder that no collection loads: the site would silently lack them. */
  private async findUnloadedFiles() {
    const loaded = new Set(this.sources.map((s) => join(this.folder(s.collection), s.entry)));
    const folders = new Map<string, string[]>();
    for (const spec of Object.values(contentFiles)) {
      folders.set(spec.folder, [...(folders.get(spec.folder) ?? []), spec.layout]);
    }
    for (const [folder, layouts] of folders) {
      const dir = join(this.root, folder);
      if (!existsSync(dir)) continue;
      for (const entry of await glob('**/*', { cwd: dir, expandDirectories: false })) {
        const name = basenameOf(entry);
        if (name.startsWith('_') || name.startsWith('.') || !CONTENT_EXTENSIONS.test(name)) continue;
        if (loaded.has(join(dir, entry))) continue;
        this.report({
          file: this.show(join(dir, entry)),
          entry: `file "${name}"`,
          field: 'file name',
          found: 'a file that no collection loads',
          expected: `${layouts.join(' or ')}; start the name with _ to keep a draft`,
        });
      }
    }
  }

  /** The id from the file name, the schema, and the folder-conference agreement. */
  private checkEntry(source: SourceFile) {
    const spec = contentFiles[source.collection];
    const { file, label } = source;
    const idName = spec.folder === 'conferences' ? (source.entry.split('/')[0] ?? '') : stem(source.entry);
    const idSchema = source.collection === 'papers' ? paperId : slug;
    const idCheck = idSchema.safeParse(idName);
    if (!idCheck.success) {
      this.report({
        file,
        entry: label,
        field: spec.folder === 'conferences' ? 'folder name' : 'file name',
        found: `"${idName}"`,
        expected: `${idCheck.error.issues[0]?.message ?? 'a valid id'} (the name is the ${source.collection === 'papers' ? 'citation key' : 'address of the page'})`,
      });
    }
    if (!source.data) return;

    const locate = yamlLocator(source.yamlText);
    const result = spec.schema.safeParse(source.data);
    if (result.success) {
      source.parsed = result.data;
    } else {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          const known = Object.keys(objectAt(spec.schema, issue.path)?.shape ?? {});
          for (const key of issue.keys) {
            const close = known.find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
            this.report({
              file,
              line: locate(issue.path, key),
              entry: label,
              field: [...issue.path, key].join('.'),
              found: 'a field this record does not have',
              expected: close
                ? `"${close}"? The fields are: ${known.join(', ')}`
                : `one of the fields ${known.join(', ')}`,
            });
          }
          continue;
        }
        const value = valueAt(source.data, issue.path);
        this.report({
          file,
          line: locate(issue.path),
          entry: label,
          field: issue.path.join('.') || 'YAML',
          found: value === undefined ? 'nothing (the field is missing)' : describeValue(value),
          expected: expectedFrom(issue.message),
        });
      }
    }

    const folderConference = source.entry.split('/')[0];
    const conference = source.data['conference'];
    if (spec.folder !== 'conferences' && source.entry.includes('/') && typeof conference === 'string') {
      if (conference !== folderConference) {
        this.report(
          {
            file,
            line: locate(['conference']),
            entry: label,
            field: 'conference',
            found: `"${conference}" in folder ${spec.folder}/${folderConference}/`,
            expected: `"${folderConference}", or move the file to ${spec.folder}/${conference}/`,
          },
          'warning',
        );
      }
    }
  }

  /**
   * The catalog checks ids of valid entries; two files with the same id where one is invalid would
   * slip past it, so ids are compared over every file here too.
   */
  private checkDuplicateIdsOfInvalidEntries() {
    const byId = new Map<string, SourceFile[]>();
    for (const s of this.sources) {
      const key = `${contentFiles[s.collection].kind}:${s.id}`;
      byId.set(key, [...(byId.get(key) ?? []), s]);
    }
    for (const group of byId.values()) {
      if (group.length < 2 || group.every((s) => s.parsed !== undefined)) continue;
      for (const s of group) {
        const others = group.filter((o) => o !== s).map((o) => o.file);
        this.report({
          file: s.file,
          entry: s.label,
          field: 'file name',
          found: `"${stem(s.entry)}", which ${others.join(', ')} also has`,
          expected: `a ${contentFiles[s.collection].kind} id used once: rename one of the files`,
        });
      }
    }
  }

  /** Compiles every MDX body with the site's own processor: syntax, math and citations. */
  private async compileMdx() {
    const mdx = this.sources.filter((s) => s.entry.endsWith('.mdx') && s.data !== undefined);
    if (mdx.length === 0) return;
    const renderer = await contentProcessor().createMdxRenderer?.({ syntaxHighlight: false }, { optimize: false });
    if (!renderer) throw new Error('the content processor cannot compile MDX');
    for (const source of mdx) {
      try {
        await renderer.process(source.body, join(this.root, contentFiles[source.collection].folder, source.entry), {
          ...source.data,
        });
      } catch (error) {
        this.reportCompileError(source, error);
      }
    }
  }

  private reportCompileError(source: SourceFile, error: unknown) {
    const { file, label } = source;
    const e = error as {
      name?: string;
      formulas?: { line?: number; formula: string; reason: string }[];
      violations?: { line?: number; found: string; expected: string }[];
      source?: string;
      line?: number;
      reason?: string;
      message?: string;
    };
    if (e.name === 'MathRenderError' && e.formulas) {
      for (const f of e.formulas) {
        this.report({
          file,
          line: f.line,
          entry: label,
          field: 'body',
          found: `$${f.formula}$`,
          expected: `TeX that KaTeX can render (${f.reason})`,
        });
      }
      return;
    }
    if (e.name === 'ContentPolicyError' && e.violations) {
      for (const v of e.violations) this.report({ file, line: v.line, entry: label, field: 'body', ...v });
      return;
    }
    // Malformed citations of valid entries are reported by the catalog, every one of them.
    if (e.source === 'remark-citations' && source.parsed !== undefined) return;
    const line = typeof e.line === 'number' ? e.line : undefined;
    const sourceLine = line === undefined ? undefined : source.text.split('\n')[line - 1]?.trim();
    const reason = (e.reason ?? e.message ?? String(error)).replace(/^.*?\.mdx: /, '');
    this.report({
      file,
      line,
      entry: label,
      field: 'body',
      found: sourceLine ? describeValue(sourceLine) : 'text the MDX compiler rejects',
      expected: `valid MDX: ${reason}${/acorn|expression|jsx|tag|character/i.test(reason) ? ` (${MDX_HINT})` : ''}`,
    });
  }

  /** Formulas in paper summaries and notes, each rendered as the paper page renders it. */
  private checkSummaryMath() {
    for (const source of this.sources) {
      if (source.collection !== 'papers' || source.parsed === undefined) continue;
      const locate = yamlLocator(source.yamlText);
      for (const field of ['summary', 'note'] as const) {
        const text = (source.parsed as Record<string, unknown>)[field];
        if (typeof text !== 'string') continue;
        const report = (found: string, expected: string) =>
          this.report({ file: source.file, line: locate([field]), entry: source.label, field, found, expected });
        let segments;
        try {
          segments = splitMath(text);
        } catch (error) {
          report(
            describeValue(text),
            `a closing $ for every formula (${error instanceof Error ? error.message : String(error)})`,
          );
          continue;
        }
        for (const s of segments) {
          if (s.kind !== 'math') continue;
          try {
            renderFormula(s.value);
          } catch (error) {
            const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
            report(`$${s.value}$`, `TeX that KaTeX can render (${katexReason(cause) ?? String(error)})`);
          }
        }
      }
    }
  }

  /** The catalog's reference checks over every entry that passed its schema. */
  private checkReferences() {
    const valid = (collection: CollectionName) =>
      this.sources
        .filter((s) => s.collection === collection && s.parsed !== undefined)
        .map((s) => ({ id: s.id, data: s.parsed, body: s.body.trim(), filePath: s.file }));
    const input = {
      conferences: valid('conferences'),
      outlooks: valid('outlooks'),
      themes: valid('themes'),
      papers: valid('papers'),
      talks: valid('talks'),
    } as CatalogInput;
    try {
      buildCatalog(input);
    } catch (error) {
      if (!(error instanceof ContentReferenceError)) throw error;
      const invalid = this.sources.filter((s) => s.parsed === undefined);
      for (const p of error.problems) {
        if (p.refers && this.isInvalidEntry(invalid, p.refers)) continue;
        const source = this.sources.find((s) => s.file === p.file);
        this.problems.push({ ...p, line: source ? this.lineOfProblem(source, p) : undefined });
      }
    }
  }

  /** A reference to an entry that exists but failed its schema: its own errors already say why. */
  private isInvalidEntry(invalid: SourceFile[], refers: NonNullable<ContentProblem['refers']>) {
    return invalid.some((s) => {
      if (s.collection !== refers.collection) return false;
      if (s.id === refers.id) return true;
      // A theme whose conference field is broken: match it by its folder.
      return s.collection === 'themes' && `${s.entry.split('/')[0]}/${stem(s.entry)}` === refers.id;
    });
  }

  private lineOfProblem(source: SourceFile, p: ContentProblem): number | undefined {
    if (p.field === 'body') {
      const index = source.text.indexOf(p.found);
      return index < 0 ? undefined : lineAt(source.text, index);
    }
    if (p.field === 'file name' || p.field === 'folder name') return undefined;
    return yamlLocator(source.yamlText)([p.field]);
  }

  /** Papers no theme cites and themes that cite nothing: probably unfinished, so warnings. */
  private warnAboutCoverage() {
    const themes = this.sources.filter((s) => s.collection === 'themes' && s.data !== undefined);
    const cited = new Set<string>();
    for (const theme of themes) {
      const { groups } = scanCitations(theme.body);
      for (const g of groups) for (const key of g.keys) cited.add(key);
      if (groups.length === 0) {
        this.report(
          {
            file: theme.file,
            entry: theme.label,
            field: 'body',
            found: 'no citation',
            expected: 'the papers the theme discusses, cited as [@paperid]',
          },
          'warning',
        );
      }
    }
    for (const paper of this.sources.filter((s) => s.collection === 'papers' && s.parsed !== undefined)) {
      if (cited.has(paper.id)) continue;
      this.report(
        {
          file: paper.file,
          entry: paper.label,
          field: 'id',
          found: 'no theme that cites it',
          expected: `a citation [@${paper.id}] in the theme that discusses it`,
        },
        'warning',
      );
    }
  }
}

/** Validates a content root (default: `CONTENT_ROOT` or `content/`). */
export function validateContent(root: string = contentRoot(), cwd?: string): Promise<ValidationReport> {
  return new Validator(root, cwd).run();
}

/** The report as printed: errors, then warnings, then one summary line. */
export function formatReport(report: ValidationReport, root: string): string {
  const lines = [
    ...report.problems.filter((p) => p.severity === 'error').map((p) => `error   ${formatProblem(p)}`),
    ...report.problems.filter((p) => p.severity === 'warning').map((p) => `warning ${formatProblem(p)}`),
  ];
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${count(report.files, 'content file')} in ${root} checked: ${count(report.errors, 'error')}, ${count(report.warnings, 'warning')}.`,
  );
  return lines.join('\n');
}

/** The command line: `validate [content root]`; returns the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  const root = args[0] ? contentRoot({ CONTENT_ROOT: args[0] }) : contentRoot();
  const report = await validateContent(root);
  const shown = relative(process.cwd(), root) || '.';
  console.log(formatReport(report, shown.startsWith('..') ? root : shown));
  return report.errors > 0 ? 1 : 0;
}
