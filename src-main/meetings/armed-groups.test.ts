import { describe, expect, it } from 'vitest';
import { armedGroups } from './armed-groups';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const names = (s: string): string[] => armedGroups(s).map(g => g.name);

describe('armedGroups', () => {
  it('reads the group on either side of "between" a government and it', () => {
    expect(
      names('Talks between the Chadian government and the Lake Plains Liberation Front resumed.'),
    ).toEqual(['Lake Plains Liberation Front']);
    expect(
      names('The talks between the Justice and Peace Movement and the Chadian government began.'),
    ).toEqual(['Justice and Peace Movement']);
    // A country, or a group known by its letters, also makes a side.
    expect(names('Negotiations between Chad and the FLPL opened in Niamey.')).toEqual(['FLPL']);
  });

  it('reads "A and B negotiators" and "talks with" the group', () => {
    expect(names('The K9 rebels and Chadian government negotiators met in Niamey.')).toEqual([
      'K9',
    ]);
    expect(names('Officials held talks with the Lake Plains Liberation Front (FLPL).')).toEqual([
      'Lake Plains Liberation Front',
    ]);
    expect(names('Officials held talks with the Delta rebels in Abuja.')).toEqual(['Delta rebels']);
    expect(
      names('Peace talks between the junta and the armed group Sons of the Desert opened.'),
    ).toEqual(['Sons of the Desert']);
  });

  it('reads no party from fighting, a state’s own forces or a listed body', () => {
    expect(
      names(
        'Talks to end the fighting between the army and the Lake Plains Liberation Front began.',
      ),
    ).toEqual([]);
    expect(names('Talks between the government and the Chadian Armed Forces opened.')).toEqual([]);
    expect(names('Talks between Chad’s National Army and the government opened.')).toEqual([]);
    expect(names('The talks between the government and the African Union went well.')).toEqual([]);
    // Letters alone are a group's only where a state is the other side.
    expect(names('He held talks with the NRP in the capital.')).toEqual([]);
  });

  it('reads a movement known by one word, under the same test of being a party', () => {
    expect(names('Indirect talks between Israel and Hamas resumed in Cairo on Sunday.')).toEqual([
      'Hamas',
    ]);
    expect(names('Qatari officials held talks with the Taliban in Doha.')).toEqual(['Taliban']);
    // Another spelling prints as the list names the movement.
    expect(names('Omani mediators held talks with Houthi rebels in Muscat.')).toEqual(['Houthis']);
    // A country's adjective makes the state's side before the sides' shared noun.
    expect(names('Israeli and Hamas negotiators met in Cairo on Sunday.')).toEqual(['Hamas']);
    expect(names('Hamas and Israeli negotiators met in Cairo on Sunday.')).toEqual(['Hamas']);
    expect(names('Israeli and Hamas fighters clashed near the border.')).toEqual([]);
    // Fought, or talked about, it is no party.
    expect(names('Talks to end the fighting between Israel and Hamas opened in Cairo.')).toEqual(
      [],
    );
    expect(names('The ministers met in Doha to discuss the Taliban and aid.')).toEqual([]);
  });
});

describe('extractArticle, a group that is a party to talks', () => {
  it('seats the group a reference back names, beside the state', () => {
    const [talks, ...rest] = extractArticle(
      testArticle(
        ' date 2024-05-14 Envoys of the two warring sides in northern Chad opened peace talks in Niamey on Monday, the Nigerien foreign ministry said.\n\nThe African Union envoy said the Niamey talks were the first face-to-face ones between the Chadian government and the Lake Plains Liberation Front.',
      ),
    );
    expect(rest).toEqual([]);
    expect(talks.organizations).toContain('Lake Plains Liberation Front');
    expect(talks.countries).toEqual(['TD']);
    expect(talks.mentions).toHaveLength(2);
  });

  it('seats a movement known by one word beside the government it talks with', () => {
    const [talks, ...rest] = extractArticle(
      testArticle(
        ' date 2024-02-10 Talks between Israel and Hamas were held in Cairo on Friday, officials said.',
      ),
    );
    expect(rest).toEqual([]);
    expect(talks.organizations).toEqual(['Hamas']);
    expect(talks.countries).toEqual(['IL']);
  });

  it('seats the group of the meeting’s own sentence, not a country its name holds', () => {
    const [talks, ...rest] = extractArticle(
      testArticle(
        ' date 2024-07-02 Talks between the Rwandan government and the Patriotic Front for the Liberation of Burundi began in Luanda on Tuesday.',
      ),
    );
    expect(rest).toEqual([]);
    expect(talks.organizations).toEqual(['Patriotic Front for the Liberation of Burundi']);
    expect(talks.countries).toEqual(['RW']);
  });
});
