/**
 * Print: theme and paper pages print without the site's chrome, navigation or buttons, with math
 * intact, every outside link's address printed, and no page break inside a reference.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realContent, SITES } from '../helpers/build';
import { readContent } from '../helpers/content';
import { chromiumAvailable, describeInChromium, openPage, type WatchedPage } from '../helpers/browser';
import { serveDist, type StaticServer } from '../helpers/serve';

const content = readContent(realContent);
/** The theme with the most display formulas, and its first paper. */
const theme = [...content.themes].sort(
  (a, b) => (b.body.match(/^\$\$/gm)?.length ?? 0) - (a.body.match(/^\$\$/gm)?.length ?? 0),
)[0]!;
const paper = content.papers[0]!;

let server: StaticServer;
beforeAll(async () => {
  if (chromiumAvailable()) server = await serveDist(SITES.real.dist);
});
afterAll(async () => {
  await server?.close();
});

describeInChromium('print', (browser) => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(browser());
    await w.page.emulateMedia({ media: 'print' });
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Elements of a kind that would print: displayed and not inside a hidden ancestor. */
  const printed = (selector: string) =>
    w.page.$$eval(selector, (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);

  it('prints a theme with its math and references but no chrome', async () => {
    await w.page.goto(server.at(`${theme.conference}/${theme.stem}/`));
    for (const chrome of ['body > header', 'body > footer', 'nav', 'aside', 'button', '.skip-link']) {
      expect(await printed(chrome), chrome).toBe(0);
    }
    expect(await printed('.katex')).toBeGreaterThan(0);
    const references = await w.page.$$eval('.references li', (items) =>
      items.map((li) => ({
        breakInside: getComputedStyle(li).breakInside,
        addresses: [...li.querySelectorAll('a[href^="http"]')].map((a) => ({
          href: a.getAttribute('href'),
          after: getComputedStyle(a, '::after').content,
        })),
      })),
    );
    expect(references.length).toBeGreaterThan(0);
    for (const r of references) {
      expect(r.breakInside).toBe('avoid');
      expect(r.addresses.length).toBeGreaterThan(0);
      for (const a of r.addresses) expect(a.after).toContain(a.href);
    }
    const pdf = await w.page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints a paper without its copy button or the site’s navigation', async () => {
    await w.page.goto(server.at(`papers/${paper.stem}/`));
    for (const chrome of ['body > header', 'body > footer', 'nav', 'button']) {
      expect(await printed(chrome), chrome).toBe(0);
    }
    expect(await printed('h1')).toBe(1);
    expect(await printed('pre')).toBe(1);
  });
});
