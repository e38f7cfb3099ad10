import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { formatPrior, likenedBefore, reformatByCity } from './formats';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text, { published: '2024-03-13' }));
const byCity = (ms: ReturnType<typeof extract>, city: string) =>
  ms.find(m => m.city === city)?.countries.sort();

describe('likenedBefore', () => {
  it('finds a meeting likened to one reported before', () => {
    expect(likenedBefore('a similar five-sided ')).toBe(true);
    expect(likenedBefore('the next ')).toBe(false);
  });
});

describe('formatPrior', () => {
  const [lome, accra] = extract(
    'The Ghanaian, Togolese and Beninese ministers met in Lomé on Monday. Ghanaian and Ivorian envoys met in Accra on Tuesday.',
  );
  it('takes a counted format from the latest meeting with as many countries', () => {
    expect(
      formatPrior([lome, accra], { countries: [], counted: 3, city: null, similar: false }),
    ).toBe(lome);
  });
  it('prefers the meeting of the same city', () => {
    expect(
      formatPrior([lome, accra], { countries: [], counted: 3, city: 'Accra', similar: false }),
    ).toBe(accra);
  });
  it('reads "a similar meeting" as the latest meeting between governments', () => {
    expect(
      formatPrior([lome, accra], { countries: [], counted: null, city: null, similar: true }),
    ).toBe(accra);
  });
  it('borrows nothing for a clause that names its parties or no format', () => {
    expect(
      formatPrior([lome, accra], {
        countries: ['GH', 'TG', 'BJ'],
        counted: 3,
        city: null,
        similar: false,
      }),
    ).toBeNull();
    expect(
      formatPrior([lome, accra], { countries: [], counted: null, city: null, similar: false }),
    ).toBeNull();
  });
});

describe('reformatByCity', () => {
  it('gives "the next trilateral meeting in Accra" the parties of the Accra meeting reported later', () => {
    const ms = extract(
      'Ghanaian, Togolese and Beninese ministers met in Lomé on Monday. The next trilateral meeting in Accra will be held in May. Ghanaian, Ivorian and Burkinabe envoys met in Accra on Tuesday.',
    );
    const next = ms.find(m => m.date.start?.startsWith('2024-05'));
    expect(next?.countries.sort()).toEqual(['BF', 'CI', 'GH']);
    expect(byCity(ms, 'Lomé')).toEqual(['BJ', 'GH', 'TG']);
  });
  it('changes nothing when no meeting was borrowed', () => {
    const ms = extract('Ghanaian and Togolese ministers met in Lomé on Monday.');
    const before = ms.map(m => [...m.countries]);
    reformatByCity(ms, []);
    expect(ms.map(m => m.countries)).toEqual(before);
  });
});

describe('extractArticle', () => {
  it('seats the parties of a format reported before in "a similar meeting"', () => {
    const ms = extract(
      'Ghanaian and Togolese ministers met in Lomé on Monday. A similar meeting is scheduled in Kumasi, Ghana, in June.',
    );
    const june = ms.find(m => m.date.start?.startsWith('2024-06'));
    expect(june?.countries.sort()).toEqual(['GH', 'TG']);
  });

  it('seats the parties of the format in "the next round of talks", not the country discussed', () => {
    const ms = extract(
      'Egyptian, Algerian and Tunisian foreign ministers will meet in Cairo on Monday to discuss Libya. ' +
        'A new round of Libyan talks is set for June 3 in Cairo, with envoys at the table.',
    );
    const june = ms.find(m => m.date.start?.startsWith('2024-06'));
    expect(june?.countries.sort()).toEqual(['DZ', 'EG', 'TN']);
  });
});
