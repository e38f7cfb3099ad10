import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../meetings';
import { tasks } from './tasks';

const upload = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, bytes };
};

describe('tasks', () => {
  it('hands each imported article over with the meetings it reports', async () => {
    const report = await tasks.importFiles([
      upload(
        'talks.txt',
        'date 2023-05-03\nThe foreign ministers of Ghana and Chile met in Accra on May 2, 2023.\n',
      ),
      upload('weather.txt', 'date 2023-05-03\nRain is expected across the north this week.\n'),
    ]);
    expect(report.articles).toHaveLength(2);
    expect(report.extractions?.map(r => r.articleId)).toEqual(report.articles.map(a => a.id));
    expect(report.extractions?.every(r => r.extractorVersion === EXTRACTOR_VERSION)).toBe(true);
    const [talks, weather] = report.extractions ?? [];
    expect(talks.meetings[0]).toMatchObject({ countries: expect.arrayContaining(['GH', 'CL']) });
    expect(weather.meetings).toEqual([]);
  });
});
