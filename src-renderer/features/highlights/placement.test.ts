import { describe, expect, it } from 'vitest';
import { newHighlight } from '../../db/highlights';
import { place } from './placement';

const article = {
  id: '0123456789abcdef',
  contentHash: '0123456789abcdef',
  text: 'Ministers met in Moscow. They discussed drones. They agreed to meet again in May.',
};
const at = (quote: string, colour = 0) => {
  const start = article.text.indexOf(quote);
  return newHighlight(article, start, start + quote.length, colour);
};

describe('place', () => {
  it('orders placed highlights by text position and keeps orphans apart', () => {
    const later = at('agreed to meet again');
    const earlier = at('Moscow');
    const gone = at('They discussed drones.');
    const edited = article.text.replace('They discussed drones. ', '');
    const { placed, orphans } = place(edited, [later, gone, earlier]);
    expect(placed.map(p => p.highlight.id)).toEqual([earlier.id, later.id]);
    expect(placed.map(p => p.method)).toEqual(['position', 'quote']);
    expect(orphans).toEqual([gone]);
  });
});
