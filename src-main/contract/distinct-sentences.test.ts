import { describe, expect, it } from 'vitest';
import { distinctSentences } from './distinct-sentences';

const same = (sentences: string[]) => distinctSentences(sentences, s => s);

describe('distinctSentences', () => {
  it('keeps one of two wordings of the same quote, the fuller one, where the first stood', () => {
    expect(
      same([
        'The talks give both capitals a chance to settle the fishing dispute …',
        'The envoy arrived on Monday.',
        'The talk gives both capitals a chance to settle the fishing dispute and reopen the port.',
      ]),
    ).toEqual([
      'The talk gives both capitals a chance to settle the fishing dispute and reopen the port.',
      'The envoy arrived on Monday.',
    ]);
  });

  it('drops exact repeats, whatever their case, and empty sentences', () => {
    expect(same(['Ministers met.', '', 'MINISTERS MET.', 'Envoys met.'])).toEqual([
      'Ministers met.',
      'Envoys met.',
    ]);
  });

  it('keeps sentences that share the story but say different things', () => {
    const sentences = [
      'The foreign ministers met in Valletta on Monday to discuss fishing quotas.',
      'The foreign ministers will meet again in Rome next month to sign the accord.',
      'Ministers met.',
      'Envoys met.',
    ];
    expect(same(sentences)).toEqual(sentences);
  });
});
