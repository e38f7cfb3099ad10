import { describe, expect, it } from 'vitest';
import { MeetingSchema } from '../contract/meeting';
import { buildMeeting } from './build';
import { report } from './test-merge-item';

const name = (code: string): string => `Country ${code}`;

describe('buildMeeting', () => {
  it('counts a summit host among the participants, but not the seat of the bloc holding it', () => {
    const summit = (city: string, placeCountry: string, sentence: string, orgs: string[] = []) =>
      buildMeeting(
        [
          report('s.txt', '2024-06-01', {
            countries: ['KE', 'UG'],
            levels: ['heads of state'],
            city,
            placeCountry,
            organizations: orgs,
            mentions: [{ sentence, start: 0, end: sentence.length }],
          }),
        ],
        name,
      );
    const codes = (m: ReturnType<typeof buildMeeting>) => m.participants.countries.map(c => c.code);
    const hosted = summit(
      'Arusha',
      'TZ',
      'The Kenyan and Ugandan leaders flew in for the lakes summit.',
    );
    expect(codes(hosted)).toEqual(['KE', 'UG', 'TZ']);
    expect(hosted.confidence?.countries).toEqual({ confidence: 'medium', basis: 'context' });
    // Beside a summit, or getting ready for one, the city's country is only the place.
    expect(
      codes(summit('Arusha', 'TZ', 'The two leaders talked on the sidelines of the lakes summit.')),
    ).toEqual(['KE', 'UG']);
    expect(
      codes(summit('Arusha', 'TZ', 'Envoys met to discuss preparations for next year’s summit.')),
    ).toEqual(['KE', 'UG']);
    // Talks, not a summit: the host is not a side.
    expect(codes(summit('Arusha', 'TZ', 'The two leaders held talks in Arusha.'))).toEqual([
      'KE',
      'UG',
    ]);
    // A bloc's summit at its seat is the bloc's.
    expect(
      codes(
        summit('Addis Ababa', 'ET', 'Leaders gathered for the bloc summit.', ['African Union']),
      ),
    ).toEqual(['KE', 'UG']);
  });

  it('lists a person two outlets spell differently once, as the first report spells them', () => {
    const m = buildMeeting(
      [
        report('a.txt', '2024-06-01', {
          people: [
            { name: 'Ada Karimova', role: 'Foreign Minister', country: 'KE' },
            { name: 'Recep Özdemir', role: null, country: 'TZ' },
          ],
        }),
        report('b.txt', '2024-06-02', {
          people: [
            { name: 'Ada Karimov', role: null, country: 'KE' },
            { name: 'Recep Ozdemir', role: null, country: 'TZ' },
            { name: 'Ada Karimowa', role: null, country: 'KE' },
            { name: 'Omar Kamau', role: null, country: 'KE' },
            { name: 'Ali Ozdemiri', role: null, country: 'UG' },
          ],
        }),
      ],
      name,
    );
    expect(m.participants.people.map(p => p.name)).toEqual([
      'Ada Karimova',
      'Recep Özdemir',
      'Omar Kamau',
      'Ali Ozdemiri',
    ]);
  });

  it('takes the status of the latest report, however many earlier ones disagree', () => {
    const m = buildMeeting(
      [
        report('a.txt', '2024-05-20'),
        report('b.txt', '2024-05-25'),
        report('c.txt', '2024-05-28'),
        report('d.txt', '2024-06-04', { status: 'held' }),
      ],
      name,
    );
    expect(m.status).toBe('held');
    expect(m.disagreements).toBeUndefined();
  });

  it('follows a later "scheduled" after "held" but shows the disagreement', () => {
    const m = buildMeeting(
      [report('a.txt', '2024-06-04', { status: 'held' }), report('b.txt', '2024-06-05')],
      name,
    );
    expect(m.status).toBe('scheduled');
    expect(m.disagreements).toEqual([
      {
        field: 'status',
        values: [
          { value: 'held', file: 'a.txt' },
          { value: 'scheduled', file: 'b.txt' },
        ],
      },
    ]);
    expect(m.confidence?.status).toEqual({ confidence: 'low', basis: 'merge' });
  });

  it('reports the outcome of the latest report and keeps an earlier one visible', () => {
    const m = buildMeeting(
      [report('a.txt', '2024-05-20'), report('b.txt', '2024-05-30', { outcome: 'postponed' })],
      name,
    );
    expect(m.outcome).toBe('postponed');
    expect(m.mentions.find(x => x.file === 'b.txt')?.outcome).toBe('postponed');
    const later = buildMeeting(
      [
        report('a.txt', '2024-05-20', { outcome: 'postponed' }),
        report('b.txt', '2024-06-04', { status: 'held' }),
      ],
      name,
    );
    expect(later.outcome).toBeUndefined();
    expect(later.disagreements?.[0].values.map(v => v.value)).toEqual([
      'scheduled, postponed',
      'held',
    ]);
  });

  it('marks countries combined from several sources as inferred through the merge', () => {
    const m = buildMeeting(
      [
        report('a.txt', '2024-05-20', { countries: ['KE', 'TZ'] }),
        report('b.txt', '2024-05-21', { countries: ['TZ', 'UG'] }),
      ],
      name,
    );
    expect(m.participants.countries.map(c => c.code)).toEqual(['KE', 'TZ', 'UG']);
    expect(m.confidence?.countries).toEqual({ confidence: 'medium', basis: 'merge' });
    expect(m.confidence?.date).toBeUndefined();
    expect(() => MeetingSchema.parse(m)).not.toThrow();
  });

  it("keeps the extractor's own confidence for a field one source supplied", () => {
    const m = buildMeeting(
      [
        report('a.txt', '2024-05-20', {
          city: null,
          placeCountry: null,
          confidence: { date: { confidence: 'medium', basis: 'context' } },
        }),
        report('b.txt', '2024-05-21', {
          date: { start: '2024-06-01', end: '2024-06-30', precision: 'month', text: 'June' },
          confidence: { place: { confidence: 'low', basis: 'dictionary' } },
        }),
      ],
      name,
    );
    expect(m.confidence).toEqual({
      date: { confidence: 'medium', basis: 'context' },
      place: { confidence: 'low', basis: 'dictionary' },
    });
  });

  it('resolves an undated article\'s "on Monday" through a dated source and names it', () => {
    const m = buildMeeting(
      [
        report('dated.txt', '2024-05-29'),
        report('undated.txt', null, {
          date: { start: null, end: null, precision: 'unknown', text: 'Monday' },
        }),
      ],
      name,
    );
    const undated = m.mentions.find(x => x.file === 'undated.txt');
    expect(undated?.date.start).toBe('2024-06-03');
    expect(undated?.dateResolvedVia).toBe('dated.txt');
  });

  it('leaves an undated reading that fits no source unresolved', () => {
    const m = buildMeeting(
      [
        report('dated.txt', '2024-05-29'),
        report('undated.txt', null, {
          date: { start: null, end: null, precision: 'unknown', text: 'Friday' },
        }),
      ],
      name,
    );
    const undated = m.mentions.find(x => x.file === 'undated.txt');
    expect(undated?.date.start).toBeNull();
    expect(undated?.dateResolvedVia).toBeUndefined();
  });
});
