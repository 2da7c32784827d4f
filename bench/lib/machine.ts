/** Facts about the machine and tool versions, recorded with every result. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  kernel: string;
  node: string;
  astro: string;
  pagefind: string;
  hugo: string;
  /** 1, 5 and 15 minute load averages: other work on the machine skews timings. */
  loadBefore: number[];
  loadAfter: number[];
}

/** The installed version of a package, read from its folder (some packages export no package.json). */
function packageVersion(name: string): string {
  try {
    const file = join(dirname(require.resolve('astro/package.json')), '..', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

export function hugoVersion(hugo: string): string {
  try {
    const out = execFileSync(hugo, ['version'], { encoding: 'utf8' });
    return /v(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? out.trim();
  } catch {
    return 'not installed';
  }
}

export const load = (): number[] => loadavg().map((n) => Math.round(n * 100) / 100);

export function machineFacts(hugo: string): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    os: osName(),
    kernel: release(),
    node: process.version.replace(/^v/, ''),
    astro: packageVersion('astro'),
    pagefind: packageVersion('pagefind'),
    hugo: hugoVersion(hugo),
    loadBefore: load(),
    loadAfter: [],
  };
}
