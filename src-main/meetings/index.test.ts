import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeetingSchema } from '../contract/meeting';
import { ArticleExtractionSchema } from '../contract/article-meetings';
import {
  EXTRACTOR_VERSION,
  extractArticleResults,
  extractMeetings,
  mergeArticleResults,
  meetingsReport,
} from './index';
import { testArticle } from './test-article';

describe('extractMeetings', () => {
  it('merges one meeting reported by two articles into one entry with a mention per file', () => {
    const a = testArticle(
      'Kyrgyz and Tajik foreign ministers will meet in Bishkek on Friday to discuss the border.',
      { source: 'a.txt', published: '2024-05-06' },
    );
    const b = testArticle(
      'The foreign ministers of Kyrgyzstan and Tajikistan are scheduled to hold talks in Bishkek on May 10.',
      { source: 'b.txt', published: '2024-05-07' },
    );
    const out = extractMeetings([a, b]);
    expect(out).toHaveLength(1);
    expect(new Set(out[0].mentions.map(m => m.file))).toEqual(new Set(['a.txt', 'b.txt']));
    expect(out[0].date.start).toBe('2024-05-10');
  });

  it('lets a later "held" report supersede an earlier "scheduled" one', () => {
    const a = testArticle('Kyrgyz and Tajik foreign ministers will meet in Bishkek on Friday.', {
      source: 'a.txt',
      published: '2024-05-06',
    });
    const b = testArticle('Kyrgyz and Tajik foreign ministers met in Bishkek on Friday.', {
      source: 'b.txt',
      published: '2024-05-11',
    });
    const [m] = extractMeetings([a, b]);
    expect(m.status).toBe('held');
    expect(m.mentions.map(x => x.status).sort()).toEqual(['held', 'scheduled']);
    expect(m.disagreements).toBeUndefined();
  });

  it('never merges reports that give different exact dates', () => {
    const a = testArticle('Indonesian and Malaysian leaders met in Jakarta on Monday.', {
      source: 'a.txt',
      published: '2024-05-08',
    });
    const b = testArticle('Indonesian and Malaysian leaders met in Jakarta on Tuesday.', {
      source: 'b.txt',
      published: '2024-05-08',
    });
    const out = extractMeetings([a, b]);
    expect(out.map(m => m.date.start).sort()).toEqual(['2024-05-06', '2024-05-07']);
    expect(out.every(m => m.disagreements === undefined)).toBe(true);
  });

  it('resolves an undated article through a merged dated source and says so', () => {
    const a = testArticle(
      'Armenian and Azerbaijani foreign ministers will meet in Almaty on Friday.',
      { source: 'undated.txt', published: null },
    );
    const b = testArticle(
      'Armenian and Azerbaijani foreign ministers are due to meet in Almaty on May 10.',
      { source: 'dated.txt', published: '2024-05-07' },
    );
    const [m] = extractMeetings([a, b]);
    const undated = m.mentions.find(x => x.file === 'undated.txt');
    expect(undated?.date.start).toBe('2024-05-10');
    expect(undated?.dateResolvedVia).toBe('dated.txt');
  });

  it("dates an undated article's other meetings from the source it shares a meeting with", () => {
    const undated = testArticle(
      'Kazakh and Uzbek foreign ministers arrived in Tashkent for talks on water sharing. ' +
        'Earlier this month, the deputy foreign ministers of Kazakhstan and Uzbekistan held a ' +
        'meeting in Samarkand to prepare the agenda.',
      { source: 'undated.txt', published: null },
    );
    const dated = testArticle(
      'The foreign ministers of Kazakhstan and Uzbekistan will meet in Tashkent on June 18 to ' +
        'discuss water sharing.',
      { source: 'dated.txt', published: '2024-06-17' },
    );
    const out = extractMeetings([undated, dated]);
    const shared = out.find(m => new Set(m.mentions.map(x => x.file)).size === 2);
    expect(shared?.date.start).toBe('2024-06-18');
    const earlier = out.find(m =>
      m.mentions.some(x => x.sentence.startsWith('Earlier this month')),
    );
    expect(earlier?.date).toMatchObject({ start: '2024-06-01', end: '2024-06-16' });
    expect(earlier?.place.city).toBe('Samarkand');
    expect(earlier?.mentions[0].dateResolvedVia).toBe('dated.txt');
    expect(earlier?.confidence?.date).toEqual({ confidence: 'medium', basis: 'merge' });
    // The same from cached per-article results, which carry no article text.
    const cached = extractArticleResults([dated, undated]).map(r => JSON.parse(JSON.stringify(r)));
    expect(mergeArticleResults(cached).meetings).toEqual(out);
  });

  it('leaves neighbouring meetings as they were when undated reports arrive', () => {
    const held = testArticle('Thai and Cambodian foreign ministers met in Bangkok on Monday.', {
      source: 'held.txt',
      published: '2024-03-06',
    });
    const planned = testArticle(
      'Thai and Cambodian foreign ministers will meet in Phnom Penh on March 20.',
      { source: 'planned.txt', published: '2024-03-06' },
    );
    const undated = [
      'Thai and Cambodian foreign ministers will meet on Wednesday to discuss the border.',
      'The foreign ministers of Thailand and Cambodia are due to hold talks on Wednesday.',
    ].map((text, i) => testArticle(text, { source: `undated-${i}.txt`, published: null }));
    const before = extractMeetings([held, planned]);
    const after = extractMeetings([held, ...undated, planned]);
    for (const m of before) expect(after).toContainEqual(m);
    expect(after.map(m => m.status).sort()).toEqual(expect.arrayContaining(['held', 'scheduled']));
  });

  it('keeps different meetings of the same countries apart', () => {
    const a = testArticle('Thai and Cambodian ministers met in Bangkok on March 2.', {
      source: 'a.txt',
      published: '2024-03-04',
    });
    const b = testArticle('Thai and Cambodian ministers met in Phnom Penh on June 20.', {
      source: 'b.txt',
      published: '2024-06-21',
    });
    expect(extractMeetings([a, b])).toHaveLength(2);
  });

  it('gives two meetings opened by one sentence different ids', () => {
    const results = extractArticleResults([
      testArticle('Ghanaian and Nigerian presidents met in Accra on Monday.', {
        source: 'a.txt',
        published: '2024-05-08',
      }),
    ]);
    const [first] = results[0].meetings;
    // A second meeting whose first mention is the same sentence, as extractors report when one
    // sentence names two meetings.
    const second = { ...first, order: 1, countries: ['BF', 'ML'], city: 'Bamako', levels: [] };
    const out = mergeArticleResults([{ ...results[0], meetings: [first, second] }]).meetings;
    expect(out).toHaveLength(2);
    expect(new Set(out.map(m => m.id)).size).toBe(2);
  });

  it('gives the same ids for the same articles', () => {
    const a = testArticle('Ghanaian and Nigerian presidents met in Accra on Monday.', {
      published: '2024-05-08',
    });
    expect(extractMeetings([a])[0].id).toBe(extractMeetings([a])[0].id);
  });

  it('turns the bundled seeds into valid meetings whose evidence offsets hold', () => {
    const dir = join(__dirname, '../../seeds');
    const articles = readdirSync(dir).map(f =>
      testArticle(readFileSync(join(dir, f), 'utf8'), { source: `seeds/${f}` }),
    );
    const meetings = extractMeetings(articles);
    expect(meetings.length).toBeGreaterThanOrEqual(5);
    const byId = new Map(articles.map(a => [a.id, a]));
    for (const m of meetings) {
      expect(() => MeetingSchema.parse(m)).not.toThrow();
      for (const x of m.mentions)
        expect(byId.get(x.articleId)?.text.slice(x.start, x.end)).toBe(x.sentence);
    }
    const quad = meetings.find(m => m.date.start === '2023-04-25');
    expect(new Set(quad?.mentions.map(x => x.file)).size).toBe(2);
    expect(quad?.place.city).toBe('Moscow');
  });
});

