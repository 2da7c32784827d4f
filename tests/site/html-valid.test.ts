/**
 * Every page of every build is valid HTML by the W3C Nu HTML Checker (`vnu-jar`, run on Debian's
 * Java): the real site, the second conference, the hostile-text fixture and the sub-path build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../helpers/build';
import { DEPLOY_SITES } from '../helpers/deploy';

const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** The checker's errors over every HTML file under the given folders. */
function check(...dirs: string[]): VnuMessage[] {
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', ...dirs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // The checker writes its report to standard error and exits 1 when it found errors.
  const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
  return report.messages;
}

describe('valid HTML', () => {
  it('has a Java runtime for the checker', () => {
    expect(java.error, 'install a Java runtime: apt-get install -y default-jre-headless').toBeUndefined();
    expect(java.status).toBe(0);
  });

  it('reports an error where there is one, so silence means valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
    try {
      writeFileSync(
        join(dir, 'bad.html'),
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><pre aria-label="x">y</pre></body></html>',
      );
      expect(
        check(dir)
          .map((m) => m.message)
          .join('\n'),
      ).toMatch(/aria-label/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds no error on any page of any build', () => {
    const dirs = [SITES.real.dist, SITES.multi.dist, SITES.hostile.dist, DEPLOY_SITES.a.dist];
    const errors = check(...dirs).map(
      (m) => `${m.url.replace(/^file:.*\/dist\//, '')}:${m.lastLine ?? '?'}: ${m.message}`,
    );
    expect(errors).toEqual([]);
  });
});
