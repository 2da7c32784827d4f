/** The indexer against the real Pagefind binary, on small HTML folders written by the test. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pagefind, { indexSite, PagefindError } from '../../src/integrations/pagefind';

let dir: string;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
  `<nav data-pagefind-ignore>Site navigation</nav><main data-pagefind-body><h1>${title}</h1>${body}</main></body></html>`;

function write(path: string, html: string) {
  const file = join(dir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, html);
}

/** A logger that keeps what the integration says. */
const logger = () => {
  const lines: string[] = [];
  const log = (message: string) => void lines.push(message);
  const value: AstroIntegrationLogger = {
    options: { destination: { write: () => undefined }, level: 'info' },
    label: 'test',
    fork: () => value,
    info: log,
    warn: log,
    error: log,
    debug: log,
    flush: () => undefined,
    close: () => undefined,
  };
  return { lines, logger: value };
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pagefind-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('indexSite', () => {
  it('indexes the marked pages of a folder and writes the bundle inside it', async () => {
    write('index.html', '<!doctype html><html lang="en"><body><h1>Home</h1></body></html>');
    write('a/index.html', page('Alpha', '<p>Quantization of weights.</p>'));
    write('b/index.html', page('Beta', '<p>Attention over positions.</p>'));
    const summary = await indexSite(dir);
    expect(summary.read).toBe(3);
    expect(summary.pages).toBe(2);
    expect(summary.outputPath).toBe(join(dir, 'pagefind'));
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(summary.files).toBeGreaterThan(3);
    expect(summary.bytes).toBeGreaterThan(10_000);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['en']);
  });

  it('replaces an earlier bundle rather than adding to it', async () => {
    write('a/index.html', page('Alpha', '<p>Text.</p>'));
    write('pagefind/stale.txt', 'left over');
    await indexSite(dir);
    expect(existsSync(join(dir, 'pagefind', 'stale.txt'))).toBe(false);
  });

  it('fails when there is nothing to index', async () => {
    await expect(indexSite(dir)).rejects.toThrow(PagefindError);
    await expect(indexSite(join(dir, 'missing'))).rejects.toThrow(/Pagefind failed/);
  });
});

describe('the Astro integration', () => {
  const buildDone = async () => {
    const hook = pagefind().hooks['astro:build:done'];
    if (!hook) throw new Error('no astro:build:done hook');
    const log = logger();
    await hook({ dir: pathToFileURL(`${dir}/`), pages: [], assets: new Map(), logger: log.logger });
    return log.lines;
  };

  it('indexes the build output in astro:build:done and logs what it wrote', async () => {
    write('a/index.html', page('Alpha', '<p>Text.</p>'));
    const lines = await buildDone();
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(lines.join('\n')).toMatch(/indexed 1 of 1 pages in [\d.]+ s: \d+ files/);
  });

  it('skips indexing when PAGEFIND_INDEX=off', async () => {
    vi.stubEnv('PAGEFIND_INDEX', 'off');
    write('a/index.html', page('Alpha', '<p>Text.</p>'));
    const lines = await buildDone();
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
    expect(lines.join('\n')).toMatch(/PAGEFIND_INDEX=off/);
  });

  it('fails the build on a Pagefind error', async () => {
    await expect(buildDone()).rejects.toThrow(PagefindError);
  });
});
