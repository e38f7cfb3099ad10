import { useEffect, useId, useRef, useState } from 'react';
import { NotePreview } from './NotePreview';

/** How long typing must pause before a note is saved. */
const AUTOSAVE_MS = 600;

interface Props {
  /** Accessible name of the text field ("Article note", "Highlight note"). */
  label: string;
  value: string;
  onSave: (text: string) => void;
  /** Focuses the field whenever this number changes (the `n` shortcut). */
  focusRequest?: number;
  placeholder?: string;
}

type Timer = { current: ReturnType<typeof setTimeout> | undefined };
type Pending = { current: { text: string; save: (t: string) => void } | null };

function flushNow(timer: Timer, pending: Pending): void {
  clearTimeout(timer.current);
  timer.current = undefined;
  const p = pending.current;
  pending.current = null;
  if (p) p.save(p.text);
}

/**
 * A multi-line note: saved while typing pauses, on leaving the field and when the editor goes
 * away, with its Markdown rendered safely below. A change from outside (undo, another view)
 * replaces the text unless the analyst has unsaved typing in it.
 */
export function NoteEditor({ label, value, onSave, focusRequest, placeholder }: Props) {
  const [draft, setDraft] = useState(value);
  const [stored, setStored] = useState(value);
  if (value !== stored) {
    setStored(value);
    if (draft === stored) setDraft(value);
  }
  const field = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<{ text: string; save: (t: string) => void } | null>(null);
  const previewId = useId();

  const flush = () => flushNow(timer, pending);

  useEffect(() => () => flushNow(timer, pending), []);
  useEffect(() => {
    if (focusRequest) field.current?.focus();
  }, [focusRequest]);

  const shown = draft.trim() !== '';
  return (
    <div className="note-editor">
      <textarea
        ref={field}
        aria-label={label}
        aria-describedby={shown ? previewId : undefined}
        value={draft}
        placeholder={placeholder}
        rows={Math.min(8, Math.max(2, draft.split('\n').length + 1))}
        onChange={e => {
          const text = e.currentTarget.value;
          setDraft(text);
          pending.current = { text, save: onSave };
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, AUTOSAVE_MS);
        }}
        onBlur={flush}
      />
      {(draft !== '' || value !== '') && (
        <span className="save-state" aria-live="polite">
          {draft === value ? 'Saved' : 'Not saved yet'}
        </span>
      )}
      {shown && <NotePreview id={previewId} label={`${label}, formatted`} text={draft} />}
    </div>
  );
}
