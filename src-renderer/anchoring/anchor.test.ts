import { describe, expect, it } from 'vitest';
import { anchor, anchorAll } from './anchor';
import { describeRange } from './describe';

const original = [
  'The defense ministers of Turkey, Russia, Syria and Iran are scheduled to meet in Moscow.',
  'The meeting aims to discuss the ongoing conflicts in the region.',
  'Iran has reportedly supplied Russia with drones used in attacks against Ukraine.',
  'The meeting aims to discuss trade as well.',
].join('\n\n');

function describeQuote(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`no "${quote}" in test text`);
  return describeRange(text, start, start + quote.length);
}

describe('anchor', () => {
  it('uses the stored offsets when the text is unchanged', () => {
    const s = describeQuote(original, 'scheduled to meet in Moscow');
    expect(anchor(original, s)).toEqual({ ...s.position, method: 'position' });
  });

  it('finds a quote that moved because text was inserted before it', () => {
    const s = describeQuote(original, 'supplied Russia with drones');
    const edited = 'UPDATED: a new opening paragraph.\n\n' + original;
    const a = anchor(edited, s);
    expect(a?.method).toBe('quote');
    expect(edited.slice(a!.start, a!.end)).toBe('supplied Russia with drones');
  });

  it('chooses among repeated quotes by their context', () => {
    const second = original.lastIndexOf('The meeting aims to discuss');
    const s = describeRange(original, second, second + 'The meeting aims to discuss'.length);
    const edited = 'Preface.\n\n' + original;
    const a = anchor(edited, s);
    expect(a?.start).toBe(second + 'Preface.\n\n'.length);
  });

  it('finds a quote whose own words were edited, by approximate match', () => {
    const s = describeQuote(original, 'Iran has reportedly supplied Russia with drones');
    const edited = original.replace('reportedly supplied', 'allegedly supplied');
    const a = anchor(edited, s);
    expect(a?.method).toBe('fuzzy');
    expect(edited.slice(a!.start, a!.end)).toMatch(
      /^Iran has allegedly supplied Russia with drones/,
    );
  });

  it('gives an orphan (null) when the passage was deleted', () => {
    const s = describeQuote(original, 'supplied Russia with drones used in attacks');
    const edited = original.replace(
      'Iran has reportedly supplied Russia with drones used in attacks against Ukraine.',
      'No comment was given.',
    );
    expect(anchor(edited, s)).toBeNull();
  });

  it('gives an orphan for a short quote that no longer occurs exactly', () => {
    const s = describeQuote(original, 'Moscow');
    expect(anchor(original.replace('Moscow', 'Minsk'), s)).toBeNull();
  });
});

describe('anchorAll', () => {
  it('keeps one result per highlight, in order, including orphans', () => {
    const items = [
      describeQuote(original, 'Moscow'),
      describeQuote(original, 'drones used in attacks against Ukraine'),
    ];
    const edited = original.replace('with drones used in attacks against Ukraine', 'with nothing');
    const results = anchorAll(edited, items);
    expect(results.map(r => r.anchor?.method ?? 'orphan')).toEqual(['position', 'orphan']);
    expect(results[1].item).toBe(items[1]);
  });
});
