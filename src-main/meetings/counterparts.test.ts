import { describe, expect, it } from 'vitest';
import type { ActorLookup } from './context';
import { isRelational, levelsFromPeople, ownLevels, relateCounterparts } from './counterparts';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const extract = (text: string, lookup: ActorLookup | null = null) =>
  extractArticle(testArticle(text, { published: '2024-03-13' }), undefined, null, lookup);

describe('relateCounterparts', () => {
  it('gives a counterpart the office of the person whose counterpart they are', () => {
    const out = relateCounterparts(
      [
        { name: 'Rosa Vidal', role: 'Foreign Minister', country: 'CL' },
        { name: 'Tomás Ortega', role: 'Counterpart', country: 'PE' },
      ],
      null,
      null,
    );
    expect(out[1].role).toBe('Foreign Minister');
  });

  it('asks the dictionary when nobody in the clause holds an office, else leaves none', () => {
    const lookup: ActorLookup = name =>
      name === 'Tomás Ortega' ? { name, country: 'PE', role: 'Prime Minister' } : null;
    const alone = [{ name: 'Tomás Ortega', role: 'counterpart', country: 'PE' }];
    expect(relateCounterparts(alone, lookup, '2024-01-01')[0].role).toBe('Prime Minister');
    expect(relateCounterparts(alone, null, null)[0].role).toBeNull();
  });

  it('reads "will meet counterpart X" in a story as X holding the subject’s office', () => {
    const [m] = extract(
      'Chilean President Rosa Vidal will meet counterpart Tomás Ortega in Lima on Friday.',
    );
    expect(m.people.find(p => p.name === 'Tomás Ortega')?.role).toBe('President');
  });
});

describe('meeting levels', () => {
  it('counts "counterpart" as no office of its own', () => {
    expect(isRelational('Counterparts')).toBe(true);
    expect(isRelational('Foreign Minister')).toBe(false);
    expect(ownLevels(['senior officials'], 'She met her Peruvian counterpart.')).toEqual([]);
    expect(ownLevels(['foreign ministers'], 'The foreign minister met her counterpart.')).toEqual([
      'foreign ministers',
    ]);
  });

  it('takes the level from the offices of the people when the clause gives none', () => {
    const m = {
      levels: [] as string[],
      people: [{ name: 'Rosa Vidal', role: 'Foreign Minister', country: 'CL' }],
      confidence: {},
    };
    levelsFromPeople([m]);
    expect(m.levels).toEqual(['foreign ministers']);
    expect(m.confidence).toEqual({ level: { confidence: 'medium', basis: 'context' } });
  });

  it('labels talks with "colleagues from" or "counterparts" by the minister who held them', () => {
    const ms = extract(
      'Chilean Foreign Minister Rosa Vidal arrived in Lima on Monday. ' +
        'On Tuesday Vidal held talks with her Peruvian and Bolivian counterparts.',
    );
    expect(ms.length).toBeGreaterThan(0);
    for (const m of ms) expect(m.levels).toEqual(['foreign ministers']);
  });
});
