import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  arxivId,
  conferenceSchema,
  doi,
  followUpSchema,
  forecastSchema,
  httpUrl,
  paperSchema,
  talkSchema,
  themeSchema,
} from '../src/schemas';

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

describe('followUpSchema', () => {
  const good = {
    title: 'The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks',
    kind: 'paper',
    date: '2018-03',
    authors: ['Jonathan Frankle', 'Michael Carbin'],
    arxiv: '1803.03635',
    themes: ['compressing-networks'],
    papers: ['han2016deep'],
    summary: 'Why pruned networks train.',
  };

  it('accepts a dated paper with one identifier', () => {
    expect(problems(followUpSchema.safeParse(good))).toEqual([]);
    const event = { ...good, kind: 'event', authors: undefined, arxiv: undefined, url: 'https://example.org/news' };
    expect(problems(followUpSchema.safeParse(event))).toEqual([]);
  });

  it('needs exactly one identifier, in its own form', () => {
    expect(problems(followUpSchema.safeParse({ ...good, arxiv: undefined }))).toEqual([
      'arxiv: give exactly one identifier: arxiv, doi, or url (for an announcement)',
    ]);
    expect(problems(followUpSchema.safeParse({ ...good, doi: '10.1038/nature24270' }))).toEqual([
      'arxiv: give exactly one identifier: arxiv, doi, or url (for an announcement)',
    ]);
    expect(problems(followUpSchema.safeParse({ ...good, arxiv: 'arXiv:1803.03635' }))[0]).toMatch(
      /^arxiv: write an arXiv id/,
    );
  });

  it('needs a month, a paper its authors, and a theme', () => {
    expect(problems(followUpSchema.safeParse({ ...good, date: '2018-3' }))).toEqual([
      'date: write the month as YYYY-MM, e.g. "2017-04"',
    ]);
    expect(problems(followUpSchema.safeParse({ ...good, authors: undefined }))).toEqual([
      'authors: a paper lists its authors',
    ]);
    expect(problems(followUpSchema.safeParse({ ...good, themes: [] }))).toEqual([
      'themes: name at least one theme it follows from',
    ]);
  });
});

describe('doi', () => {
  it.each(['10.1038/nature24270', '10.1145/3079856.3080246'])('accepts %s', (value) => {
    expect(doi.safeParse(value).success).toBe(true);
  });
  it.each(['https://doi.org/10.1038/nature24270', 'doi:10.1038/x', '10.12/x', '10.1038/'])('rejects %s', (value) => {
    expect(doi.safeParse(value).success).toBe(false);
  });
});

describe('forecastSchema', () => {
  const good = {
    order: 1,
    forecast: 'A network of one megabyte would match VGGNet within a year.',
    horizon: 'within a year',
    verdict: 'did not happen',
    reasoning: 'The nearest was four megabytes.',
    evidence: [{ title: 'MobileNets', date: '2017-04', arxiv: '1704.04861', what: 'Close, at 4 MB.' }],
  };

  it('accepts a graded forecast with dated evidence', () => {
    expect(problems(forecastSchema.safeParse(good))).toEqual([]);
    const day = { ...good.evidence[0]!, arxiv: undefined, url: 'https://example.org/a', date: '2016-09-06' };
    expect(problems(forecastSchema.safeParse({ ...good, evidence: [day] }))).toEqual([]);
  });

  it('refuses a verdict outside the scale, no evidence, and evidence without its date or identifier', () => {
    expect(problems(forecastSchema.safeParse({ ...good, verdict: 'maybe' }))[0]).toMatch(/^verdict: /);
    expect(problems(forecastSchema.safeParse({ ...good, evidence: [] }))).toEqual([
      'evidence: give the evidence the verdict rests on',
    ]);
    const undated = { title: 'X', date: 'June 2017', arxiv: '1704.04861', what: 'Y' };
    expect(problems(forecastSchema.safeParse({ ...good, evidence: [undated] }))).toEqual([
      'evidence.0.date: write the date as YYYY-MM-DD, or YYYY-MM where the record gives only the month',
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

  it('has follow-ups and forecasts that pass their schemas, and uses no identifier twice', () => {
    const followUps = records('follow-ups');
    for (const { file, data } of followUps) expect(problems(followUpSchema.safeParse(data)), file).toEqual([]);
    for (const { file, data } of records('forecasts'))
      expect(problems(forecastSchema.safeParse(data)), file).toEqual([]);
    const ids = followUps.map(({ data }) => {
      const r = data as { arxiv?: string; doi?: string; url?: string };
      return r.arxiv ?? r.doi?.toLowerCase() ?? r.url;
    });
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Nor does a follow-up repeat a paper of the digest.
    const papers = new Set(records('papers').map(({ data }) => (data as { arxiv?: string }).arxiv));
    expect(ids.filter((id) => papers.has(id))).toEqual([]);
  });
});
