/**
 * Country fields as the analyst types them: "Germany", "German", "DE" or "Germany (DE)", all the
 * same country. Before an edit is checked, every country term in it is resolved through main's
 * gazetteer (`countries:resolve`) and written back as "Germany (DE)", the form `fromInputs`
 * reads. Main holds the table of names, aliases and demonyms; a second copy in the renderer would
 * drift from the one the extractor uses.
 */
import type { CountryRef } from '../../src-main/contract/meeting';
import type { Result } from '../../src-main/contract/result';
import type { Inputs, Parsed } from './editing';
import type { FieldName } from './fields';

export type CountryResolver = (
  terms: string[],
) => Promise<Result<{ countries: (CountryRef | null)[] }>>;

/** Where in a field's inputs country terms are: the place's country, the list, each person's. */
function termsOf(field: FieldName, inputs: Inputs): string[] {
  switch (field) {
    case 'place':
      return inputs.country?.trim() ? [inputs.country.trim()] : [];
    case 'countries':
      return (inputs.countries ?? '')
        .split(/[,;]/)
        .map(x => x.trim())
        .filter(Boolean);
    case 'people':
      return (inputs.people ?? '')
        .split('\n')
        .map(line => line.split(',')[2]?.trim() ?? '')
        .filter(Boolean);
    default:
      return [];
  }
}

const unknownCountry = (term: string) =>
  `“${term}” is not a country Readout knows: give its name (Germany), a demonym (German) or its code (DE)`;

/**
 * The inputs with every country term replaced by the country it names ("Germany (DE)"; a
 * person's country by its code), or the first term that names none. Inputs of other fields come
 * back unchanged without asking main.
 */
export async function resolveCountryInputs(
  field: FieldName,
  inputs: Inputs,
  resolve: CountryResolver,
): Promise<Parsed<Inputs>> {
  const terms = termsOf(field, inputs);
  if (terms.length === 0) return { ok: true, value: inputs };
  const answer = await resolve(terms);
  if (!answer.ok)
    return { ok: false, error: `The countries could not be checked: ${answer.error.message}` };
  const found = new Map<string, CountryRef>();
  for (const [i, term] of terms.entries()) {
    const c = answer.value.countries[i];
    if (!c) return { ok: false, error: unknownCountry(term) };
    found.set(term, c);
  }
  const named = (term: string) => {
    const c = found.get(term.trim())!;
    return `${c.name} (${c.code})`;
  };
  switch (field) {
    case 'place':
      return { ok: true, value: { ...inputs, country: named(inputs.country) } };
    case 'countries':
      return {
        ok: true,
        value: { ...inputs, countries: termsOf(field, inputs).map(named).join(', ') },
      };
    default: {
      const people = (inputs.people ?? '').split('\n').map(line => {
        const parts = line.split(',');
        const term = parts[2]?.trim();
        if (!term) return line;
        parts[2] = ` ${found.get(term)!.code}`;
        return parts.join(',');
      });
      return { ok: true, value: { ...inputs, people: people.join('\n') } };
    }
  }
}
