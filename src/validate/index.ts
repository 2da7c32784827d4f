/**
 * `npm run validate`: checks a whole content root the way the build reads it and reports every
 * problem at once, each naming the file (and line), the entry, the field, what was found and what
 * is expected. The build stops at the first bad entry; this runs first and tells the editor all.
 *
 * A pipeline of steps over immutable entries: read every file once (`read.ts`, `source.ts`), check
 * each against its schema (`schema.ts`), then run the checks over all of them (`checks.ts`). It
 * reuses what the site uses: the collections' files and schemas (`lib/content-files.ts`), the
 * site's MDX processor, the one citation reader and the catalog's reference checks.
 */
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { contentRoot } from '../lib/content-root';
import { count } from '../lib/text';
import { formatProblem, problem, sortProblems, type ContentProblem } from '../lib/problems';
import { CHECKS } from './checks';
import { pathShown, readContentRoot } from './read';
import { checkSchema } from './schema';

export interface ValidationReport {
  /** Errors and warnings, by file and line. */
  problems: ContentProblem[];
  errors: number;
  warnings: number;
  /** Content files read. */
  files: number;
}

function report(all: readonly ContentProblem[], files: number): ValidationReport {
  // Two rules that fail on one value (a pattern and a refinement), or two steps that read one
  // citation, say one thing.
  const seen = new Set<string>();
  const unique = all.filter((p) => {
    const key = [p.severity, p.file, p.line, p.entry, p.field, p.found].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const problems = sortProblems(unique);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { problems, errors, warnings: problems.length - errors, files };
}

/** Validates a content root (default: `CONTENT_ROOT` or `content/`); paths in messages are relative to `cwd`. */
export async function validateContent(
  root: string = contentRoot(),
  cwd: string = process.cwd(),
): Promise<ValidationReport> {
  const show = pathShown(cwd);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    const missing = problem({
      file: show(root),
      entry: 'content root',
      field: 'folder name',
      found: 'no such folder',
      expected: 'a folder with conferences/, themes/, papers/ and talks/ (set CONTENT_ROOT or pass the path)',
    });
    return report([missing], 0);
  }
  const read = await readContentRoot(root, show);
  const problems = [...read.problems];
  const entries = read.sources.map((source) => {
    const checked = checkSchema(source);
    problems.push(...checked.problems);
    return checked.entry;
  });
  for (const check of CHECKS) problems.push(...(await check({ root, entries })));
  return report(problems, read.sources.length);
}

/** The report as printed: errors, then warnings, then one summary line. */
export function formatReport(result: ValidationReport, root: string): string {
  const lines = [
    ...result.problems.filter((p) => p.severity === 'error').map((p) => `error   ${formatProblem(p)}`),
    ...result.problems.filter((p) => p.severity === 'warning').map((p) => `warning ${formatProblem(p)}`),
  ];
  lines.push(
    `${count(result.files, 'content file')} in ${root} checked: ${count(result.errors, 'error')}, ${count(result.warnings, 'warning')}.`,
  );
  return lines.join('\n');
}

/** The command line: `validate [content root]`; returns the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  const root = args[0] ? contentRoot({ CONTENT_ROOT: args[0] }) : contentRoot();
  const result = await validateContent(root);
  const shown = relative(process.cwd(), root) || '.';
  console.log(formatReport(result, shown.startsWith('..') ? root : shown));
  return result.errors > 0 ? 1 : 0;
}
