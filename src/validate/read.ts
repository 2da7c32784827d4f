/**
 * Reading a content root: every file each collection loads, read once (`source.ts`), and every
 * file in a collection's folder that no collection would load, which the site would silently lack.
 */
import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { contentFiles, type CollectionName } from '../lib/content-files';
import { problem, type ContentProblem } from '../lib/problems';
import { readSource, type SourceFile } from './source';

/** Extensions of files an editor means as content; any other file in a content folder is left alone. */
const CONTENT_EXTENSIONS = /\.(mdx?|markdown|ya?ml|json|toml)$/i;

/** Paths as an editor reads them: relative to `cwd` when inside it. */
export const pathShown =
  (cwd: string) =>
  (path: string): string => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };

export interface ContentRead {
  sources: readonly SourceFile[];
  problems: ContentProblem[];
}

export async function readContentRoot(root: string, show: (path: string) => string): Promise<ContentRead> {
  const sources: SourceFile[] = [];
  const problems: ContentProblem[] = [];
  const conferences = join(root, contentFiles.conferences.folder);
  if (!existsSync(conferences)) {
    problems.push(
      problem({
        file: show(conferences),
        entry: 'content root',
        field: 'folder name',
        found: 'no conferences/ folder',
        expected: 'conferences/<id>/index.mdx for every conference of the digest',
      }),
    );
  }
  for (const collection of Object.keys(contentFiles) as CollectionName[]) {
    const folder = join(root, contentFiles[collection].folder);
    if (!existsSync(folder)) continue;
    const entries = await glob(contentFiles[collection].pattern, { cwd: folder, expandDirectories: false });
    for (const entry of entries.sort()) {
      const read = readSource(root, collection, entry, show);
      sources.push(read.source);
      problems.push(...read.problems);
    }
  }
  problems.push(...(await unloadedFiles(root, sources, show)));
  return { sources, problems };
}

async function unloadedFiles(root: string, sources: readonly SourceFile[], show: (path: string) => string) {
  const problems: ContentProblem[] = [];
  const loaded = new Set(sources.map((s) => join(root, contentFiles[s.collection].folder, s.entry)));
  const layouts = new Map<string, string[]>();
  for (const spec of Object.values(contentFiles)) {
    layouts.set(spec.folder, [...(layouts.get(spec.folder) ?? []), spec.layout]);
  }
  for (const [folder, expected] of layouts) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const entry of await glob('**/*', { cwd: dir, expandDirectories: false })) {
      const name = basename(entry);
      if (name.startsWith('_') || name.startsWith('.') || !CONTENT_EXTENSIONS.test(name)) continue;
      if (loaded.has(join(dir, entry))) continue;
      problems.push(
        problem({
          file: show(join(dir, entry)),
          entry: `file "${name}"`,
          field: 'file name',
          found: 'a file that no collection loads',
          expected: `${expected.join(' or ')}; start the name with _ to keep a draft`,
        }),
      );
    }
  }
  return problems;
}
