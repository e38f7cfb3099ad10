import { describe, expect, it } from 'vitest';
import { findTriggers } from './cues';
import { extractArticle } from './extract';
import { hostsEvent } from './hosted-talks';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text));

describe('hostsEvent', () => {
  const hosts = (s: string) => hostsEvent(s, findTriggers(s));
  it('reads a country hosting talks, by verb or by noun', () => {
    expect(hosts('Ghana is hosting talks on the border dispute.')).toBe(true);
    expect(hosts('Ghana hosted the peace negotiations last year.')).toBe(true);
  });
  it('does not read a meeting the country holds itself as hosted', () => {
    expect(hosts('Ghana held talks with Togo on Monday.')).toBe(false);
  });
});

describe('foldHostedTalks', () => {
  it('folds "X is hosting talks" into the talks it hosts, with the host as place only', () => {
    const ms = extract(
      ' date 2024-03-06 Ghana, at the request of the African Union, is hosting talks on the unrest in the border provinces.\n\nAddressing journalists in Accra, an aide said the talks with the Togolese government and the rebel movement opened on Monday and will close on Friday.\n\n“President Kofi Mensah was glad to host the talks,” the statement said.\n\nThe talks are mediated by former Nigerian leader Musa Bello.',
    );
    expect(ms).toHaveLength(1);
    const [talks] = ms;
    expect(talks.countries).toEqual(['TG']);
    expect(talks).toMatchObject({ city: 'Accra', placeCountry: 'GH' });
    expect(talks.mentions).toHaveLength(4);
    expect(talks.people.map(p => p.name)).toEqual(['Musa Bello']);
    expect(talks.organizations).toContain('African Union');
  });
  it('keeps the hosting clause apart when the talks are placed in another country', () => {
    const ms = extract(
      ' date 2024-03-06 Ghana, at the request of the African Union, is hosting talks on the border dispute. The talks with the Togolese government began in Lomé on Monday.',
    );
    expect(ms).toHaveLength(2);
  });
});
