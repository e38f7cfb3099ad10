import { describe, expect, it } from 'vitest';
import type { ArticleMeetingRecord } from '../../src-main/contract/article-meetings';
import { prng } from '../../src-main/testing/prng';
import { couldJoin } from './merge-scope';
import { isoDay, scopeKeys, scopeQueries, type ScopeQuery } from './scope-keys';
import { toStored } from './sync';
import { meeting, mention } from './testing';

const CODES = ['CN', 'FR', 'IR', 'RU', 'US'];
const LEVELS = ['defence ministers', 'foreign ministers', 'heads of state'];
const BASE = 19_400; // a day in 2023

const matches = (q: ScopeQuery, key: string): boolean =>
  'equals' in q ? key === q.equals : key >= q.from && key <= q.to;

/** Random stored meetings and reports over a few countries and about three years. */
function world(seed: number) {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const some = (): string[] => [...new Set([pick(CODES), ...(rand() < 0.7 ? [pick(CODES)] : [])])];
  const dateOf = () => {
    const r = rand();
    if (r < 0.15) return { start: null, end: null, precision: 'unknown' as const, text: null };
    const d = BASE + Math.floor(rand() * 1_100);
    if (r < 0.4) {
      const first = isoDay(d).slice(0, 8) + '01';
      return { start: first, end: null, precision: 'month' as const, text: 'that month' };
    }
    const end = rand() < 0.2 ? isoDay(d + Math.floor(rand() * 40)) : null;
    return { start: isoDay(d), end, precision: 'day' as const, text: 'that day' };
  };
  const meetings = Array.from({ length: 400 }, (_, i) => {
    const codes = some();
    const date = dateOf();
    const undatedMember = rand() < 0.3;
    return toStored(
      meeting(
        `m${i}`,
        [
          mention(`a${i}`, 0, 'They met.', { date }),
          ...(undatedMember
            ? [mention(`b${i}`, 0, 'They met.', { date: { ...date, start: null } })]
            : []),
        ],
        {
          date,
          level: rand() < 0.2 ? null : pick(LEVELS),
          participants: {
            countries: codes.map(code => ({ code, name: code })),
            people: [],
            organizations: [],
          },
          place: {
            city: rand() < 0.5 ? 'Moscow' : null,
            country: rand() < 0.3 ? { code: pick(CODES), name: 'x' } : null,
            venue: null,
          },
        },
      ),
    );
  });
  const reports: ArticleMeetingRecord[] = Array.from({ length: 300 }, (_, i) => {
    const date = dateOf();
    const published = rand() < 0.1 ? null : isoDay(BASE + Math.floor(rand() * 1_100));
    return {
      articleId: `r${i}`,
      file: `r${i}.txt`,
      published,
      dateResolvedVia: null,
      mentions: [],
      purpose: null,
      lastSentence: 0,
      order: 0,
      status: 'held',
      date: { ...date, precision: date.start ? date.precision : 'unknown' },
      monthHint: null,
      countries: rand() < 0.05 ? [] : some(),
      people: [],
      organizations: [],
      levels: rand() < 0.4 ? [] : [pick(LEVELS)],
      city: rand() < 0.5 ? 'Moscow' : null,
      placeCountry: null,
      venue: null,
      separate: false,
    };
  });
  return { meetings, reports };
}

describe('scopeQueries', () => {
  for (const seed of [1, 2, 3]) {
    it(`finds every meeting the merge rules let a report join, and few others (seed ${seed})`, () => {
      const { meetings, reports } = world(seed);
      let joins = 0;
      let found = 0;
      for (const m of reports) {
        const queries = scopeQueries([m]).map(q => q.query);
        const hit = new Set(
          meetings
            .filter(x => x.scopeKeys.some(k => queries.some(q => matches(q, k))))
            .map(x => x.id),
        );
        found += hit.size;
        for (const x of meetings)
          if (couldJoin(m, x)) {
            joins++;
            expect(hit.has(x.id), `${m.articleId} could join ${x.id}`).toBe(true);
          }
      }
      expect(joins).toBeGreaterThan(100);
      // A country's meetings outside the windows are not read: far fewer than every meeting
      // that shares a country with each report.
      const byCountry = reports.reduce(
        (n, m) =>
          n + meetings.filter(x => m.countries.some(c => x.countryCodes.includes(c))).length,
        0,
      );
      expect(found).toBeLessThan(byCountry / 2);
    });
  }

  it('merges the windows of one country, and reads an undated report without a date whole', () => {
    const report = (over: Partial<ArticleMeetingRecord>): ArticleMeetingRecord => ({
      ...world(9).reports[0],
      countries: ['FR'],
      levels: ['heads of state'],
      ...over,
    });
    const day = (start: string) => ({ start, end: null, precision: 'day' as const, text: null });
    const near = scopeQueries([
      report({ date: day('2023-05-10') }),
      report({ date: day('2023-05-12') }),
    ]).map(q => q.query);
    expect(near).toEqual([
      { equals: 'FR|u' },
      { from: 'FR|d|2023-03-01', to: 'FR|d|2023-05-12' },
      { from: 'FR|w|2021-05-08', to: 'FR|w|2023-05-12' },
      { from: 'FR|n|2022-08-01', to: 'FR|n|2023-12-10' },
    ]);
    const undated = { start: null, end: null, precision: 'unknown' as const, text: null };
    expect(scopeQueries([report({ date: undated, published: null })]).map(q => q.query)).toEqual([
      { equals: 'FR|u' },
      { from: 'FR|d|', to: 'FR|d|~' },
    ]);
    // Without a level an undated report joins nothing, so nothing is read for it.
    expect(scopeQueries([report({ date: undated, levels: [] })])).toEqual([]);
  });
});

describe('scopeKeys', () => {
  it('keys a meeting under each country, by its start and what reaches it', () => {
    expect(
      scopeKeys({
        dateStart: '2024-02-01',
        countryCodes: ['US', 'CN'],
        mentions: [{ date: { start: '2024-02-01' } }, { date: { start: null } }],
      }),
    ).toEqual([
      'US|d|2024-02-01',
      'US|w|2024-02-01',
      'US|n|2024-02-01',
      'CN|d|2024-02-01',
      'CN|w|2024-02-01',
      'CN|n|2024-02-01',
    ]);
    expect(scopeKeys({ dateStart: '', countryCodes: ['US'] })).toEqual(['US|u']);
    expect(scopeKeys({ dateStart: '2024-02-03', countryCodes: 'US' })).toEqual([]);
  });
});
