import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentFiles, type ContentFiles } from './lib/content-files';
import { contentRoot } from './lib/content-root';

const root = contentRoot();

/** Astro's glob loader over the files `contentFiles` assigns to a collection. */
const load = ({ folder, pattern, generateId }: ContentFiles) =>
  glob({ pattern, base: pathToFileURL(join(root, folder) + '/'), generateId });

const { conferences, outlooks, themes, papers, talks, followUps, forecasts } = contentFiles;

export const collections = {
  conferences: defineCollection({ loader: load(conferences), schema: conferences.schema }),
  outlooks: defineCollection({ loader: load(outlooks), schema: outlooks.schema }),
  themes: defineCollection({ loader: load(themes), schema: themes.schema }),
  papers: defineCollection({ loader: load(papers), schema: papers.schema }),
  talks: defineCollection({ loader: load(talks), schema: talks.schema }),
  followUps: defineCollection({ loader: load(followUps), schema: followUps.schema }),
  forecasts: defineCollection({ loader: load(forecasts), schema: forecasts.schema }),
};
