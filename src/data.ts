/** The content, loaded and resolved once for the whole build. */
import { getCollection, getEntry, render } from 'astro:content';
import { buildCatalog } from './lib/catalog';

export const catalog = buildCatalog({
  conferences: await getCollection('conferences'),
  outlooks: await getCollection('outlooks'),
  themes: await getCollection('themes'),
  papers: await getCollection('papers'),
  talks: await getCollection('talks'),
});

type Renderable = 'themes' | 'conferences' | 'outlooks';

/**
 * Renders an MDX entry of the catalog. A missing entry is a bug, not a warning: it throws.
 */
export async function renderEntry(collection: Renderable, id: string) {
  const entry = await getEntry(collection, id);
  if (!entry) throw new Error(`no ${collection} entry "${id}" to render`);
  const rendered = await render(entry);
  const frontmatter = rendered.remarkPluginFrontmatter;
  return {
    Content: rendered.Content,
    headings: rendered.headings,
    hasMath: frontmatter['hasMath'] === true,
    /** Paper ids in order of first citation, as the remark plugin numbered them. */
    citations: Array.isArray(frontmatter['citations']) ? frontmatter['citations'].map(String) : [],
  };
}
