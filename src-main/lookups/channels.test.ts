/** The two lookup channels as the renderer meets them: through dispatch, parsed both ways. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { testArticle } from '../meetings/test-article';
import { createServices } from '../services';

const services = createServices({
  seedsDir: fileURLToPath(new URL('../../seeds', import.meta.url)),
});
const TEXT = 'Turkish and Greek leaders met in Ankara on Monday to discuss migration.';

describe('meetings:fromText', () => {
  it('answers the meeting in a sentence of an article', async () => {
    const article = testArticle(TEXT, { published: '2024-03-06' });
    const reply = await dispatch(services, 'meetings:fromText', [
      { article, start: 0, end: TEXT.length },
    ]);
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      const { meeting } = reply.value as { meeting: { place: { city: string } } | null };
      expect(meeting?.place.city).toBe('Ankara');
    }
  });

  it('refuses an article that is not one and an unknown key', async () => {
    const bad = await dispatch(services, 'meetings:fromText', [{ article: {}, start: 0, end: 1 }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const article = testArticle(TEXT);
    const extra = await dispatch(services, 'meetings:fromText', [
      { article, start: 0, end: 1, path: '/etc/passwd' },
    ]);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('countries:resolve', () => {
  it('answers a country or null for each term', async () => {
    const reply = await dispatch(services, 'countries:resolve', [['German', 'DE', 'Nowhere']]);
    expect(reply).toEqual({
      ok: true,
      value: {
        countries: [{ code: 'DE', name: 'Germany' }, { code: 'DE', name: 'Germany' }, null],
      },
    });
  });

  it('refuses a term that is not a string', async () => {
    const reply = await dispatch(services, 'countries:resolve', [[42]]);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
