/**
 * Writes a synthetic conference of N papers as a complete content root (conferences/, themes/,
 * papers/, talks/), in the format editors write: the benchmark's corpus. Deterministic: the same
 * seed and N always yield byte-identical files. Never writes into the project's `content/`.
 *
 *   node bench/generate.ts --papers 1000 --out /tmp/corpus [--seed bench]
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { authorKey } from '../src/lib/authors.ts';
import { peoplePool, type Person } from './lib/names.ts';
import { Random, WeightedSampler } from './lib/random.ts';
import { loadVocabulary, type Vocabulary } from './lib/vocabulary.ts';

export const CONFERENCE_ID = 'synth-2031';
const YEAR = 2031;
const SHORT_NAME = 'SCLS 2031';
export const THEME_COUNT = 17;
/** The file that marks a folder as a generated corpus, which a later run may clear. */
const MARKER = '.synthetic-conference';

/** Share of papers whose summary carries a formula. */
const MATH_SHARE = 0.1;
/** Distinct authors per paper across the conference, as at real machine-learning venues. */
const AUTHORS_PER_PAPER = 2.5;
/** Weights of 1..12 authors on a paper (mean about 4.9, as at large venues). */
const AUTHOR_COUNT_WEIGHTS = [3, 10, 18, 20, 16, 11, 8, 5, 4, 2, 2, 1];

/** Formulas KaTeX renders under the site's strict options. */
const FORMULAS = [
  String.raw`\mathcal{O}(n \log n)`,
  String.raw`\|W\|_2 \le 1`,
  String.raw`\epsilon = 10^{-3}`,
  String.raw`p_\theta(x \mid z)`,
  String.raw`\sum_{i=1}^{n} x_i^2`,
  String.raw`\nabla_\theta \mathcal{L}(\theta)`,
  String.raw`\mathbb{E}_{x \sim p}[f(x)]`,
  String.raw`O(1/\sqrt{T})`,
  String.raw`\alpha \in (0, 1)`,
  String.raw`\mathrm{KL}(q \,\|\, p)`,
  String.raw`W \approx U V^\top`,
  String.raw`\hat{y} = \arg\max_k p_k`,
];

const DISPLAY_FORMULAS = [
  String.raw`\mathcal{L}(\theta) = \mathbb{E}_{(x, y) \sim \mathcal{D}} \left[ -\log p_\theta(y \mid x) \right]`,
  String.raw`\theta_{t+1} = \theta_t - \eta \, \frac{m_t}{\sqrt{v_t} + \epsilon}`,
  String.raw`\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\!\left( \frac{Q K^\top}{\sqrt{d}} \right) V`,
];

export interface GenerateOptions {
  /** Number of papers. */
  papers: number;
  /** Folder to write the content root into; emptied first. */
  out: string;
  /** Seed of the random source; the default gives the published benchmark corpus. */
  seed?: string;
}

export interface CorpusFacts {
  root: string;
  conference: string;
  papers: number;
  /** Distinct people (author pages the site builds). */
  authors: number;
  /** Author slots over all papers. */
  authorships: number;
  themes: number;
  talks: number;
  papersWithMath: number;
  awards: number;
  tracks: Record<'conference' | 'workshop' | 'other', number>;
  /** Total characters of paper summaries, a proxy for the text the index holds. */
  summaryChars: number;
}

interface PaperRecord {
  id: string;
  title: string;
  authors: string[];
  track: 'conference' | 'workshop' | 'other';
  award: string | undefined;
  summary: string;
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const asciiWord = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Prose drawn from the vocabulary: sentences of 12-28 words, domain words mixed in. */
class Writer {
  private readonly random: Random;
  private readonly vocabulary: Vocabulary;

  constructor(random: Random, vocabulary: Vocabulary) {
    this.random = random;
    this.vocabulary = vocabulary;
  }

  word(domainShare = 0.08): string {
    return this.random.chance(domainShare)
      ? this.vocabulary.domainWord(this.random)
      : this.vocabulary.word(this.random);
  }

  sentence(min = 12, max = 28): string {
    const n = this.random.int(min, max);
    const ws = Array.from({ length: n }, () => this.word());
    return `${capitalise(ws.join(' '))}.`;
  }

