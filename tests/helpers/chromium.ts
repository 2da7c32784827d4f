/**
 * Finding and launching Debian's Chromium (or `CHROME_PATH`) through playwright-core, which
 * downloads nothing. Free of the test runner, so the benchmark launches the browser the same way.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a headless Chromium in a container: no sandbox, GPU, first-run UI or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** What to do when no browser is found; also the note on every skipped browser test. */
export const INSTALL_HINT =
  'no Chromium found: install it with `apt-get install -y chromium` (Debian, Ubuntu) or set CHROME_PATH to a Chromium or Chrome binary';

/** The browser binary: `CHROME_PATH` when set (and only then), else Debian's `/usr/bin/chromium`. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env['CHROME_PATH'] || DEFAULT_CHROMIUM;
  return existsSync(path) ? path : undefined;
}

/** The browser binary, or an error that says how to install one. */
export function chromiumOrThrow(env: NodeJS.ProcessEnv = process.env): string {
  const path = findChromium(env);
  if (path === undefined) throw new Error(INSTALL_HINT);
  return path;
}

/** A headless Chromium with `CHROMIUM_ARGS`; playwright gives every launch a fresh profile. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
