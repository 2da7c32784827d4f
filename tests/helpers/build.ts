/**
 * Builds the site with `astro build` into its own folder, so the tests can build the real content
 * and fixture content roots side by side without sharing output or caches.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..', '..');
export const outputRoot = join(projectRoot, 'tests', '.output');
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as a reader of the build log sees them. */
  log: string;
  dist: string;
}

/** Runs `astro build` for a content root; `name` picks the output folder under tests/.output. */
export function buildSite(name: string, contentRoot: string, env: Record<string, string> = {}): BuildResult {
  const dir = join(outputRoot, name);
  const dist = join(dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  // Astro's content cache is keyed on the content and the config file, not on the schemas that
  // file imports: a kept cache would serve entries parsed by an older schema.
  rmSync(join(dir, 'cache'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = spawnSync(process.execPath, [astroBin, 'build'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      // Vitest sets NODE_ENV=test, which would make Vite build in development mode (DEV true).
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_ROOT: contentRoot,
      OUT_DIR: dist,
      CACHE_DIR: join(dir, 'cache'),
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  writeFileSync(join(dir, 'build.log'), log);
  return { status: run.status, log, dist };
}

/** Builds and throws with the log tail unless the build succeeded without an [ERROR] line. */
export function buildSiteOrThrow(name: string, contentRoot: string, env: Record<string, string> = {}): BuildResult {
  const result = buildSite(name, contentRoot, env);
  if (result.status !== 0 || /\[ERROR\]/.test(result.log)) {
    throw new Error(`astro build of "${name}" failed (exit ${result.status}):\n${result.log.slice(-4000)}`);
  }
  return result;
}

/** A content root made of the real content plus overlay folders, as an editor would add them. */
export function contentWith(name: string, ...overlays: string[]): string {
  const root = join(outputRoot, name, 'content');
  rmSync(root, { recursive: true, force: true });
  cpSync(join(projectRoot, 'content'), root, { recursive: true });
  for (const overlay of overlays) cpSync(overlay, root, { recursive: true });
  return root;
}

export const realContent = join(projectRoot, 'content');
export const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', name);
export const SITES = {
  real: { name: 'real', dist: join(outputRoot, 'real', 'dist') },
  multi: { name: 'multi', dist: join(outputRoot, 'multi', 'dist') },
  /** Script tags, attribute breakouts, right-to-left text, emoji and combining marks in every field. */
  hostile: { name: 'hostile', dist: join(outputRoot, 'hostile', 'dist') },
} as const;
