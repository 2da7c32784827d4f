import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM, findChromium, INSTALL_HINT, requireChromium } from './browser';

describe('finding Chromium for the browser tests', () => {
  it('uses CHROME_PATH when it is set, and only then', () => {
    expect(findChromium({ CHROME_PATH: process.execPath })).toBe(process.execPath);
    expect(findChromium({ CHROME_PATH: '/nonexistent/chromium' })).toBeUndefined();
  });

  it('falls back to Debian’s Chromium', () => {
    expect(findChromium({})).toBe(existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : undefined);
    expect(findChromium({ CHROME_PATH: '' })).toBe(findChromium({}));
  });

  it('skips without a browser, except under CI where it fails with the install command', () => {
    expect(requireChromium({ CHROME_PATH: '/nonexistent/chromium' })).toBeUndefined();
    expect(() => requireChromium({ CHROME_PATH: '/nonexistent/chromium', CI: 'true' })).toThrow(
      /apt-get install -y chromium/,
    );
    expect(INSTALL_HINT).toMatch(/apt-get install -y chromium/);
  });
});
