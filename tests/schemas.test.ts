import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { arxivId, conferenceSchema, httpUrl, paperSchema, talkSchema, themeSchema } from '../src/schemas';

const goodPaper = {
  title: 'Neural Programmer-Interpreters',
  authors: ['Scott Reed', 'Nando de Freitas'],
  venue: 'ICLR 2016',
  year: 2016,
  track: 'conference',
  arxiv: '1511.06279',
  award: 'Best Paper',
  summary: 'A network that learns to compose programs.',
};

/** The issue paths of a failed parse, as "field: message". */
function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.success ? [] : (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('arxivId', () => {
  it.each(['1510.00149', '1412.6980', '0704.0001'])('accepts %s', (id) => {
    expect(arxivId.safeParse(id).success).toBe(true);
  });
  it.each(['arXiv:1510.00149', '1510.00149v2', '1513.00149', '1510.0014', '1412.69800', 'hep-th/9901001'])(
    'rejects %s',
    (id) => {
      expect(arxivId.safeParse(id).success).toBe(false);
    },
  );
});

describe('httpUrl', () => {
  it('accepts http(s) and rejects other schemes', () => {
    expect(httpUrl.safeParse('https://arxiv.org/abs/1510.00149').success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.org/a', '/relative', 'arxiv.org']) {
      expect(httpUrl.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('paperSchema', () => {
  it('accepts a complete record and fills defaults', () => {
    const parsed = paperSchema.parse(goodPaper);
    expect(parsed.links).toEqual({});
  });

  it('accepts a paper without arXiv when it links to its record', () => {
    const rest: Record<string, unknown> = { ...goodPaper };
    delete rest['arxiv'];
    expect(paperSchema.safeParse({ ...rest, links: { pdf: 'https://example.org/p.pdf' } }).success).toBe(true);
    expect(problems(paperSchema.safeParse(rest))).toEqual([
      'arxiv: give the arXiv id (arxiv: "1510.00149") or, for a paper without one, links.abs or links.pdf',
    ]);
  });

  it('names each bad field', () => {
    const result = paperSchema.safeParse({
      ...goodPaper,
      authors: [],
      year: 16,
      track: 'poster',
      arxiv: '1511.6279',
      links: { code: 'javascript:alert(1)' },
      autors: ['typo'],
    });
    const fields = problems(result).map((p) => p.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['authors', 'year', 'track', 'arxiv', 'links.code', '']));
    expect(problems(result).join('\n')).toMatch(/autors/);
  });

  it('rejects blank text and doubled spaces in names', () => {
    expect(problems(paperSchema.safeParse({ ...goodPaper, title: '  ' }))).toEqual(['title: must not be empty']);
    expect(problems(paperSchema.safeParse({ ...goodPaper, authors: ['Scott  Reed'] }))).toEqual([
      'authors.0: use single spaces inside a name',
    ]);
    expect(problems(paperSchema.safeParse({ ...goodPaper, authors: ['🧑‍🔬', '<>'] }))).toEqual([
      'authors.0: a name needs at least one letter or digit',
      'authors.1: a name needs at least one letter or digit',
    ]);
  });
});

describe('talkSchema', () => {
  const keynote = { speaker: 'Chris Dyer', title: 'A talk', kind: 'keynote' };
  it('accepts a keynote without a paper', () => {
    expect(talkSchema.safeParse(keynote).success).toBe(true);
  });
  it('requires a paper for a paper talk', () => {
    expect(problems(talkSchema.safeParse({ ...keynote, kind: 'paper-talk' }))).toEqual([
      'paper: a paper-talk names the paper presented (paper: <paper id>)',
    ]);
  });
});

describe('themeSchema and conferenceSchema', () => {
  it('reject what editors commonly get wrong', () => {
    expect(problems(themeSchema.safeParse({ conference: 'iclr-2016', title: 'x', order: 0, summary: 'y' }))).toEqual([
      'order: Too small: expected number to be >=1',
      ': Unrecognized key: "conference"',
    ]);
    const conference = {
      name: 'Example',
      shortName: 'EX 2016',
      year: 2016,
      dates: { start: '2016-05-04', end: '2016-05-02' },
      location: 'Somewhere',
      website: 'https://example.org/',
      summary: 'One line.',
    };
    expect(problems(conferenceSchema.safeParse(conference))).toEqual([
      'dates.end: the end date comes before the start date',
    ]);
    const dates = { start: '2016-05-02', end: '2016-05-04' };
    const deadlines = { abstract: '2015-11-19', paper: '2015-11-12', source: 'https://example.org/cfp' };
    expect(problems(conferenceSchema.safeParse({ ...conference, dates, deadlines }))).toEqual([
      'deadlines.abstract: the abstract deadline comes after the paper deadline',
    ]);
    expect(problems(conferenceSchema.safeParse({ ...conference, dates, deadlines: { paper: '2015-11-19' } }))).toEqual([
      'deadlines.source: must be an absolute http:// or https:// URL',
    ]);
  });
});

describe('the real content', () => {
  const root = join(import.meta.dirname, '..', 'content');
  const records = (folder: string) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ya?ml$/.test(f) && !f.split('/').pop()!.startsWith('_'))
      .map((f) => ({ file: f, data: parse(readFileSync(join(root, folder, f), 'utf8')) as unknown }));

  it('has paper records that all pass the schema', () => {
    const papers = records('papers');
    expect(papers.length).toBeGreaterThan(0);
    for (const { file, data } of papers) expect(problems(paperSchema.safeParse(data)), file).toEqual([]);
  });

  it('has talk records that all pass the schema', () => {
    for (const { file, data } of records('talks')) expect(problems(talkSchema.safeParse(data)), file).toEqual([]);
  });
});
