/**
 * Runs the pinned Lighthouse from npm against Debian's Chromium, with Lighthouse's default
 * (mobile) settings. Chromium is started here with a DevTools port rather than through
 * `chrome-launcher`, so the launch flags are the project's own (`CHROMIUM_ARGS`).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from './chromium';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  /** Category scores out of 100. */
  scores: Record<Category, number>;
  /** Audits that scored below 1, with Lighthouse's display value: what to look at when a score drops. */
  failing: string[];
  /** Largest Contentful Paint and Cumulative Layout Shift, as Lighthouse simulated them. */
  lcpMs: number;
  cls: number;
}

/** The niceness of the auditing process while the browser under test runs (0 is normal, 19 lowest). */
const LOWER_PRIORITY = 10;

/** A headless Chromium with a DevTools port, and its own empty profile. */
export interface AuditBrowser {
  /** One Lighthouse run of `url`; Lighthouse empties the cache and storage of its origin first. */
  audit(url: string): Promise<LighthouseRun>;
  close(): Promise<void>;
}

/**
 * Starts Chromium for a series of audits. The first load in a new browser also pays the browser's
 * own start-up (font lookups, process launch) that a reader's browser paid long ago, so one run
 * is made and discarded before `audit` is offered.
 *
 * Lighthouse times the page's main thread and scales it by its CPU slowdown (4x), so on a
 * two-core machine its own trace processing, running beside the page, costs the page points.
 * The calling process (Lighthouse and the test server) therefore lowers its own priority once the
 * browser has started; the browser keeps the normal one.
 */
export async function startAuditBrowser(chromiumPath: string, warmUpUrl: string): Promise<AuditBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-profile-'));
  const browser = spawn(
    chromiumPath,
    ['--headless', ...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    // Its own process group, so that closing it also ends the helper processes still writing to the profile.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const close = async () => {
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    if (browser.pid !== undefined && browser.exitCode === null) process.kill(-browser.pid, 'SIGKILL');
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  try {
    const port = await devtoolsPort(browser.stderr);
    setPriority(Math.max(getPriority(), LOWER_PRIORITY));
    const audit = (url: string) => runLighthouse(port, url);
    await audit(warmUpUrl);
    return { audit, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function runLighthouse(port: number, url: string): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  });
  if (result === undefined) throw new Error(`Lighthouse returned no result for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.code} ${runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const failing = Object.values(audits)
    .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
    .map((audit) => `${audit.id} (${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
  return {
    scores,
    failing,
    lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
    cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
  };
}

/** The port Chromium prints as "DevTools listening on ws://127.0.0.1:PORT/...". */
function devtoolsPort(stderr: NodeJS.ReadableStream): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port:\n${seen}`)), 30_000);
    stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
}

/** The median of an odd number of values. */
export function median(values: number[]): number {
  if (values.length % 2 === 0) throw new Error('the median of an even number of runs is not one of them');
  return [...values].sort((a, b) => a - b)[(values.length - 1) / 2]!;
}

/** Text files a static host compresses on the way out. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest)$/;

/**
 * Copies a built site and writes a Brotli sibling beside each text file, so that the test server
 * sends compressed text as every static host does; an uncompressed page would be scored for a
 * transfer no reader makes.
 */
export function compressedCopy(dist: string, to: string): string {
  rmSync(to, { recursive: true, force: true });
  cpSync(dist, to, { recursive: true });
  for (const file of readdirSync(to, { recursive: true, encoding: 'utf8' })) {
    if (!COMPRESSIBLE.test(file)) continue;
    const path = join(to, file);
    writeFileSync(`${path}.br`, brotliCompressSync(readFileSync(path)));
  }
  return to;
}
