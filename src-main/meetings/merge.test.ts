import { describe, expect, it } from 'vitest';
import { generateCorpus, itemKey, shuffled, type Corpus } from './generated-corpus';
import { clusterMeetings, statedSides, type MergeItem } from './merge';
import { report } from './test-merge-item';

/** Groups as sorted lists of item keys, sorted: comparable across runs and orders. */
function canonicalGroups(groups: MergeItem[][]): string[] {
  return groups.map(g => g.map(itemKey).sort().join(',')).sort();
}

/** Every group holds reports of one real meeting, and every dated report of it is in one group. */
function expectTruth(corpus: Corpus, groups: MergeItem[][]): void {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach(m => groupOf.set(itemKey(m), i)));
  for (const g of groups) {
    const truths = new Set(g.map(m => corpus.meetingOf.get(itemKey(m))));
    expect(truths.size, `group ${g.map(itemKey).join(',')} spans meetings`).toBe(1);
  }
  const datedGroups = new Map<number, Set<number>>();
  for (const m of corpus.items) {
    if (!m.date.start) continue;
    const t = corpus.meetingOf.get(itemKey(m)) ?? -1;
    const set = datedGroups.get(t) ?? new Set<number>();
    set.add(groupOf.get(itemKey(m)) ?? -1);
    datedGroups.set(t, set);
  }
  for (const [t, set] of datedGroups) expect(set.size, `meeting ${t} split`).toBe(1);
}