  /** A sentence short enough for a one-sentence summary field (320 characters at most). */
  summary(min: number, max: number): string {
    for (;;) {
      const s = this.sentence(min, max);
      if (s.length <= 300) return s;
    }
  }

  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence()).join(' ');
  }

  /** A title in one of the shapes real paper titles take. */
  title(): string {
    const r = this.random;
    const w = () => this.word(0.4);
    const shapes = [
      () => `${w()} ${w()} for ${w()} ${w()}`,
      () => `Learning ${w()} ${w()} with ${w()} ${w()}`,
      () => `Towards ${w()} ${w()} ${w()}`,
      () => `${w()}: ${w()} ${w()} ${w()} for ${w()} ${w()}`,
      () => `On the ${w()} of ${w()} ${w()}`,
      () => `${w()} ${w()} ${w()} ${w()} via ${w()} ${w()}`,
      () => `${w()} ${w()} ${w()} ${w()} ${w()}`,
    ];
    const raw = r.pick(shapes)();
    const small = new Set(['for', 'with', 'of', 'the', 'via', 'on', 'and', 'to', 'in', 'a', 'an', 'by']);
    return raw
      .split(' ')
      .map((word, i) => (i > 0 && small.has(word) ? word : capitalise(word)))
      .join(' ');
  }
}

/** Hands out authorships so that about 2.5 distinct people serve per paper, prolific ones on many. */
function assignAuthors(random: Random, people: Person[], counts: number[]): Person[][] {
  const slots = counts.reduce((a, b) => a + b, 0);
  // Everyone authors at least one paper; the remaining slots go to a heavy-tailed few, as a
  // real programme has senior authors on a dozen papers.
  const activity = people.map(() => 1 / (1 - random.next()) ** 0.9);
  const prolific = new WeightedSampler(activity);
  const pool: Person[] = random.shuffle(people);
  while (pool.length < slots) pool.push(people[prolific.draw(random)] as Person);
  const order = random.shuffle(pool);
  const lists: Person[][] = [];
  let next = 0;
  for (const count of counts) {
    const list: Person[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < count; i++) {
      let person = order[next++] as Person;
      // A person appears once per paper: redraw from the prolific ones on a clash.
      for (let tries = 0; keys.has(person.name) && tries < 20; tries++)
        person = people[prolific.draw(random)] as Person;
      if (keys.has(person.name)) continue;
      keys.add(person.name);
      list.push(person);
    }
    lists.push(list);
  }
  return lists;
}

