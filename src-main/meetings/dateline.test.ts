import { describe, expect, it } from 'vitest';
import { datelineEnd } from './dateline';

const end = (text: string) => datelineEnd({ text, dateline: null });

describe('datelineEnd', () => {
  it('ends a capitalised dateline at its dash', () => {
    const text = 'LUSAKA – The ministers met on Monday.';
    expect(text.slice(end(text))).toBe('The ministers met on Monday.');
  });
  it('ends a dateline that names its agency after the agency', () => {
    for (const [text, rest] of [
      ['Lomé, Togo | Coast Wire | Envoys met on Monday.', 'Envoys met on Monday.'],
      ['Accra, Ghana, (Coast Wire - 12th May, 2024 ) :Envoys met.', 'Envoys met.'],
      ['Astana [Kazakhstan], May 12 (Steppe News): Envoys met.', 'Envoys met.'],
    ])
      expect(text.slice(end(text))).toBe(rest);
  });
  it('finds none in a story that opens on its first sentence', () => {
    expect(end('Ghanaian and Togolese envoys met in Lomé on Monday.')).toBe(0);
    expect(end('Ghana, Togo and Benin (the coastal states) agreed a plan.')).toBe(0);
  });
});
