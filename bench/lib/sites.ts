/**
 * The three sites the benchmark builds from one content root:
 * - A: this project, copied as it is (so its `.astro/` and caches can be wiped between builds
 *   without touching the working copy), building the content root through `CONTENT_ROOT`;
 * - B: the bare-Astro floor, what an Astro user writes for thousands of records: a content
 *   collection with the `glob()` loader over the same paper records, and one dynamic route;
 * - C: Hugo with one `.md` page per paper and a minimal template.
 * Each build starts cold: output, `.astro/` and the cache folder are removed first.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { measureOrThrow, type Measured } from './measure.ts';

const require = createRequire(import.meta.url);
export const projectRoot = join(import.meta.dirname, '..', '..');
const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');

/** What a paper page of the floor sites shows. */
export interface PaperPage {
  id: string;
  title: string;
  authors: string[];
  venue: string;
  summary: string;
}

/** Reads every paper record of a content root (`papers/<conference>/<id>.yaml`). */
export function readPapers(contentRoot: string): PaperPage[] {
  const folder = join(contentRoot, 'papers');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f) && !f.split('/').some((part) => part.startsWith('_')))
    .sort();
  return files.map((file) => {
    const data = parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>;
    return {
      id: (file.split('/').at(-1) ?? file).replace(/\.ya?ml$/, ''),
      title: String(data['title']),
      authors: (data['authors'] as unknown[]).map(String),
      venue: String(data['venue']),
      summary: String(data['summary']),
    };
  });
}

/** A paper as a Hugo page: the fields in front matter, the summary as its body. */
function markdownPage(paper: PaperPage): string {
  const frontmatter = stringify({ title: paper.title, authors: paper.authors, venue: paper.venue });
  return `---\n${frontmatter}---\n\n${paper.summary}\n`;
}

function linkNodeModules(dir: string) {
  const link = join(dir, 'node_modules');
  if (!existsSync(link)) symlinkSync(join(projectRoot, 'node_modules'), link, 'dir');
}

export interface Site {
  name: 'A' | 'B' | 'C';
  dir: string;
  /** The built output. */
  dist: string;
  /** Removes output and caches, then builds; throws on a failed build. */
  build(logFile: string): Promise<Measured>;
}

const remove = (...paths: string[]) => {
  for (const p of paths) rmSync(p, { recursive: true, force: true });
};

/** The files of the project that make the site; content comes from `CONTENT_ROOT`. */
const SITE_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * A: a copy of this project that builds `contentRoot`, with Pagefind switched off in the build.
 * The copy is of the working tree, or of a git revision (`ref`) to compare versions of the site.
 */
export function stageOurSite(workDir: string, contentRoot: string, ref?: string): Site {
  const dir = join(workDir, 'a');
  remove(dir);
  mkdirSync(dir, { recursive: true });
  if (ref === undefined) {
    for (const f of SITE_FILES) cpSync(join(projectRoot, f), join(dir, f), { recursive: true });
  } else {
    const archive = join(workDir, 'site.tar');
    execFileSync('git', ['archive', '--format=tar', `--output=${archive}`, ref, ...SITE_FILES], { cwd: projectRoot });
    execFileSync('tar', ['-xf', archive, '-C', dir]);
    rmSync(archive);
  }
  linkNodeModules(dir);
  // The output stays inside the copy: the prerender step imports packages from the output folder.
  const dist = join(dir, 'dist');
  const cache = join(dir, '.cache');
  return {
    name: 'A',
    dir,
    dist,
    build: (logFile) => {
      remove(dist, cache, join(dir, '.astro'));
      return measureOrThrow('A (our site) astro build', process.execPath, [astroBin, 'build'], {
        cwd: dir,
        logFile,
        env: {
          ASTRO_TELEMETRY_DISABLED: '1',
          CONTENT_ROOT: contentRoot,
          OUT_DIR: dist,
          CACHE_DIR: cache,
          PAGEFIND_INDEX: 'off',
        },
      });
    },
  };
}

