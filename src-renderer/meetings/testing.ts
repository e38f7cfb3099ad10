/** Hand-made meetings for the tests of this folder. */
import type { Meeting, Mention } from '../../src-main/contract/meeting';

export function mention(
  articleId: string,
  start: number,
  sentence: string,
  over: Partial<Mention> = {},
): Mention {
  return {
    file: `seeds/${articleId}.txt`,
    articleId,
    sentence,
    start,
    end: start + sentence.length,
    status: 'held',
    date: { start: '2023-04-25', end: null, precision: 'day', text: 'on April 25' },
    ...over,
  };
}

export function meeting(id: string, mentions: Mention[], over: Partial<Meeting> = {}): Meeting {
  return {
    id,
    title: `Meeting ${id}`,
    status: 'held',
    date: { start: '2023-04-25', end: null, precision: 'day', text: 'on April 25' },
    place: { city: 'Moscow', country: { code: 'RU', name: 'Russia' }, venue: null },
    level: 'defence ministers',
    participants: {
      countries: [
        { code: 'IR', name: 'Iran' },
        { code: 'RU', name: 'Russia' },
      ],
      people: [],
      organizations: [],
    },
    purpose: 'normalizing relations',
    mentions,
    ...over,
  };
}
