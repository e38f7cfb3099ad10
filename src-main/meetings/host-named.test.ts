import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { hostsNamed, hostsOf } from './host-named';
import { testArticle } from './test-article';

const extract = (text: string) =>
  extractArticle(testArticle(text, { published: '2024-03-04' }), undefined, null, null);

describe('host named', () => {
  it('seats the summit host a sentence referring back names only as the host', () => {
    const [m] = extract(
      'Bolivian President Luis Mora will attend the Andean summit in Lima on March 20. ' +
        'His office said on Friday that Mora had called the summit host, Peruvian President Tomás Ortega, and that the summit would go ahead.',
    );
    expect(m.people.map(p => p.name)).toEqual(['Luis Mora', 'Tomás Ortega']);
    expect(m.confidence.people).toEqual({ confidence: 'medium', basis: 'context' });
  });

  it('reads the host in either order, and only one of the meeting’s place country', () => {
    expect(
      hostsNamed('Peruvian President Tomás Ortega, the host of the Andean summit, spoke.').map(
        p => p.name,
      ),
    ).toEqual(['Tomás Ortega']);
    const s = 'He thanked the summit host, Peruvian President Tomás Ortega.';
    expect(hostsOf({ people: [], placeCountry: 'PE' }, s).map(p => p.name)).toEqual([
      'Tomás Ortega',
    ]);
    // Talks on neutral ground: the host is of another country than the place.
    expect(hostsOf({ people: [], placeCountry: 'CH' }, s)).toEqual([]);
  });
});
