import { useId, useState } from 'react';
import { cleanTag } from '../../db/highlights';

interface Props {
  /** "Highlight tags", "Article tags". */
  label: string;
  tags: readonly string[];
  /** Every tag in use, offered as completions. */
  suggestions: readonly string[];
  onChange: (tags: string[]) => void;
}

/**
 * Tags as removable chips plus a field with completion from the tags already in use. Enter or a
 * comma adds the typed tag; Backspace in the empty field removes the last one.
 */
export function TagsInput({ label, tags, suggestions, onChange }: Props) {
  const [text, setText] = useState('');
  const listId = useId();
  const add = () => {
    const tag = cleanTag(text);
    setText('');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  return (
    <div className="tags-input" role="group" aria-label={label}>
      {tags.length > 0 && (
        <ul className="tag-list" aria-label={label}>
          {tags.map(tag => (
            <li key={tag} className="tag">
              <span>#{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(tags.filter(t => t !== tag))}
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
        onKeyDown={e => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => {
          if (text.trim()) add();
        }}
      />
      <datalist id={listId}>
        {suggestions
          .filter(s => !tags.includes(s))
          .map(s => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
