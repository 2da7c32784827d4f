/**
 * Where our build's time goes: builds the synthetic conference once with V8's CPU profiler on
 * (`node --cpu-prof`) and prints the main thread's time by origin (a package, a module of ours,
 * garbage collection, idle) and the functions with the most self time. Idle is time the main
 * thread waited: file writes, native bundling threads.
 *
 *   node bench/profile.ts [--papers 10000] [--seed S] [--site-ref REV] [--work DIR]
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateConference } from './generate.ts';
import { measureOrThrow } from './lib/measure.ts';
import { stageOurSite } from './lib/sites.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package, our module or the V8 category a profile node belongs to. */
function origin(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  // Our pages and components run from the build's prerender chunks, named after their source.
  if (url.includes('/.prerender/'))
    return `site chunk ${(url.split('/').at(-1) ?? url).replace(/_[\w-]{8}\.mjs$/, '')}`;
  if (url.includes('/src/')) return `src/${url.split('/src/').at(-1) ?? url}`;
  if (url.startsWith('node:')) return url;
  return functionName ? `(${functionName.replace(/^\(|\)$/g, '')})` : '(native)';
}

function top(counter: Map<string, number>, n: number, total: number): string[] {
  return [...counter.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([key, us]) => `${(us / 1e6).toFixed(1).padStart(7)} s ${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`,
    );
}

function summarise(profile: CpuProfile): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const node = nodes.get(id);
    if (!node) continue;
    total += us;
    const o = origin(node);
    byOrigin.set(o, (byOrigin.get(o) ?? 0) + us);
    const { functionName, url, lineNumber } = node.callFrame;
    const f = `${functionName || '(anonymous)'} ${url.split('/').at(-1) ?? ''}:${lineNumber + 1}`;
    byFunction.set(f, (byFunction.get(f) ?? 0) + us);
  }
  return [
    `main thread: ${(total / 1e6).toFixed(1)} s sampled`,
    '',
    'self time by origin:',
    ...top(byOrigin, 25, total),
    '',
    'functions with the most self time:',
    ...top(byFunction, 25, total),
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '10000' },
      seed: { type: 'string', default: 'conference-digest-bench' },
      'site-ref': { type: 'string' },
      work: { type: 'string' },
    },
  });
  const work = resolve(values.work ?? join(tmpdir(), `conference-digest-profile-${values.papers}`));
  rmSync(work, { recursive: true, force: true });
  const corpus = generateConference({ papers: Number(values.papers), out: join(work, 'content'), seed: values.seed });
  const site = stageOurSite(work, corpus.root, values['site-ref']);
  const profiles = join(work, 'profiles');
  const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const run = await measureOrThrow(
    'profiled build',
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval', '2000', astroBin, 'build'],
    {
      cwd: site.dir,
      logFile: join(work, 'build.log'),
      env: {
        ASTRO_TELEMETRY_DISABLED: '1',
        CONTENT_ROOT: corpus.root,
        OUT_DIR: site.dist,
        CACHE_DIR: join(site.dir, '.cache'),
        PAGEFIND_INDEX: 'off',
      },
    },
  );
  const phases = run.log
    .split('\n')
    .filter((l) => /Completed in|built in|Synced content|Waiting for integration/.test(l) && !/[├└]/.test(l));
  console.log(`${corpus.papers} papers: build ${run.seconds.toFixed(1)} s with the profiler on (it adds overhead)`);
  console.log(phases.join('\n'));
  for (const file of readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile'))) {
    console.log(`\n${summarise(JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile)}`);
  }
  console.log(`\nprofiles and the build log are in ${work}`);
}

await main();
