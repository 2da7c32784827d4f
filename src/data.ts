/** The content, loaded and resolved once for the whole build. */
import { readFileSync } from 'node:fs';
import { getCollection, getEntry, render } from 'astro:content';
import { buildCatalog, type Entry, type Paper } from './lib/catalog';
import { splitMdx } from './lib/mdx';
import { relatedPapers } from './lib/related';

/**
 * An MDX entry with its body as the compiler reads it: Astro's `body` is trimmed, which would move
 * every line a problem names; the file split the way the compiler splits it keeps them.
 */
const withFileLines = <D>(entries: Entry<D>[]): Entry<D>[] =>
  entries.map((e) => (e.filePath ? { ...e, body: splitMdx(readFileSync(e.filePath, 'utf8')).body } : e));

export const catalog = buildCatalog({
  conferences: withFileLines(await getCollection('conferences')),
  outlooks: withFileLines(await getCollection('outlooks')),
  themes: withFileLines(await getCollection('themes')),
  papers: await getCollection('papers'),
  talks: await getCollection('talks'),
  followUps: await getCollection('followUps'),
  forecasts: await getCollection('forecasts'),
});

/** What each paper page suggests reading next, with the reason (`lib/related.ts`). */
export const related = relatedPapers(catalog);

/** The `[conference]` routes' paths: one per conference, with the conference as the prop. */
export const conferencePaths = () =>
  catalog.conferences.map((conference) => ({ params: { conference: conference.id }, props: { conference } }));

type Renderable = 'themes' | 'conferences' | 'outlooks';

/**
 * Renders an MDX entry of the catalog and checks its numbered citations against the reference
 * list the page will show. A missing entry is a bug, not a warning: it throws.
 */
export async function renderEntry(collection: Renderable, id: string, references: readonly Paper[]) {
  const entry = await getEntry(collection, id);
  if (!entry) throw new Error(`no ${collection} entry "${id}" to render`);
  const rendered = await render(entry);
  const frontmatter = rendered.remarkPluginFrontmatter;
  const citations: unknown = frontmatter['citations'];
  const numbered = Array.isArray(citations) ? citations.map(String) : [];
  // The catalog reads citations from the source; the renderer numbers them. Both must agree.
  const listed = references.map((p) => p.id);
  if (numbered.join(' ') !== listed.join(' ')) {
    throw new Error(
      `${entry.filePath ?? id}: rendered citations [${numbered.join(', ')}] differ from the reference list [${listed.join(', ')}]`,
    );
  }
  return {
    Content: rendered.Content,
    headings: rendered.headings,
    hasMath: frontmatter['hasMath'] === true,
  };
}
