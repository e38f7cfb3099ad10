import { describe, expect, it } from 'vitest';
import { findTriggers, statusAt } from './cues';

const words = (s: string) => findTriggers(s).map(t => t.word);

describe('findTriggers', () => {
  it('finds meetings, talks, summits and visits', () => {
    expect(words('The presidents held talks after the summit.')).toEqual(['talks', 'summit']);
    expect(words('She visited Hanoi and met the prime minister.')).toEqual(['visited', 'met']);
  });
  it('finds a congress or forum a government hosts, but not a legislature', () => {
    expect(
      words('Last spring the Kenyan port of Mombasa hosted a congress of regional envoys.'),
    ).toEqual(['hosted']);
    expect(words('Ghana hosted a forum of West African defence ministers.')).toEqual(['hosted']);
    expect(words('The bill was hosted on the Congress website.')).toEqual([]);
  });
  it("ignores the history of a series of summits, but not a meeting's start", () => {
    expect(
      words('The Andes Summit started as a trade forum, and every Chilean leader has gone.'),
    ).toEqual([]);
    expect(words('The Andean summit was first held in Quito.')).toEqual([]);
    expect(words('The summit is held every two years.')).toEqual([]);
    expect(words('The talks began on Monday in Quito.')).toEqual(['talks']);
    expect(words('The Summit of the Andes began in Quito on Monday.')).toEqual(['summit']);
  });
  it('reads "today’s meeting" as a reference back with either apostrophe', () => {
    const ref = (s: string) => findTriggers(s).map(t => t.anaphoric);
    expect(ref('No deal is due at today’s meeting.')).toEqual([true]);
    expect(ref("No deal is due at today's meeting.")).toEqual([true]);
    expect(ref('No deal is due at Friday’s meeting.')).toEqual([true]);
  });
  it('reads a planned trip to a named place as a visit, but not a trip to an event', () => {
    const [t] = findTriggers('Reports said the Chilean minister would travel to Quito next week.');
    expect([t?.word, t?.kind]).toEqual(['travel to', 'visit']);
    expect(words('The minister will travel to Quito to attend the summit.')).toEqual(['summit']);
    expect(words('Tourists travel to Quito every summer.')).toEqual([]);
    expect(words('She would travel to the coast later.')).toEqual([]);
  });
  it('ignores phone calls and video links', () => {
    expect(words('The two leaders held talks by phone on Monday.')).toEqual([]);
    expect(words('They spoke in a telephone meeting.')).toEqual([]);
  });
  it("ignores a domestic body's own sitting but keeps a meeting between governments", () => {
    expect(words('The premier told a cabinet meeting that the envoys had left.')).toEqual([]);
    expect(words('She briefed a government meeting in the capital.')).toEqual([]);
    expect(words('They agreed a government-to-government meeting in Lima.')).toEqual(['meeting']);
  });
  it('ignores "a series of meetings" as a single meeting but keeps "a round of talks"', () => {
    expect(words('He announced a series of upcoming meetings with the Chadian side.')).toEqual([]);
    expect(words('The next round of talks opens in Doha.')).toEqual(['talks']);
  });
  it('ignores press conferences', () => {
    expect(words('The minister gave a press conference in Accra.')).toEqual([]);
  });
  it('ignores "the ministerial level", a rank, but keeps "the ministerial" as a meeting', () => {
    expect(words('The ministers meet at the ministerial level in Lagos.')).toEqual(['meet']);
    expect(words('The envoys met on the sidelines of the ministerial in Lagos.')).toEqual([
      'met',
      'ministerial',
    ]);
  });
  it('reads officials who gather as meeting, and crowds who gather as not', () => {
    expect(
      words('Foreign ministers of Peru, Chile and Bolivia gathered in Arica on Monday.'),
    ).toEqual(['gathered']);
    expect(words('Andean defence chiefs will convene in Quito next week.')).toEqual(['convene']);
    expect(words('Thousands of Peruvians gathered in Lima on Monday.')).toEqual([]);
    expect(words('Ministers said on Monday that protesters had gathered in Lima.')).toEqual([]);
  });
  it("ignores a mountain's summit", () => {
    expect(words('The climbers reached the summit of Mount Kenya at dawn.')).toEqual([]);
  });
  it('ignores attempts that failed and plans that fell through', () => {
    expect(words('An earlier mission tried and failed to meet the general.')).toEqual([]);
    expect(words('The envoy was refused permission and did not meet the rebels.')).toEqual([]);
    expect(words('She is the first premier never to have visited Lagos.')).toEqual([]);
    expect(words('He was the only envoy not to visit Juba that year.')).toEqual([]);
    expect(words('The envoy not only visited Juba but stayed a week.')).toEqual(['visited']);
    expect(
      words('The three leaders were supposed to meet in Oslo in May, but the host withdrew.'),
    ).toEqual([]);
    expect(words('The three leaders are supposed to meet in Oslo in May.')).toEqual(['meet']);
  });
  it('ignores national teams meeting in a sports final', () => {
    expect(
      words('Ghana face Morocco at the national stadium when the two sides meet in the final.'),
    ).toEqual([]);
    expect(words('The summit of the Arab League opened in Algiers.')).toEqual(['summit']);
  });
  it('ignores "meet the demand"', () => {
    expect(words('The plant will meet the growing demand for power.')).toEqual([]);
  });
  it('marks "the meeting" as a reference back and "a meeting between" as new', () => {
    const [back] = findTriggers('The meeting ended late.');
    const [fresh] = findTriggers('A meeting between the two ministers ended late.');
    expect(back.anaphoric).toBe(true);
    expect(fresh.anaphoric).toBe(false);
  });
  it('reads "X\'s visit" as a reference back unless the words after it say something new', () => {
    const [back] = findTriggers("Mensah's visit is the first by a Ghanaian leader to Peru.");
    const [fresh] = findTriggers("Officials recalled Mensah's visit to Lima in May.");
    const [nearest] = findTriggers('The sidelines of the summit were busy.');
    expect(back.anaphoric).toBe(true);
    expect(fresh.anaphoric).toBe(false);
    // The nearest determiner counts: "the summit", not "the sidelines of the".
    expect(nearest.anaphoric).toBe(true);
  });
  it('reads "said a four-way meeting" and "a similar meeting" as new meetings', () => {
    const [said] = findTriggers('The minister said a four-way meeting is set for May.');
    const similar = findTriggers('The talks will be followed by a similar meeting in Quito.').find(
      t => t.word === 'meeting',
    );
    expect(said.anaphoric).toBe(false);
    expect(similar?.anaphoric).toBe(false);
  });
  it('reads a numbered edition ("the 14th summit") as a meeting of its own', () => {
    const [fourteenth] = findTriggers('Leaders flew to Suva for the 14th Pacific Islands summit.');
    const [ninth] = findTriggers('The ninth round of talks opens in Geneva.');
    expect(fourteenth.anaphoric).toBe(false);
    expect(ninth.anaphoric).toBe(false);
    expect(findTriggers('The Pacific Islands summit closed early.')[0].anaphoric).toBe(true);
  });
  it('marks "met separately with" as separate bilaterals', () => {
    expect(findTriggers('He met separately with the envoys of Ghana and Togo.')[0].separate).toBe(
      true,
    );
  });
});