/**
 * B's collection, as Astro's content collections guide writes one: the glob() loader over the
 * paper records our site reads, and a schema of the fields a page shows. The pattern leaves out
 * drafts (`_` files) as our site does; a paper's id is its file name, as on our site, so each page
 * is `/papers/<id>/` in all three sites.
 */
const floorCollections = (papersFolder: string) => `import { basename } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const papers = defineCollection({
  loader: glob({
    pattern: '**/[^_]*.{yaml,yml}',
    base: ${JSON.stringify(papersFolder)},
    generateId: ({ entry }) => basename(entry).replace(/\\.ya?ml$/, ''),
  }),
  schema: z.object({
    title: z.string(),
    authors: z.array(z.string()),
    venue: z.string(),
    summary: z.string(),
  }),
});

export const collections = { papers };
`;

/** B's one route: a page per entry, with a minimal layout (title, authors, venue, summary). */
const FLOOR_ROUTE = `---
import { getCollection } from 'astro:content';

export async function getStaticPaths() {
  const papers = await getCollection('papers');
  return papers.map((paper) => ({ params: { id: paper.id }, props: { paper } }));
}

const { title, authors, venue, summary } = Astro.props.paper.data;
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{title}</title>
  </head>
  <body>
    <main>
      <h1>{title}</h1>
      <p>{authors.join(', ')}</p>
      <p>{venue}</p>
      <p>{summary}</p>
    </main>
  </body>
</html>
`;

/** B: the bare-Astro floor, reading the paper records of `contentRoot` where they are. */
export function stageAstroFloor(workDir: string, contentRoot: string): Site {
  const dir = join(workDir, 'b');
  remove(dir);
  mkdirSync(join(dir, 'src', 'pages', 'papers'), { recursive: true });
  linkNodeModules(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'astro-floor', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ cacheDir: './.cache', build: { format: 'directory' } });\n`,
  );
  writeFileSync(join(dir, 'src', 'content.config.ts'), floorCollections(relative(dir, join(contentRoot, 'papers'))));
  writeFileSync(join(dir, 'src', 'pages', 'papers', '[id].astro'), FLOOR_ROUTE);
  const dist = join(dir, 'dist');
  return {
    name: 'B',
    dir,
    dist,
    build: (logFile) => {
      remove(dist, join(dir, '.cache'), join(dir, '.astro'));
      return measureOrThrow('B (bare Astro) astro build', process.execPath, [astroBin, 'build'], {
        cwd: dir,
        logFile,
        env: { ASTRO_TELEMETRY_DISABLED: '1' },
      });
    },
  };
}

const HUGO_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{{ .Title }}</title>
  </head>
  <body>
    <main>
      <h1>{{ .Title }}</h1>
      {{ with .Params.authors }}<p>{{ delimit . ", " }}</p>{{ end }}
      {{ with .Params.venue }}<p>{{ . }}</p>{{ end }}
      {{ .Content }}
    </main>
  </body>
</html>
`;

/** C: Hugo, the physical-limit reference for a static site generator. */
export function stageHugo(workDir: string, papers: readonly PaperPage[], hugo: string): Site {
  const dir = join(workDir, 'c');
  remove(dir);
  mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
  mkdirSync(join(dir, 'content', 'papers'), { recursive: true });
  writeFileSync(
    join(dir, 'hugo.toml'),
    `baseURL = "http://localhost/"\nlanguageCode = "en"\ntitle = "Hugo floor"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n`,
  );
  writeFileSync(join(dir, 'layouts', '_default', 'single.html'), HUGO_PAGE);
  writeFileSync(join(dir, 'layouts', '_default', 'list.html'), HUGO_PAGE);
  for (const paper of papers) writeFileSync(join(dir, 'content', 'papers', `${paper.id}.md`), markdownPage(paper));
  const dist = join(dir, 'public');
  const cache = join(dir, '.cache');
  return {
    name: 'C',
    dir,
    dist,
    build: (logFile) => {
      remove(dist, cache, join(dir, 'resources'), join(dir, '.hugo_build.lock'));
      return measureOrThrow('C (Hugo) build', hugo, ['--quiet', '--cacheDir', cache, '--destination', dist], {
        cwd: dir,
        logFile,
      });
    },
  };
}
