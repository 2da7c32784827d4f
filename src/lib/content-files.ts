/**
 * Where each collection's files live in the content root, which files it loads and how a file
 * becomes an entry. `src/content.config.ts` builds the collections from this table and
 * `npm run validate` reads the same files with it, so both always see the same content.
 *
 * Identity comes from the path alone: a theme, paper or talk belongs to the conference whose
 * folder it sits in, and its name is its file name. No field repeats either, so none can disagree.
 */
import { basename, extname, sep } from 'node:path';
import {
  conferenceSchema,
  followUpSchema,
  forecastSchema,
  outlookSchema,
  paperSchema,
  talkSchema,
  themeSchema,
} from '../schemas';
import { problem, type ContentProblem } from './problems';

/** What the id of an entry is derived from: its path under the collection folder. */
export interface IdSource {
  entry: string;
}

/** The file name without its extension: a paper's id, a theme's or a talk's slug. */
export const stem = (entry: string): string => basename(entry, extname(entry));

/** The first folder of a path under a collection folder: the conference's id. */
export const firstFolder = (entry: string): string => entry.split('/')[0] ?? entry;

/** `<conference>/<file name>`: unique within a collection, whatever the ids say. */
const inConference = ({ entry }: IdSource): string => `${firstFolder(entry)}/${stem(entry)}`;

/** One level of conference folders; files starting with `_` are drafts or partials and are not loaded. */
const records = '*/[^_]*.{yaml,yml}';

/**
 * Per collection: where editors put a file (`layout`, for messages), the entry kind, the folder
 * and glob pattern Astro's loader reads, the schema, the id rule, and the name an editor knows it
 * by (`name`: a paper's citation key, a theme's `<conference>/<slug>`).
 */
export const contentFiles = {
  conferences: {
    layout: 'conferences/<id>/index.mdx',
    kind: 'conference',
    folder: 'conferences',
    pattern: '*/index.mdx',
    schema: conferenceSchema,
    generateId: ({ entry }: IdSource) => firstFolder(entry),
  },
  outlooks: {
    layout: 'conferences/<id>/outlook.mdx',
    kind: 'outlook',
    folder: 'conferences',
    pattern: '*/outlook.mdx',
    schema: outlookSchema,
    generateId: ({ entry }: IdSource) => firstFolder(entry),
  },
  themes: {
    layout: 'themes/<conference>/<slug>.mdx',
    kind: 'theme',
    folder: 'themes',
    pattern: '*/[^_]*.mdx',
    schema: themeSchema,
    generateId: inConference,
  },
  papers: {
    layout: 'papers/<conference>/<id>.yaml',
    kind: 'paper',
    folder: 'papers',
    pattern: records,
    schema: paperSchema,
    generateId: inConference,
  },
  talks: {
    layout: 'talks/<conference>/<slug>.yaml',
    kind: 'talk',
    folder: 'talks',
    pattern: records,
    schema: talkSchema,
    generateId: inConference,
  },
  followUps: {
    layout: 'follow-ups/<conference>/<slug>.yaml',
    kind: 'follow-up',
    folder: 'follow-ups',
    pattern: records,
    schema: followUpSchema,
    generateId: inConference,
  },
  forecasts: {
    layout: 'forecasts/<conference>/<slug>.yaml',
    kind: 'forecast',
    folder: 'forecasts',
    pattern: records,
    schema: forecastSchema,
    generateId: inConference,
  },
} as const;

export type CollectionName = keyof typeof contentFiles;
/** The file rules of one collection. */
export type ContentFiles = (typeof contentFiles)[CollectionName];

/** An entry's place in the digest, read from its collection id. */
export interface Identity {
  /** The conference it belongs to: its folder. */
  conference: string;
  /** Its own name: a paper's id (the citation key), a theme's or talk's slug; a conference's id. */
  name: string;
}

/** The identity of a collection entry from its id (`<conference>/<name>`, or a conference's id). */
export function identity(collection: CollectionName, id: string): Identity {
  if (collection === 'conferences' || collection === 'outlooks') return { conference: id, name: id };
  const slash = id.indexOf('/');
  return { conference: id.slice(0, slash), name: id.slice(slash + 1) };
}

/**
 * The name that must be unique within a collection, and by which references name an entry: a
 * paper's id (a citation key, shared by every digest), else the collection id.
 */
export const uniqueName = (collection: CollectionName, id: string): string =>
  collection === 'papers' ? identity(collection, id).name : id;

/** How an editor knows an entry: `paper "han2016deep"`, `theme "iclr-2016/attention"`. */
export function entryLabel(collection: CollectionName, id: string): string {
  return `${contentFiles[collection].kind} "${uniqueName(collection, id)}"`;
}

/**
 * The label of the MDX entry a file path holds, for messages from the compiler's plugins, which
 * know the file but not the entry: `theme "iclr-2016/attention"`, or `file "x.mdx"` elsewhere.
 */
export function labelOfPath(path: string): string {
  const parts = path.split(sep === '\\' ? /[\\/]/ : '/');
  const [folder, conference, file] = parts.slice(-3);
  if (folder === 'themes' && conference && file) return entryLabel('themes', `${conference}/${stem(file)}`);
  if (folder === 'conferences' && conference && file === 'index.mdx') return entryLabel('conferences', conference);
  if (folder === 'conferences' && conference && file === 'outlook.mdx') return entryLabel('outlooks', conference);
  return `file "${basename(path)}"`;
}

/** A file as the duplicate rule sees it: its collection, the name that must be unique, and the file. */
export interface NamedFile {
  collection: CollectionName;
  /** A paper's id, which is global; a theme's or talk's `<conference>/<slug>`. */
  name: string;
  file: string;
}

/**
 * Files of one collection that share a name, each named with the others: a loader would keep one
 * and silently drop the rest. The one rule for the catalog (paper ids across conferences) and the
 * validator (every file, valid or not, including `x.yaml` beside `x.yml`).
 */
export function duplicateNames(files: readonly NamedFile[]): ContentProblem[] {
  const byName = new Map<string, NamedFile[]>();
  for (const f of files) {
    const key = `${f.collection}:${f.name}`;
    byName.set(key, [...(byName.get(key) ?? []), f]);
  }
  return [...byName.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((f) => {
        const { kind } = contentFiles[f.collection];
        const others = group.filter((o) => o !== f).map((o) => o.file);
        return problem({
          file: f.file,
          entry: `${kind} "${f.name}"`,
          field: 'file name',
          found: `"${f.name.slice(f.name.lastIndexOf('/') + 1)}", which ${others.join(', ')} also has`,
          expected: `a ${kind} id used once: rename one of the files`,
        });
      }),
    );
}
