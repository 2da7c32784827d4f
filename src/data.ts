/** The content, loaded and resolved once for the whole build. */
import { getCollection, getEntry, render } from 'astro:content';
import { buildCatalog, type Paper } from './lib/catalog';

export const catalog = buildCatalog({
  conferences: await getCollection('conferences'),
  outlooks: await getCollection('outlooks'),
  themes: await getCollection('themes'),
  papers: await getCollection('papers'),
  talks: await getCollection('talks'),
});

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