describe('extractArticleResults', () => {
  it('gives per-article results that survive the process border unchanged', () => {
    const dir = join(__dirname, '../../seeds');
    const articles = readdirSync(dir).map(f =>
      testArticle(readFileSync(join(dir, f), 'utf8'), { source: `seeds/${f}` }),
    );
    const results = extractArticleResults(articles);
    expect(results.map(r => r.articleId)).toEqual(articles.map(a => a.id));
    for (const r of results) {
      expect(r.extractorVersion).toBe(EXTRACTOR_VERSION);
      expect(ArticleExtractionSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
    }
  });
});

describe('mergeArticleResults', () => {
  const dir = join(__dirname, '../../seeds');
  const articles = readdirSync(dir).map(f =>
    testArticle(readFileSync(join(dir, f), 'utf8'), { source: `seeds/${f}` }),
  );

  it('gives the same meetings from cached results, in any order, as extracting the articles', () => {
    const results = extractArticleResults(articles).map(r => JSON.parse(JSON.stringify(r)));
    const whole = extractMeetings(articles);
    const merged = mergeArticleResults(results);
    expect(merged).toEqual({ meetings: whole, stale: [] });
    const reversed = mergeArticleResults([...results].reverse()).meetings;
    const byId = (ms: typeof whole) => [...ms].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(reversed)).toEqual(byId(whole));
  });

  it('refuses results of another extractor version and names their articles', () => {
    const [first, ...rest] = extractArticleResults(articles);
    const out = mergeArticleResults([{ ...first, extractorVersion: 'extract-0' }, ...rest]);
    expect(out.stale).toEqual([first.articleId]);
    expect(out.meetings.flatMap(m => m.mentions).some(x => x.articleId === first.articleId)).toBe(
      false,
    );
  });
});

describe('meetingsReport', () => {
  it('lists every article and every unreadable file', () => {
    const a = testArticle('Ghanaian and Nigerian presidents met in Accra on Monday.', {
      source: 'x/a.txt',
      published: '2024-05-08',
    });
    const r = meetingsReport({
      articles: [a],
      errors: [{ file: 'x/b.bin', code: 'binary', message: 'not a text file' }],
    });
    expect(r.articles).toEqual([
      { file: 'x/a.txt', id: a.id, title: a.title, published: '2024-05-08', error: null },
      { file: 'x/b.bin', id: null, title: null, published: null, error: 'not a text file' },
    ]);
    expect(r.meetings).toHaveLength(1);
  });
});
