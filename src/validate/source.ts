/**
 * The first step: every content file read once into an immutable entry, with what later checks
 * need (its data, its body with the file's lines, its identity and a line locator). Nothing here
 * judges the content beyond whether the file can be read at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { contentFiles, entryLabel, stem, type CollectionName } from '../lib/content-files';
import { splitMdx } from '../lib/mdx';
import { describeValue, problem, type ContentProblem } from '../lib/problems';
import { yamlLines, type LineLocator } from './yaml-lines';

/** One content file as the checks see it. */
export interface SourceFile {
  readonly collection: CollectionName;
  /** Path as shown to the editor. */
  readonly file: string;
  /** Path under the collection's folder, e.g. `iclr-2016/han2016deep.yaml`. */
  readonly entry: string;
  /** The collection id: `iclr-2016/han2016deep`, or a conference's folder. */
  readonly id: string;
  /** How messages name the entry: `paper "han2016deep"`. */
  readonly label: string;
  /** The whole file. */
  readonly text: string;
  /** The data as written, or undefined when it does not parse. */
  readonly data: Readonly<Record<string, unknown>> | undefined;
  /** An MDX body with the frontmatter blanked, so its lines are the file's; '' for records. */
  readonly body: string;
  /** The line of a data field. */
  readonly locate: LineLocator;
}

/** A file read, or the reason it could not be. */
export interface ReadResult {
  source: SourceFile;
  problems: ContentProblem[];
}

/** Reads one file of a collection: `entry` is its path under the collection's folder. */
export function readSource(root: string, collection: CollectionName, entry: string, show: (path: string) => string) {
  const spec = contentFiles[collection];
  const path = join(root, spec.folder, entry);
  const file = show(path);
  const text = readFileSync(path, 'utf8');
  const id = spec.generateId({ entry });
  const label = entryLabel(collection, id);
  const isMdx = entry.endsWith('.mdx');
  const problems: ContentProblem[] = [];
  const fail = (line: number, found: string, expected: string) =>
    problems.push(problem({ file, line, entry: label, field: isMdx ? 'frontmatter' : 'YAML', found, expected }));

  let yamlText = text;
  let body = '';
  let data: Record<string, unknown> | undefined;
  try {
    if (isMdx) {
      const split = splitMdx(text);
      yamlText = split.yaml;
      body = split.body;
      data = split.data;
    } else {
      const loaded: unknown = yaml.load(text, { filename: path });
      if (loaded !== null && typeof loaded === 'object' && !Array.isArray(loaded)) {
        data = loaded as Record<string, unknown>;
      } else {
        fail(
          1,
          loaded === undefined || loaded === null ? 'an empty file' : describeValue(loaded),
          'a YAML mapping of fields, one "name: value" per line',
        );
      }
    }
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const line = error.mark.line + 1;
    fail(line, `invalid YAML (${error.reason})`, `valid YAML: check the quoting and indentation near line ${line}`);
  }
  const source: SourceFile = Object.freeze({
    collection,
    file,
    entry,
    id,
    label,
    text,
    data: data && Object.freeze(data),
    body,
    locate: yamlLines(yamlText),
  });
  return { source, problems };
}

/** The name the file itself gives: a paper's id, a theme's slug, a conference's folder. */
export const ownName = (s: SourceFile): string =>
  s.collection === 'conferences' || s.collection === 'outlooks' ? s.id : stem(s.entry);