function arxivId(random: Random, used: Set<string>): string {
  for (;;) {
    const yymm = `${String(random.int(29, 31)).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}`;
    const id = `${yymm}.${String(random.int(0, 99_999)).padStart(5, '0')}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function yaml(data: Record<string, unknown>): string {
  return stringify(data, { lineWidth: 110, minContentWidth: 40 });
}

function writeFile(path: string, text: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** Writes the corpus and returns what it holds. */
export function generateConference(options: GenerateOptions): CorpusFacts {
  const n = options.papers;
  if (!Number.isInteger(n) || n < THEME_COUNT) throw new Error(`need at least ${THEME_COUNT} papers, got ${n}`);
  const seed = options.seed ?? 'conference-digest-bench';
  const random = new Random(`${seed}/${n}`);
  const vocabulary = loadVocabulary(new Random(`${seed}/vocabulary`));
  const writer = new Writer(random, vocabulary);
  const root = resolve(options.out);
  const projectContent = fileURLToPath(new URL('../content', import.meta.url));
  if (!relative(projectContent, root).startsWith('..') || !relative(root, projectContent).startsWith('..')) {
    throw new Error(`refusing to write the synthetic corpus into or around ${projectContent}; pick a temporary folder`);
  }
  // Only an empty folder or an earlier corpus is cleared, never a folder someone else owns.
  if (existsSync(root) && readdirSync(root).length > 0 && !existsSync(join(root, MARKER))) {
    throw new Error(`refusing to clear ${root}: it is not empty and holds no generated corpus`);
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, MARKER),
    `A synthetic conference written by bench/generate.ts (${n} papers, seed "${seed}").\n`,
  );

  // People and authorships.
  const countSampler = new WeightedSampler(AUTHOR_COUNT_WEIGHTS);
  const counts = Array.from({ length: n }, () => countSampler.draw(random) + 1);
  const people = peoplePool(random, Math.round(n * AUTHORS_PER_PAPER));
  const authorLists = assignAuthors(random, people, counts);

  // Paper records.
  const ids = new Set<string>();
  const arxivIds = new Set<string>();
  const papers: PaperRecord[] = [];
  const facts: CorpusFacts = {
    root,
    conference: CONFERENCE_ID,
    papers: n,
    authors: 0,
    authorships: 0,
    themes: THEME_COUNT,
    talks: 0,
    papersWithMath: 0,
    awards: 0,
    tracks: { conference: 0, workshop: 0, other: 0 },
    summaryChars: 0,
  };
  // Tracks first, so awards go to main-track papers: two Best Papers, then Outstanding Papers.
  const tracks = Array.from({ length: n }, () => {
    const roll = random.next();
    return roll < 0.87 ? 'conference' : roll < 0.98 ? 'workshop' : 'other';
  });
  const mainTrack = random.shuffle(tracks.flatMap((t, i) => (t === 'conference' ? [i] : [])));
  const awardOf = new Map<number, string>();
  mainTrack.slice(0, 2 + Math.max(1, Math.round(n * 0.003))).forEach((i, k) => {
    awardOf.set(i, k < 2 ? 'Best Paper' : 'Outstanding Paper');
  });

  for (let i = 0; i < n; i++) {
    const people = authorLists[i] ?? [];
    // Some records drop the diacritics of a name, as real proceedings do; the site merges them.
    const authors = people.map((p) => (p.name !== p.plain && random.chance(0.05) ? p.plain : p.name));
    const title = writer.title();
    const firstWord = asciiWord(title.split(' ').find((w) => w.length > 3) ?? title) || 'paper';
    const family = authorKey(people[0]?.family ?? 'anon').replaceAll('-', '') || 'anon';
    let id = `${family}${YEAR}${firstWord}`;
    for (let k = 2; ids.has(id); k++) id = `${family}${YEAR}${firstWord}-${k}`;
    ids.add(id);

    const track = tracks[i] ?? 'conference';
    const sentences = Array.from({ length: random.int(5, 9) }, () => writer.sentence());
    const withMath = random.chance(MATH_SHARE);
    if (withMath) {
      const at = random.int(0, sentences.length - 1);
      sentences[at] = `${(sentences[at] ?? '').slice(0, -1)} with $${random.pick(FORMULAS)}$.`;
      facts.papersWithMath++;
    }
    const summary = sentences.join(' ');
    const award = awardOf.get(i);
    papers.push({ id, title, authors, track, award, summary });
    facts.tracks[track]++;
    if (award) facts.awards++;
    facts.authorships += authors.length;
    facts.summaryChars += summary.length;

    const venue =
      track === 'conference' ? SHORT_NAME : track === 'workshop' ? `${SHORT_NAME} Workshop` : 'arXiv preprint';
    const links: Record<string, string> = {};
    if (random.chance(0.35)) links['code'] = `https://github.com/${authorKey(people[0]?.name ?? 'lab')}/${firstWord}`;
    if (random.chance(0.05)) links['video'] = `https://video.example.org/${CONFERENCE_ID}/${id}`;
    const record: Record<string, unknown> = {
      title,
      authors,
      venue,
      year: track === 'other' ? YEAR - 1 : YEAR,
      track,
      arxiv: arxivId(random, arxivIds),
    };
    if (Object.keys(links).length > 0) record['links'] = links;
    if (award) record['award'] = award;
    record['summary'] = summary;
    if (random.chance(0.01)) record['note'] = writer.sentence(8, 16);
    writeFile(join(root, 'papers', CONFERENCE_ID, `${id}.yaml`), yaml(record));
  }
  facts.authors = new Set(papers.flatMap((p) => p.authors.map(authorKey))).size;

  // Themes: each cites its share of the papers, every paper exactly once.
  const order = random.shuffle(papers);
  const themeSlugs = new Set<string>(['outlook']);
  const themes: { slug: string; title: string; papers: PaperRecord[] }[] = [];
  for (let t = 0; t < THEME_COUNT; t++) {
    const start = Math.floor((t * n) / THEME_COUNT);
    const end = Math.floor(((t + 1) * n) / THEME_COUNT);
    const title = `${capitalise(vocabulary.domainWord(random))} ${writer.word(0.3)} ${writer.word(0.3)}`;
    let slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    for (let k = 2; themeSlugs.has(slug); k++) slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${k}`;
    themeSlugs.add(slug);
    themes.push({ slug, title, papers: order.slice(start, end) });
  }
  themes.forEach((theme, t) => {
    const body: string[] = [writer.paragraph(3)];
    const cited = theme.papers;
    let paragraph = 0;
    for (let c = 0; c < cited.length;) {
      if (paragraph % 8 === 0) body.push(`## ${capitalise(writer.word(0.5))} ${writer.word(0.5)} ${writer.word(0.5)}`);
      const group = cited.slice(c, c + random.int(1, 3));
      c += group.length;
      const keys = group.map((p) => `@${p.id}`).join('; ');
      const text = `${writer.paragraph(random.int(2, 4)).slice(0, -1)} [${keys}]. ${writer.sentence()}`;
      body.push(text);
      if (t % 3 === 0 && paragraph === 2) body.push(`$$\n${random.pick(DISPLAY_FORMULAS)}\n$$`);
      paragraph++;
    }
    const frontmatter = yaml({
      title: theme.title,
      order: t + 1,
      summary: writer.summary(14, 30),
    });
    writeFile(
      join(root, 'themes', CONFERENCE_ID, `${theme.slug}.mdx`),
      `---\n${frontmatter}---\n\n${body.join('\n\n')}\n`,
    );
  });

  // The conference, its outlook and its talks.
  const awarded = papers.filter((p) => p.award);
  const overview = [
    writer.paragraph(4),
    '## Awards',
    `${writer.paragraph(2).slice(0, -1)} [${awarded.map((p) => `@${p.id}`).join('; ')}].`,
    '## The programme',
    writer.paragraph(5),
  ];
  writeFile(
    join(root, 'conferences', CONFERENCE_ID, 'index.mdx'),
    `---\n${yaml({
      name: 'Synthetic Conference on Learning Systems',
      shortName: SHORT_NAME,
      year: YEAR,
      dates: { start: `${YEAR}-05-05`, end: `${YEAR}-05-09` },
      location: 'Lisbon, Portugal',
      website: 'https://example.org/scls-2031/',
      summary: `A synthetic conference of ${n} papers that measures the digest engine at scale.`,
    })}---\n\n${overview.join('\n\n')}\n`,
  );
  writeFile(
    join(root, 'conferences', CONFERENCE_ID, 'outlook.mdx'),
    `---\n${yaml({ title: 'What comes next', summary: writer.summary(12, 24) })}---\n\n${writer.paragraph(3).slice(0, -1)} [@${order[0]?.id}].\n`,
  );
  const talks: { slug: string; record: Record<string, unknown> }[] = [];
  for (let k = 0; k < 5; k++) {
    const speaker = random.pick(people).name;
    talks.push({
      slug: `${authorKey(speaker)}-keynote`,
      record: {
        speaker,
        affiliation: `University of ${capitalise(writer.word(0))}`,
        title: writer.title(),
        kind: 'keynote',
        theme: themes[k % themes.length]?.slug,
        summary: writer.paragraph(2),
      },
    });
  }
  const orals = order.slice(0, Math.max(1, Math.round(n * 0.015)));
  for (const paper of orals) {
    const theme = themes.find((t) => t.papers.includes(paper));
    talks.push({
      slug: `${paper.id}-talk`,
      record: {
        speaker: paper.authors[0],
        title: paper.title,
        kind: 'paper-talk',
        theme: theme?.slug,
        paper: paper.id,
        summary: writer.paragraph(2),
      },
    });
  }
  const talkSlugs = new Set<string>();
  for (const talk of talks) {
    if (talkSlugs.has(talk.slug)) continue;
    talkSlugs.add(talk.slug);
    writeFile(join(root, 'talks', CONFERENCE_ID, `${talk.slug}.yaml`), yaml(talk.record));
  }
  facts.talks = talkSlugs.size;
  return facts;
}

function main() {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('give --out <folder> (never the project content/ folder)');
  const facts = generateConference({
    papers: Number(values.papers),
    out: values.out,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
  });
  console.log(JSON.stringify(facts, null, 2));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
