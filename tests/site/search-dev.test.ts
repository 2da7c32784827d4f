/**
 * In `astro dev` there is no search index (it is made by the build): the search page must say so
 * instead of failing to load it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { outputRoot, projectRoot } from '../helpers/build';

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let dev: ChildProcess | undefined;
let origin = '';

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [astroBin, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env: {
      // As a developer runs it: Astro serves nothing when it sees Vitest's variables.
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))),
      NODE_ENV: 'development',
      ASTRO_TELEMETRY_DISABLED: '1',
      CACHE_DIR: join(outputRoot, 'search-dev-server', 'cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let exited = false;
  const keep = (chunk: Buffer) => void (log += chunk.toString());
  dev.stdout?.on('data', keep);
  dev.stderr?.on('data', keep);
  dev.once('exit', () => void (exited = true));
  // Ready once the page answers: the first start syncs content and optimises dependencies.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !exited) {
    const status = await fetch(`${origin}/search/`, { signal: AbortSignal.timeout(30_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`astro dev did not serve /search/ (${exited ? 'it exited' : 'timed out'}):\n${log.slice(-3000)}`);
});

afterAll(() => {
  dev?.kill();
});

describe('the search page in astro dev', () => {
  it('says that search works after a build and does not try to load an index', async () => {
    const response = await fetch(`${origin}/search/`);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('search-app').attr('data-dev')).toBe('');
    expect($('search-app .notice').text()).toMatch(/Search works after a build/);
  });
});
