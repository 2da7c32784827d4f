import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkCitations } from '../../src/integrations/remark-citations';

async function render(markdown: string) {
  const file = await unified()
    .use(remarkParse)
    .use(remarkCitations)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process({ value: markdown, path: 'content/themes/x/y.mdx', data: { astro: { frontmatter: {} } } });
  return { html: String(file), citations: file.data.astro?.frontmatter?.['citations'] as string[] };
}

describe('remarkCitations', () => {
  it('renders numbered links, numbering by first appearance', async () => {
    const { html, citations } = await render('A [@b] and [@a; @b].');
    expect(citations).toEqual(['b', 'a']);
    expect(html).toBe(
      '<p>A <span class="citation">[<a href="#ref-b" id="cite-b-1" aria-label="Reference 1">1</a>]</span> and ' +
        '<span class="citation">[<a href="#ref-a" id="cite-a-1" aria-label="Reference 2">2</a>, ' +
        '<a href="#ref-b" id="cite-b-2" aria-label="Reference 1">1</a>]</span>.</p>',
    );
  });

  it('leaves code alone', async () => {
    const { html, citations } = await render('Write `[@key]` to cite.');
    expect(citations).toEqual([]);
    expect(html).toContain('<code>[@key]</code>');
  });

  it('fails on a malformed citation, naming the file', async () => {
    await expect(render('See [@Not A Key].')).rejects.toThrow(/content\/themes\/x\/y\.mdx: malformed citation/);
  });
});