describe('statusAt', () => {
  const status = (s: string) => {
    const t = findTriggers(s)[0];
    return statusAt(s, t, [0, s.length]);
  };
  it('reads a plan nobody has confirmed as proposed, whatever its tense', () => {
    const s =
      'Officials in Accra say it is not yet confirmed whether the two ministers will meet on 4 June.';
    const t = findTriggers(s)[0];
    expect(statusAt(s, t, [0, s.length])).toBe('proposed');
    const u = 'The two ministers will meet in Accra on 4 June, the ministry confirmed.';
    expect(statusAt(u, findTriggers(u)[0], [0, u.length])).toBe('scheduled');
  });

  it('reads held, scheduled and proposed wording', () => {
    expect(status('The ministers met in Dakar.')).toBe('held');
    expect(status('The ministers will meet in Dakar next week.')).toBe('scheduled');
    expect(status('The ministers are scheduled to meet in Dakar.')).toBe('scheduled');
    expect(status('A summit of the two leaders is on the agenda.')).toBe('proposed');
    expect(status('They prepared for the upcoming meeting of foreign ministers.')).toBe('proposed');
  });
  it('reads a meeting that another event follows as held', () => {
    expect(status("This trip follows the minister's visit to Lomé in May.")).toBe('held');
  });
  it('reads talks someone was offered as proposed', () => {
    expect(status('She has received an offer from Ghana to hold talks in Accra.')).toBe('proposed');
  });
  it('reads a trip made for talks as the talks held, unless they are still ahead', () => {
    expect(status('The envoy flew to Lusaka on Tuesday for talks with the president.')).toBe(
      'held',
    );
    expect(status('The envoy landed in Lusaka for talks due on Friday.')).toBe('scheduled');
    expect(status('The envoy travels to Lusaka on Friday for talks with the president.')).toBe(
      'scheduled',
    );
  });
  it('reads "arrived ... to take part in a meeting" as scheduled', () => {
    expect(
      status('The minister arrived in Lima to take part in a meeting with his counterparts.'),
    ).toBe('scheduled');
  });
});

describe('statusAt, the month of May', () => {
  const status = (s: string) => {
    const [t] = findTriggers(s);
    return statusAt(s, t, [0, s.length]);
  };
  it('does not read the month May as a hedge', () => {
    expect(status('The two presidents met May 14 for talks in Quito.')).toBe('held');
    expect(status('The two presidents may meet in Quito.')).toBe('proposed');
  });
  it('reads "is due in … to meet" as scheduled', () => {
    expect(status('The Chilean minister is due in Lima on Friday to meet her counterpart.')).toBe(
      'scheduled',
    );
  });
});
