import { useId, useState } from 'react';
import { addTags } from './tag-entry';

interface Props {
  /** "Highlight tags", "Article tags". */
  label: string;
  tags: readonly string[];
  /** Every tag in use on highlights and articles (one list, `useAllTags`), offered as completions. */
  suggestions: readonly string[];
  onChange: (tags: string[]) => void;
}

/**
 * Tags as removable chips plus a field with completion from the tags already in use. Enter or a
 * comma adds the typed tag; a pasted "Iran, Russia" adds two; Backspace in the empty field removes
 * the last one.
 *
 * The stored tags arrive back through a live query some milliseconds after each change, so the
 * component builds each change on the last list it sent rather than on the `tags` prop: typing
 * `syria⏎refugees⏎` quickly keeps both.
 */
export function TagsInput({ label, tags, suggestions, onChange }: Props) {
  const [text, setText] = useState('');
  const listId = useId();
  // The list as last sent, until the stored list comes back (a new `tags` array).
  // React re-renders between two key presses, so the handlers below always see the last list sent.
  const [sent, setSent] = useState<{ from: readonly string[]; value: readonly string[] } | null>(
    null,
  );
  const shown = sent?.from === tags ? sent.value : tags;
  const change = (next: readonly string[]) => {
    if (next === shown) return;
    setSent({ from: tags, value: next });
    onChange([...next]);
  };
  const add = (raw: string) => {
    setText('');
    change(addTags(shown, raw, suggestions));
  };
  const inUse = new Set(shown.map(t => t.toLowerCase()));
  return (
    <div className="tags-input" role="group" aria-label={label}>
      {shown.length > 0 && (
        <ul className="tag-list" aria-label={label}>
          {shown.map(tag => (
            <li key={tag} className="tag">
              <span>#{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => change(shown.filter(t => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        type="text"
        aria-label={`Add to ${label.toLowerCase()}`}
        placeholder="Add a tag…"
        list={listId}
        value={text}
        onChange={e => setText(e.currentTarget.value)}
        onPaste={e => {
          const pasted = e.clipboardData.getData('text/plain');
          if (!/[,;\n]/.test(pasted)) return;
          e.preventDefault();
          add(text + pasted);
        }}
        onKeyDown={e => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && text === '' && shown.length > 0) {
            change(shown.slice(0, -1));
          }
        }}
        onBlur={() => {
          if (text.trim()) add(text);
        }}
      />
      <datalist id={listId}>
        {suggestions
          .filter(s => !inUse.has(s.toLowerCase()))
          .map(s => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
