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
