import { COLOUR_NAMES } from './palette';

interface Props {
  /** Where to show, relative to the reading pane's content box. */
  top: number;
  left: number;
  meanings: readonly string[];
  onHighlight: (colour: number) => void;
  onNote: () => void;
}

/**
 * The small toolbar over a text selection: one button per colour and one to highlight and write a
 * note. Pressing a button must not clear the selection, so mousedown is swallowed.
 */
export function SelectionToolbar({ top, left, meanings, onHighlight, onNote }: Props) {
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight selection"
      style={{ top, left }}
      onMouseDown={e => e.preventDefault()}
    >
      {meanings.map((meaning, i) => (
        <button
          key={i}
          type="button"
          className={`swatch-button hl-c${i}`}
          title={`${meaning} (${COLOUR_NAMES[i]}) — key ${i + 1}`}
          onClick={() => onHighlight(i)}
        >
          <span aria-hidden="true">{i + 1}</span>
          <span className="sr-only">Highlight as {meaning}</span>
        </button>
      ))}
      <button
        type="button"
        className="toolbar-note"
        onClick={onNote}
        title="Highlight and add a note — key N"
      >
        Note
      </button>
    </div>
  );
}
