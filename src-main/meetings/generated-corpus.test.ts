import { describe, expect, it } from 'vitest';
import { generateCorpus, scoreGroups } from './generated-corpus';

describe('scoreGroups', () => {
  const corpus = generateCorpus(21, { meetings: 3, reports: 3, undatedShare: 0 });
  const truth = corpus.truth.map((_, i) =>
    corpus.items.filter(m => corpus.meetingOf.get(`${m.articleId}#${m.order}`) === i),
  );

  it('scores the true grouping 1 and 1', () => {
    expect(scoreGroups(corpus, truth)).toEqual({ precision: 1, recall: 1 });
  });

  it('counts a false merge against precision and a split against recall', () => {
    const all = scoreGroups(corpus, [corpus.items]);
    expect(all.recall).toBe(1);
    expect(all.precision).toBeLessThan(1);
    const alone = scoreGroups(
      corpus,
      corpus.items.map(m => [m]),
    );
    expect(alone.precision).toBe(1);
    expect(truth.some(g => g.length > 1)).toBe(true);
    expect(alone.recall).toBe(0);
  });
});
