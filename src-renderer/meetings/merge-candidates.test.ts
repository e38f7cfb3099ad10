import { describe, expect, it } from 'vitest';
import { applyDecisions, type ShownMeeting } from './decisions';
import { describeCandidate, mergeCandidate, rankMergeCandidates } from './merge-candidates';
import { meeting, mention } from './testing';

const day = (start: string | null) => ({
  start,
  end: null,
  precision: start ? ('day' as const) : ('unknown' as const),
  text: null,
});
const countries = (...codes: string[]) => ({
  countries: codes.map(code => ({ code, name: code === 'IR' ? 'Iran' : code })),
  people: [],
  organizations: [],
});

function shown(): ShownMeeting[] {
  return applyDecisions(
    [
      meeting('open', [mention('a', 0, 'Iran and Russia met.')], {
        date: day('2023-04-25'),
        participants: countries('IR', 'RU'),
      }),
      meeting('alpha-far', [mention('b', 0, 'Iran and Russia met again.')], {
        title: 'Alpha talks',
        date: day('2024-01-10'),
        participants: countries('IR', 'RU'),
      }),
      meeting('beta-other', [mention('c', 0, 'France and Spain met.')], {
        title: 'Beta talks',
        date: day('2023-04-25'),
        participants: countries('FR', 'ES'),
        place: { city: 'Paris', country: null, venue: null },
      }),
      meeting('zulu-near', [mention('d', 0, 'Iranian and Russian envoys met.')], {
        title: 'Zulu talks',
        date: day('2023-04-27'),
        participants: countries('IR', 'RU'),
      }),
      meeting('undated-same', [mention('e', 0, 'Iran and Russia held talks.')], {
        title: 'Undated talks',
        date: day(null),
        participants: countries('IR', 'RU', 'SY'),
      }),
    ],
    [],
  );
}

describe('rankMergeCandidates', () => {
  it('proposes the same participants at a near date first, a far date or other countries last', () => {
    const [open, ...others] = shown();
    const ranked = rankMergeCandidates(open, others);
    expect(ranked.map(c => c.meeting.id)).toEqual([
      'zulu-near',
      'undated-same',
      'alpha-far',
      'beta-other',
    ]);
    expect(ranked.map(c => c.likely)).toEqual([true, true, false, false]);
  });

  it('leaves out the meeting itself and deleted meetings', () => {
    const all = shown();
    all[1].deleted = true;
    const ranked = rankMergeCandidates(all[0], all);
    expect(ranked.map(c => c.meeting.id)).not.toContain('open');
    expect(ranked.map(c => c.meeting.id)).not.toContain('alpha-far');
  });
});

describe('mergeCandidate', () => {
  it('counts the days between two dates and the countries they share', () => {
    const [open, , , near] = shown();
    const c = mergeCandidate(open, near);
    expect(c.daysApart).toBe(2);
    expect(c.sharedCountries).toEqual(['Iran', 'RU']);
  });
});

describe('describeCandidate', () => {
  it('says why a meeting is proposed', () => {
    const [open, , , near] = shown();
    expect(describeCandidate(mergeCandidate(open, near))).toBe('same countries · 2 days apart');
    const [, , , , undated] = shown();
    expect(describeCandidate(mergeCandidate(open, undated))).toBe('shares Iran, RU');
  });
});
