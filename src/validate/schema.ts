/**
 * The schema step: each entry's data against its collection's schema, every issue reported with
 * its line, a "did you mean" for misspelt fields, and the parsed data kept for the later checks.
 */
import { z } from 'astro/zod';
import { contentFiles } from '../lib/content-files';
import { describeValue, problem, type ContentProblem } from '../lib/problems';
import { editorErrorMap } from './error-map';
import type { SourceFile } from './source';

/** An entry after its schema: `parsed` is the data as the site gets it, when it passed. */
export interface CheckedEntry {
  readonly source: SourceFile;
  readonly parsed: unknown;
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

/** What to write instead of a field the record does not have. */
function unknownField(source: SourceFile, key: string, known: string[]): string {
  // Records once named their conference; the folder says it now.
  if (key === 'conference' && source.collection !== 'conferences') {
    return `no conference line: the folder ${contentFiles[source.collection].folder}/${source.entry.split('/')[0]}/ says which conference this is, so delete it`;
  }
  const close = known.find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return close ? `"${close}"? The fields are: ${known.join(', ')}` : `one of the fields ${known.join(', ')}`;
}

export function checkSchema(source: SourceFile): { entry: CheckedEntry; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  if (!source.data) return { entry: { source, parsed: undefined }, problems };
  const { schema } = contentFiles[source.collection];
  const result = schema.safeParse(source.data, { error: editorErrorMap });
  if (result.success) return { entry: Object.freeze({ source, parsed: result.data }), problems };
  const report = (path: readonly PropertyKey[], line: number | undefined, found: string, expected: string) =>
    problems.push(
      problem({ file: source.file, line, entry: source.label, field: path.join('.') || 'YAML', found, expected }),
    );
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(objectAt(schema, issue.path)?.shape ?? {});
      for (const key of issue.keys) {
        const line = source.locate(issue.path, key);
        report([...issue.path, key], line, 'a field this record does not have', unknownField(source, key, known));
      }
      continue;
    }
    const value = valueAt(source.data, issue.path);
    const found = value === undefined ? 'nothing (the field is missing)' : describeValue(value);
    report(issue.path, source.locate(issue.path), found, issue.message);
  }
  return { entry: Object.freeze({ source, parsed: undefined }), problems };
}
