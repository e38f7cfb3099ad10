import { db } from '../../db/db';
import { COLOUR_NAMES, DEFAULT_MEANINGS, renameColour } from './palette';

/** The eight colours with their meanings, each renameable; saved when the field is left. */
export function ColourMeanings({ meanings }: { meanings: readonly string[] }) {
  return (
    <section className="colour-meanings" aria-labelledby="colour-meanings-title">
      <h2 id="colour-meanings-title">Colour meanings</h2>
      <ol>
        {meanings.map((m, i) => (
          <li key={`${i}-${m}`}>
            <span className={`swatch hl-c${i}`} aria-hidden="true">
              {i + 1}
            </span>
            <input
              type="text"
              aria-label={`Meaning of colour ${i + 1} (${COLOUR_NAMES[i]})`}
              defaultValue={m}
              placeholder={DEFAULT_MEANINGS[i]}
              onBlur={e => {
                const value = e.currentTarget.value;
                if (value.trim() !== m) void renameColour(db, i, value);
              }}
              onKeyDown={e => {
                if (e.key === 'Enter') e.currentTarget.blur();
              }}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
