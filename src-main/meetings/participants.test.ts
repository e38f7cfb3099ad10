import { describe, expect, it } from 'vitest';
import { readParticipants, readPurpose } from './participants';

describe('readPurpose', () => {
  it('keeps what the meeting is for without the cue words', () => {
    expect(
      readPurpose(
        'Officials said the meeting is aimed at normalizing relations between the two neighbours.',
      ),
    ).toBe('normalizing relations between the two neighbours');
    expect(readPurpose('The talks aim to finalise a fisheries accord, the ministry said.')).toBe(
      'finalise a fisheries accord',
    );
    expect(readPurpose('The envoys met in Dakar to discuss the transition timetable.')).toBe(
      'discuss the transition timetable',
    );
  });

  it('finds no purpose where the sentence states none', () => {
    expect(readPurpose('The two presidents met in Lima on Monday.')).toBeNull();
  });
});

describe('readParticipants', () => {
  const read = (s: string, word: string) =>
    readParticipants(s, [0, s.length], 0, s.indexOf(word), false);

  it('prefers the city a building stands in over the city in its name ("Hyderabad House in New Delhi")', () => {
    const s =
      'The Indian prime minister hosted the visiting Japanese prime minister at Hyderabad House in New Delhi.';
    expect(read(s, 'hosted').place?.city).toBe('New Delhi');
    // With no other city named, the building's city stands.
    const t = 'Rwandan and Kenyan ministers met at the Kigali Convention Centre.';
    expect(read(t, 'met').place?.city).toBe('Kigali');
    // A city before a building that is not named for it is still the place.
    const u = 'The Kenyan and Ethiopian leaders met in Mombasa at the State House.';
    expect(read(u, 'met').place?.city).toBe('Mombasa');
  });

  it('reads a process named for a country ("the next round of Libyan talks") as its subject', () => {
    const s = 'Envoys open a fresh round of Libyan talks in Geneva on Monday.';
    expect(read(s, 'talks').countries).toEqual([]);
    // Two demonyms name the two sides at the table.
    const t = 'A new round of Ethiopian and Eritrean talks opens in Geneva on Monday.';
    expect(read(t, 'talks').countries.sort()).toEqual(['ER', 'ET']);
    // Without "round of", a demonym before talks still seats its country.
    const u = 'Kenyan talks with the Ugandan delegation opened in Kampala on Monday.';
    expect(read(u, 'talks').countries.sort()).toEqual(['KE', 'UG']);
  });

  it("reads a country's own war or offensive as the subject of the talks", () => {
    const s =
      'The Malian president arrived in Dakar for talks with the Senegalese president on efforts to end Niger’s blockade of the border.';
    expect(read(s, 'talks').countries.sort()).toEqual(['ML', 'SN']);
  });

  it("does not seat the country a spokesman's title names", () => {
    const s =
      'The Ghanaian Foreign Ministry spokesperson said the talks with the Togolese side would cover trade.';
    expect(read(s, 'talks').countries).toEqual(['TG']);
  });

  it('reads countries named as what the talks are about as subjects, not participants', () => {
    const s =
      'The Kenyan foreign minister will meet his Tanzanian counterpart to discuss the grain corridor, Sudan, Somalia and Ethiopia.';
    expect(read(s, 'meet').countries.sort()).toEqual(['KE', 'TZ']);
  });

  it('does not seat the country whose officials announce or judge the talks', () => {
    const s = 'Chile and Peru held talks in Arica, the Bolivian foreign ministry said.';
    expect(read(s, 'talks').countries.sort()).toEqual(['CL', 'PE']);
    const t = 'Asked how Canada views the talks between Chile and Peru, the spokesman declined.';
    expect(read(t, 'talks').countries.sort()).toEqual(['CL', 'PE']);
  });

  it('keeps the host of talks between others out of the participants, as the place', () => {
    const s = 'Norway is hosting peace talks between the Colombian government and the rebels.';
    const r = read(s, 'talks');
    expect(r.countries).toEqual(['CO']);
    expect(r.place?.code).toBe('NO');
  });

  it('seats the country whose warring sides hold the talks', () => {
    const s = 'Warring parties in the conflict in Yemen opened talks in Muscat on Monday.';
    expect(read(s, 'talks').countries).toEqual(['YE']);
  });

  it('seats the sides of "peace talks between" two countries, not the pair a peace is about', () => {
    expect(
      read('Peace talks between Ghana and Togo opened in Lomé on Monday.', 'talks').countries,
    ).toEqual(['GH', 'TG']);
    expect(
      read('Mediators said talks between Ghana and Togo resumed in Accra.', 'talks').countries,
    ).toEqual(['GH', 'TG']);
    // A dispute between them is still what the talks are about.
    expect(
      read('The envoys met in Accra to settle the border dispute between Ghana and Togo.', 'met')
        .countries,
    ).toEqual([]);
  });

  it('does not take a spokesman, or the leader he speaks for, for a participant', () => {
    const s =
      'The talks went well, said Ana Ruiz, spokeswoman for President Jorge Salas, after Mexico and Guatemala met.';
    expect(read(s, 'met').people).toEqual([]);
  });

  it('reads the country after a city as locating it, not as a participant', () => {
    const s = 'Kenyan and Ugandan ministers will meet in Kisumu, Kenya, in June.';
    const t = 'Chilean and Peruvian ministers will meet in Mendoza, Argentina, in June.';
    expect(read(t, 'meet').countries.sort()).toEqual(['CL', 'PE']);
    expect(read(s, 'meet').countries.sort()).toEqual(['KE', 'UG']);
  });

  it('does not seat the countries a gathering leaves out', () => {
    const s = 'The summit brings together every leader in the region except Chile and Peru.';
    expect(read(s, 'summit').countries).toEqual([]);
  });

  it('takes "in Tarija, Bolivia" for a town the gazetteer lacks, located by its country', () => {
    const s = 'Chilean and Peruvian ministers will meet in Tarija, Bolivia, in June.';
    const r = read(s, 'meet');
    expect(r.countries.sort()).toEqual(['CL', 'PE']);
    expect(r.place).toMatchObject({ city: 'Tarija', code: 'BO' });
  });

  it('reads "in Lima, the capital of Peru" as the place, not Peru as a party', () => {
    const s = 'The Chilean and Bolivian ministers met in Lima, the capital of Peru, on Monday.';
    const r = read(s, 'met');
    expect(r.countries.sort()).toEqual(['BO', 'CL']);
    expect(r.place).toMatchObject({ city: 'Lima', code: 'PE' });
  });

  it('keeps "former" in the role of a person who no longer holds the office', () => {
    const s = 'The former Chilean president Ana Soto met Peruvian President Luis Mora in Lima.';
    expect(read(s, 'met').people.map(p => p.role)).toEqual(['Former President', 'President']);
  });

  it('takes the city a minister left for as the place', () => {
    const s =
      'The Chilean minister has left for Lima, where she will meet her Peruvian counterpart.';
    expect(read(s, 'meet').place?.city).toBe('Lima');
  });
});
