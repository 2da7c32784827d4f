import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkCitations } from '../../src/integrations/remark-citations';

async function render(markdown: string) {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
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

  it('numbers several citations of one text node in reading order', async () => {
    const { html, citations } = await render('*A [@c]* then [@a] [@b] and [@c].');
    expect(citations).toEqual(['c', 'a', 'b']);
    expect(html.match(/aria-label="Reference \d"/g)).toEqual([1, 2, 3, 1].map((n) => `aria-label="Reference ${n}"`));
  });

  it('fails on a malformed citation, naming the file, the entry and the line', async () => {
    await expect(render('Fine.\n\nSee [@Not A Key].')).rejects.toThrow(
      /content\/themes\/x\/y\.mdx:3: theme "x\/y", body: found \[@Not A Key\], expected: a citation such as/,
    );
  });

  it('fails on a citation inside a link with the message the validator gives', async () => {
    await expect(render('[see [@a]](https://example.org)')).rejects.toThrow(/a link cannot hold another/);
  });
});
