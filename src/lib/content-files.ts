/**
 * Where each collection's files live in the content root, which files it loads and how a file
 * becomes an entry id. `src/content.config.ts` builds the collections from this table and
 * `npm run validate` reads the same files with it, so both always see the same content.
 */
import { basename, extname } from 'node:path';
import { conferenceSchema, outlookSchema, paperSchema, talkSchema, themeSchema } from '../schemas';

/** What the id of an entry is derived from: its path under the collection folder and its data. */
export interface IdSource {
  entry: string;
  data: Record<string, unknown>;
}

/** The file name without its extension: a paper's id, a theme's or a talk's slug. */
export const stem = (entry: string): string => basename(entry, extname(entry));

/** The first folder of a path: a conference's id. */
const firstFolder = (entry: string): string => entry.split('/')[0] ?? entry;

/** Entries are namespaced by conference so two digests may reuse a theme or talk name. */
const inConference = ({ entry, data }: IdSource): string => `${String(data['conference'])}/${stem(entry)}`;

/** Files starting with `_` are drafts or partials and are not loaded. */
const records = '**/[^_]*.{yaml,yml}';

/**
 * Per collection: where editors put a file (`layout`, for messages), the entry kind, the folder
 * and glob pattern Astro's loader reads, the schema, and the id rule.
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
    pattern: '**/[^_]*.mdx',
    schema: themeSchema,
    generateId: inConference,
  },
  papers: {
    layout: 'papers/<conference>/<id>.yaml',
    kind: 'paper',
    folder: 'papers',
    pattern: records,
    schema: paperSchema,
    generateId: ({ entry }: IdSource) => stem(entry),
  },
  talks: {
    layout: 'talks/<conference>/<slug>.yaml',
    kind: 'talk',
    folder: 'talks',
    pattern: records,
    schema: talkSchema,
    generateId: inConference,
  },
} as const;

export type CollectionName = keyof typeof contentFiles;
/** The file rules of one collection. */
export type ContentFiles = (typeof contentFiles)[CollectionName];