describe('clusterMeetings', () => {
  it('groups generated reports exactly by the meeting they report', () => {
    const corpus = generateCorpus(1, { meetings: 400 });
    const groups = clusterMeetings(corpus.items);
    expectTruth(corpus, groups);
    // Undated reports join their meeting when it is the only one that fits.
    const undated = corpus.items.filter(m => !m.date.start);
    const joined = undated.filter(m => groups.some(g => g.length > 1 && g.includes(m)));
    expect(joined.length / undated.length).toBeGreaterThan(0.8);
  });

  it('keeps talks held on different Mondays apart, however many reports there are', () => {
    const mondays = Array.from({ length: 500 }, (_, i) =>
      new Date(Date.UTC(2014, 0, 6) + i * 7 * 86_400_000).toISOString().slice(0, 10),
    );
    const corpus = generateCorpus(2, {
      meetings: 500,
      reports: 5,
      cityShare: 1,
      fixed: i => ({
        countries: ['AM', 'AZ'],
        city: 'Astana',
        level: 'foreign ministers',
        day: mondays[i],
      }),
    });
    expect(corpus.items.length).toBeGreaterThan(1400);
    const groups = clusterMeetings(corpus.items);
    expect(groups.filter(g => g.some(m => m.date.start))).toHaveLength(500);
    expectTruth(corpus, groups);
  });

  it('gives the same meetings whatever order the articles arrive in', () => {
    const corpus = generateCorpus(3, { meetings: 600 });
    const base = canonicalGroups(clusterMeetings(corpus.items));
    for (const seed of [11, 12, 13])
      expect(canonicalGroups(clusterMeetings(shuffled(corpus.items, seed)))).toEqual(base);
  });

  it('leaves every meeting alone when articles about other meetings are added', () => {
    const used = new Set<string>();
    const corpus = generateCorpus(4, { meetings: 500, used });
    // Other meetings of the same countries, levels and weeks: only their cities and days differ.
    // Some of their reports are undated too, and look for meetings of their countries.
    const others = generateCorpus(5, { meetings: 500, used, prefix: 'x', undatedShare: 0.3 });
    for (const m of others.items) m.city = 'Quito';
    const before = canonicalGroups(clusterMeetings(corpus.items));
    const after = clusterMeetings(shuffled([...corpus.items, ...others.items], 6));
    const untouched = canonicalGroups(
      after.filter(g => g.every(m => !m.articleId.startsWith('x'))),
    );
    expect(untouched).toEqual(before);
  });

  it('splits and re-merges without losing or moving a report', () => {
    const corpus = generateCorpus(7, { meetings: 300 });
    const groups = clusterMeetings(corpus.items);
    for (const g of groups)
      expect(canonicalGroups(clusterMeetings(g))).toEqual(canonicalGroups([g]));
    const remerged = clusterMeetings(shuffled(groups.flat(), 8));
    expect(canonicalGroups(remerged)).toEqual(canonicalGroups(groups));
    expect(remerged.flat()).toHaveLength(corpus.items.length);
  });

  it('keeps the same rules with 10,000 articles', () => {
    const corpus = generateCorpus(9, { meetings: 5000, reports: 3 });
    expect(corpus.items.length).toBeGreaterThan(9000);
    const groups = clusterMeetings(corpus.items);
    expectTruth(corpus, groups);
    expect(canonicalGroups(clusterMeetings(shuffled(corpus.items, 10)))).toEqual(
      canonicalGroups(groups),
    );
  }, 60_000);

  it('ties a report with no countries to one with countries by a shared bloc only in one city', () => {
    const envoys = report('envoys.txt', '2024-06-04', {
      organizations: ['ECOWAS'],
      city: null,
      levels: [],
      date: { start: '2024-06-01', end: '2024-06-07', precision: 'range', text: 'this week' },
    });
    const chiefs = report('chiefs.txt', '2024-06-04', {
      countries: [],
      organizations: ['ECOWAS'],
      city: 'Accra',
      levels: [],
    });
    expect(clusterMeetings([envoys, chiefs])).toHaveLength(2);
    const inAccra = { ...envoys, articleId: 'accra.txt', file: 'accra.txt', city: 'Accra' };
    expect(clusterMeetings([inAccra, chiefs])).toHaveLength(1);
  });

  it('leaves an undated report apart when two meetings fit it equally', () => {
    const corpus = generateCorpus(14, {
      meetings: 2,
      reports: 1,
      undatedShare: 0,
      fixed: i => ({
        countries: ['KE', 'UA'],
        city: 'Nairobi',
        level: 'trade ministers',
        day: i === 0 ? '2023-03-06' : '2023-03-08',
      }),
    });
    const undated: MergeItem = {
      ...corpus.items[0],
      articleId: 'undated',
      file: 'undated.txt',
      published: null,
      date: { start: null, end: null, precision: 'unknown', text: 'Monday' },
    };
    const groups = clusterMeetings([...corpus.items, undated]);
    expect(groups.find(g => g.includes(undated))).toEqual([undated]);
  });

  it('joins an undated report to the one fitting meeting held in the city it names', () => {
    // One article: a three-way summit in Arusha, and the bilateral the hosts hold that day,
    // for which it gives no place.
    const summit = report('summit.txt', '2024-06-03', {
      countries: ['KE', 'TZ', 'UG'],
      levels: ['heads of state'],
      status: 'held',
    });
    const bilateral = report('summit.txt', '2024-06-03', {
      order: 1,
      countries: ['KE', 'TZ'],
      levels: ['heads of state'],
      city: null,
      status: 'held',
    });
    // A week earlier, another outlet: the Kenyan and Tanzanian leaders will meet in Arusha.
    const plan = report('plan.txt', '2024-05-27', {
      countries: ['KE', 'TZ'],
      levels: ['heads of state'],
      date: { start: null, end: null, precision: 'unknown', text: null },
    });
    const groups = clusterMeetings([summit, bilateral, plan]);
    expect(groups.find(g => g.includes(plan))).toEqual([summit, plan]);
    // Without a city it could be either meeting: it stays apart.
    const vague = { ...plan, articleId: 'vague.txt', file: 'vague.txt', city: null };
    expect(clusterMeetings([summit, bilateral, vague]).find(g => g.includes(vague))).toEqual([
      vague,
    ]);
  });

  it('joins an undated report of a three-way meeting to the one with three sides, not the bilateral', () => {
    // One article, on the day: the Kenyan, Tanzanian and Ugandan leaders meet in Arusha, and
    // Kenya's and Tanzania's hold a bilateral there as well.
    const summit = report('day.txt', '2024-06-03', {
      countries: ['KE', 'TZ', 'UG'],
      levels: ['heads of state'],
      status: 'held',
    });
    const bilateral = report('day.txt', '2024-06-03', {
      order: 1,
      countries: ['KE', 'TZ'],
      levels: ['heads of state'],
      status: 'held',
    });
    // A week earlier, another outlet names only two of the three sides.
    const offer = report('offer.txt', '2024-05-27', {
      countries: ['KE', 'TZ'],
      levels: ['heads of state'],
      status: 'proposed',
      date: { start: null, end: null, precision: 'unknown', text: null },
      mentions: [
        {
          sentence: 'Nairobi said it accepted an invitation to a trilateral meeting in Arusha.',
          start: 0,
          end: 70,
        },
      ],
    });
    expect(statedSides(offer)).toBe(3);
    const groups = clusterMeetings([summit, bilateral, offer]);
    expect(groups.find(g => g.includes(offer))).toEqual([summit, offer]);
    // Counted as two sides it is the bilateral.
    const twoWay = {
      ...offer,
      mentions: [
        { sentence: 'The two leaders plan bilateral talks in Arusha.', start: 0, end: 46 },
      ],
    };
    expect(clusterMeetings([summit, bilateral, twoWay]).find(g => g.includes(twoWay))).toEqual([
      bilateral,
      twoWay,
    ]);
    // Not counted: either meeting could be meant, so it stays apart.
    const plain = { ...offer, mentions: [{ sentence: 'They will meet.', start: 0, end: 15 }] };
    expect(statedSides(plain)).toBeNull();
    expect(clusterMeetings([summit, bilateral, plain]).find(g => g.includes(plain))).toEqual([
      plain,
    ]);
  });

  it('keeps a report of two encounters apart from either, when another article reports each alone', () => {
    const envoy = (name: string) => ({ name, role: null, country: 'ML' });
    // One outlet: the mediators saw the coup leader and the deposed president on Sunday.
    const both = report('both.txt', '2024-06-03', {
      countries: ['ML'],
      people: [envoy('Amadou Keita'), envoy('Ibrahim Traore')],
      organizations: ['ECOWAS'],
      levels: ['heads of state'],
      status: 'held',
      city: null,
    });
    // Another tells them apart: one meeting with each, the coup leader's name spelt otherwise.
    const deposed = report('each.txt', '2024-06-03', {
      countries: ['ML'],
      people: [envoy('Ibrahim Traore')],
      organizations: ['ECOWAS'],
      levels: ['heads of state'],
      status: 'held',
      city: null,
    });
    const junta = report('each.txt', '2024-06-03', {
      order: 1,
      countries: ['ML', 'NG'],
      people: [envoy('Amadou Keyta'), { name: 'Yakubu Bello', role: null, country: 'NG' }],
      organizations: ['ECOWAS'],
      levels: ['heads of state'],
      status: 'held',
      city: null,
    });
    const groups = clusterMeetings([both, deposed, junta]);
    expect(groups).toHaveLength(3);
    // Whichever article sorts first: the two-encounter report of an outlet named later too.
    const later = { ...both, articleId: 'zz-both.txt', file: 'zz-both.txt' };
    expect(clusterMeetings([later, deposed, junta])).toHaveLength(3);
    // With only one of the two encounters reported elsewhere, the reports merge as before.
    expect(clusterMeetings([both, deposed]).find(g => g.includes(both))).toEqual([both, deposed]);
    // Two reports of one meeting and a side meeting that shares its people do not split it.
    const trio = report('trio.txt', '2024-06-03', {
      countries: ['KE', 'TZ', 'UG'],
      people: [envoy('Jomo Otieno'), envoy('Halima Said'), envoy('Peter Okello')],
    });
    const plenary = report('other.txt', '2024-06-03', {
      countries: ['KE', 'TZ', 'UG'],
      people: [envoy('Jomo Otieno')],
    });
    const side = report('other.txt', '2024-06-03', {
      order: 1,
      countries: ['KE', 'TZ'],
      people: [envoy('Jomo Otieno'), envoy('Halima Said')],
    });
    const merged = clusterMeetings([trio, plenary, side]).find(g => g.includes(trio));
    expect(merged).toHaveLength(2);
    expect(merged).toContain(plenary);
  });
});
