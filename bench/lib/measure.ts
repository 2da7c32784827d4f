/**
 * Runs a command and measures it: wall-clock seconds and the peak resident memory of its whole
 * process tree (the build's node process plus any helper it spawns, e.g. esbuild or Pagefind's
 * binary). Linux only: memory is sampled from /proc every 100 ms, and each process's own
 * high-water mark (VmHWM) is read too, so a short spike between samples is still seen.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface Measured {
  seconds: number;
  /** Peak resident set of the process tree, in bytes. */
  peakRssBytes: number;
  status: number | null;
  /** stdout and stderr together. */
  log: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Where to write the log; it is kept in memory too. */
  logFile?: string;
}

const SAMPLE_MS = 100;

/** Children of every process, from /proc/<pid>/stat (field 4 is the parent pid). */
function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: parse after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      const list = map.get(parent) ?? [];
      list.push(Number(entry));
      map.set(parent, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

function treeOf(root: number): number[] {
  const children = childrenByParent();
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS and VmHWM of one process in bytes, or zeros once it is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Runs `command args` and resolves when it exits, whatever its status. */
export function measure(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    let peakTree = 0;
    const hwm = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of treeOf(child.pid)) {
        const m = memoryOf(pid);
        sum += m.rss;
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, m.hwm));
      }
      peakTree = Math.max(peakTree, sum);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    sample();
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const log = Buffer.concat(chunks).toString('utf8');
      if (options.logFile) writeFileSync(options.logFile, log);
      // The largest single process's own high-water mark bounds the tree's peak from below.
      const peakRssBytes = Math.max(peakTree, ...hwm.values());
      resolvePromise({ seconds, peakRssBytes, status, log });
    });
  });
}

/** Like `measure`, but rejects with the log's tail when the command fails. */
export async function measureOrThrow(
  label: string,
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<Measured> {
  const result = await measure(command, args, options);
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.log.slice(-4000)}`);
  }
  return result;
}
