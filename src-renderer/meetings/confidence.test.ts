import { describe, expect, it } from 'vitest';
import { applyDecisions } from './decisions';
import { doubtfulSuggestions, fieldConfidence, fieldsToCheck } from './confidence';
import { FIELD_NAMES } from './fields';
import { meeting, mention } from './testing';

const s = mention('a1', 0, 'Ministers met in Moscow.');

describe('fieldConfidence', () => {
  it('reads the entry of a field and treats an absent one as high', () => {
    const [m] = applyDecisions(
      [meeting('m', [s], { confidence: { date: { confidence: 'low', basis: 'context' } } })],
      [],
    );
    expect(fieldConfidence(m, 'date')).toEqual({ level: 'low', basis: 'context' });
    expect(fieldConfidence(m, 'place')).toEqual({ level: 'high', basis: null });
    expect(fieldConfidence(m, 'title')).toEqual({ level: 'high', basis: null });
  });

  it('counts a meeting without any confidence as high throughout', () => {
    const [m] = applyDecisions([meeting('m', [s])], []);
    for (const f of FIELD_NAMES) expect(fieldConfidence(m, f).level).toBe('high');
  });
});

describe('fieldConfidence: what the card itself can doubt', () => {
  it('marks a suggested field its sources disagree on as medium, not high', () => {
    const other = mention('a2', 0, 'The ministers are to meet in Moscow on April 25.', {
      status: 'scheduled',
    });
    const [m] = applyDecisions([meeting('m', [s, other])], []);
    expect(m.disagreements.map(d => d.field)).toEqual(['status']);
    expect(fieldConfidence(m, 'status')).toEqual({ level: 'medium', basis: 'disagreement' });
    expect(fieldConfidence(m, 'date').level).toBe('high');
  });

  it('marks an empty date, place or country list as medium: not found, to check', () => {
    const [m] = applyDecisions(
      [
        meeting('m', [s], {
          date: { start: null, end: null, precision: 'unknown', text: null },
          place: { city: null, country: null, venue: null },
        }),
      ],
      [],
    );
    expect(fieldConfidence(m, 'date')).toEqual({ level: 'medium', basis: 'missing' });
    expect(fieldConfidence(m, 'place')).toEqual({ level: 'medium', basis: 'missing' });
    // Many reports name no one: an empty people list is not a doubt.
    expect(fieldConfidence(m, 'people')).toEqual({ level: 'high', basis: null });
    expect(fieldsToCheck(m).slice(0, 2)).toEqual(['date', 'place']);
  });

  it('keeps a lower extractor mark and leaves the analyst’s own value alone', () => {
    const [m] = applyDecisions(
      [
        meeting('m', [s], {
          date: { start: null, end: null, precision: 'unknown', text: null },
          place: { city: null, country: null, venue: null },
          confidence: { place: { confidence: 'low', basis: 'context' } },
        }),
      ],
      [],
    );
    expect(fieldConfidence(m, 'place')).toEqual({ level: 'low', basis: 'context' });
    // Confirmed "undated" is the analyst's word, not a doubt of the extractor's.
    const confirmed = {
      ...m,
      fields: { ...m.fields, date: { ...m.fields.date, state: 'confirmed' as const } },
    };
    expect(fieldConfidence(confirmed, 'date')).toEqual({ level: 'high', basis: null });
  });
});

describe('fieldsToCheck', () => {
  it('puts low-confidence fields first, then medium, each in card order', () => {
    const [m] = applyDecisions(
      [
        meeting('m', [s], {
          confidence: {
            purpose: { confidence: 'medium', basis: 'context' },
            people: { confidence: 'low', basis: 'dictionary' },
            date: { confidence: 'low', basis: 'merge' },
          },
        }),
      ],
      [],
    );
    expect(fieldsToCheck(m).slice(0, 4)).toEqual(['date', 'people', 'purpose', 'title']);
    expect(fieldsToCheck(m)).toHaveLength(FIELD_NAMES.length);
  });

  it('keeps the usual card order when every field is high', () => {
    const [m] = applyDecisions([meeting('m', [s])], []);
    expect(fieldsToCheck(m)).toEqual(FIELD_NAMES);
  });
});

describe('doubtfulSuggestions', () => {
  it('counts suggested fields below high confidence', () => {
    const [m] = applyDecisions(
      [
        meeting('m', [s], {
          confidence: {
            place: { confidence: 'medium', basis: 'context' },
            level: { confidence: 'high', basis: 'sentence' },
          },
        }),
      ],
      [],
    );
    expect(doubtfulSuggestions(m)).toBe(1);
  });
});
