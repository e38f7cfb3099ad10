/**
 * A note's formatted text, wherever a note is shown. Formatting is bounded (see markdown.ts),
 * deferred so opening a view or typing in the editor never waits for it, and fenced by an error
 * boundary: a note
 * that cannot be formatted is shown as its raw text with a short message, and never takes the
 * article or All highlights down with it.
 */
import { useDeferredValue } from 'react';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { MARKDOWN_LIMIT, renderMarkdown } from './markdown';

interface Props {
  text: string;
  /** Accessible name of the region ("Highlight note, formatted"); unnamed when absent. */
  label?: string;
  id?: string;
}

function Formatted({ text, label, id }: Props) {
  const html = renderMarkdown(text);
  const region = label ? { role: 'region', 'aria-label': label } : {};
  if (html === null)
    return (
      <div id={id} className="note-preview note-plain" {...region}>
        <p className="note-notice">
          Shown as plain text: notes over {MARKDOWN_LIMIT.toLocaleString('en')} characters are not
          formatted.
        </p>
        {text}
      </div>
    );
  return (
    <div id={id} className="note-preview" {...region} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/**
 * The note rendered as safe Markdown, or as raw text with a message if that fails. A view opens
 * with its notes as raw text and formats them in React's deferred pass, one note at a time, so
 * the view is on screen at once and typing or switching views interrupts the formatting.
 */
export function NotePreview({ text, label, id }: Props) {
  const deferred = useDeferredValue<string | null>(text, null);
  if (deferred === null) {
    const region = label ? { role: 'region', 'aria-label': label } : {};
    return (
      <div id={id} className="note-preview note-plain" {...region}>
        {text}
      </div>
    );
  }
  return (
    <ErrorBoundary
      resetKey={deferred}
      fallback={() => (
        <div
          id={id}
          className="note-preview note-plain note-failed"
          role="group"
          aria-label={label}
        >
          <p className="note-notice" role="alert">
            This note could not be displayed formatted. Its text:
          </p>
          {deferred}
        </div>
      )}
    >
      <Formatted text={deferred} label={label} id={id} />
    </ErrorBoundary>
  );
}
