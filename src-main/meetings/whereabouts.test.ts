import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { testArticle } from './test-article';

const extract = (text: string) => extractArticle(testArticle(text));

describe('carryWhereabouts', () => {
  it('carries a place known only as a country to the next meeting of that day', () => {
    const [first, second] = extract(
      ' date 2024-06-09 An AU mission in Togo for discussions with the army rulers also met the detained President Kossi Amavi on Saturday. The envoys arrived on Saturday. Headed by former Beninese president Paul Dossou, the AU envoys also met several army commanders on Saturday, a source said.',
    );
    expect(first).toMatchObject({ city: null, placeCountry: 'TG' });
    expect(second).toMatchObject({ city: null, placeCountry: 'TG' });
    expect(second.confidence.place).toEqual({ confidence: 'medium', basis: 'context' });
  });
  it("carries one person's city to a meeting of the same day told in another tense", () => {
    const [, morning] = extract(
      " date 2024-06-07 The trilateral meeting of Ghanaian Foreign Minister Kofi Asante with his Togolese and Beninese counterparts will take place in Lomé today. Asante said this when he met Benin's top diplomat, Jean Hounsou, on Friday morning.",
    );
    expect(morning).toMatchObject({ status: 'held', city: 'Lomé', placeCountry: 'TG' });
  });
  it('carries the city of a stay still going on to the plans made during it', () => {
    const [, plans] = extract(
      ' date 2024-06-04 Ghanaian President Kwame Boateng landed in Dakar for the ECOWAS Heads of State Council meeting, the presidency said.\n\nThe ECOWAS summit runs on June 3-5 in Dakar, Senegal.\n\nBoateng intends to hold one-on-one meetings with other leaders.',
    );
    expect(plans).toMatchObject({ status: 'proposed', city: 'Dakar', placeCountry: 'SN' });
  });
  it('carries no place to talks with a country the stay did not involve, nor to an undated plan', () => {
    const [, talks] = extract(
      ' date 2024-06-04 Ghanaian President Kwame Boateng landed in Dakar for the ECOWAS summit, which is to take place on June 3-5 in Dakar. Boateng said he did not rule out talks with Togo.',
    );
    expect(talks).toMatchObject({ city: null, placeCountry: null });
    const [, plan] = extract(
      ' date 2024-06-04 Ghanaian President Kwame Boateng is due in Senegal on Thursday to hold talks with Amadou Diallo, the Senegalese president. Boateng said he did not rule out talks with Diallo and Togo.',
    );
    expect(plan?.placeCountry ?? null).toBeNull();
  });
});
