import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentRoot } from './lib/content-root';
import { conferenceSchema, outlookSchema, paperSchema, talkSchema, themeSchema } from './schemas';

const root = contentRoot();
const folder = (name: string) => pathToFileURL(join(root, name) + '/');
const stem = (entry: string) => basename(entry, extname(entry));
/** Entries are namespaced by conference so two digests may reuse a theme or talk name. */
const inConference = ({ entry, data }: { entry: string; data: Record<string, unknown> }) =>
  `${String(data['conference'])}/${stem(entry)}`;
/** Files starting with `_` are drafts or partials. */
const records = '**/[^_]*.{yaml,yml}';

export const collections = {
  conferences: defineCollection({
    loader: glob({
      pattern: '*/index.mdx',
      base: folder('conferences'),
      generateId: ({ entry }) => entry.split('/')[0] ?? entry,
    }),
    schema: conferenceSchema,
  }),
  outlooks: defineCollection({
    loader: glob({
      pattern: '*/outlook.mdx',
      base: folder('conferences'),
      generateId: ({ entry }) => entry.split('/')[0] ?? entry,
    }),
    schema: outlookSchema,
  }),
  themes: defineCollection({
    loader: glob({ pattern: '**/[^_]*.mdx', base: folder('themes'), generateId: inConference }),
    schema: themeSchema,
  }),
  papers: defineCollection({
    loader: glob({ pattern: records, base: folder('papers'), generateId: ({ entry }) => stem(entry) }),
    schema: paperSchema,
  }),
  talks: defineCollection({
    loader: glob({ pattern: records, base: folder('talks'), generateId: inConference }),
    schema: talkSchema,
  }),
};
