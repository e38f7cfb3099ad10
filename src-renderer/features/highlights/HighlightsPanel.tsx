import type { Highlight } from '../../db/db';
import { ConflictBadge } from '../team/ConflictBadge';
import { ArticleNoteEditor } from '../notes/ArticleNoteEditor';
import { NotePreview } from '../notes/NotePreview';
import { NoteEditor } from '../notes/NoteEditor';
import { TagsInput } from '../notes/TagsInput';
import { useAllTags } from '../notes/useAllTags';
import { editHighlight, removeHighlight } from '../undo/desk';
import { COLOUR_NAMES, slot } from './palette';
import type { Placed } from './placement';

interface Props {
  articleId: string;
  placed: Placed[];
  orphans: Highlight[];
  meanings: readonly string[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Bumped by the `n` shortcut: which note to focus (null: the article note). */
  noteRequest: { id: string | null; n: number };
}

function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map(t => (
        <li key={t} className="tag">
          #{t}
        </li>
      ))}
    </ul>
  );
}

/** Colour buttons for the selected highlight; the current colour is pressed. */
function ColourPicker({ h, meanings }: { h: Highlight; meanings: readonly string[] }) {
  return (
    <div className="colour-picker" role="group" aria-label="Colour">
      {meanings.map((m, i) => (
        <button
          key={i}
          type="button"
          className={`swatch-button hl-c${i}`}
          aria-pressed={slot(h.colour) === i}
          title={`${m} (${COLOUR_NAMES[i]}) — key ${i + 1}`}
          onClick={() => void editHighlight(h.id, { colour: i }, 'Recolour highlight')}
        >
          <span aria-hidden="true">{i + 1}</span>
          <span className="sr-only">Recolour as {m}</span>
        </button>
      ))}
    </div>
  );
}

function HighlightEditor({
  h,
  meanings,
  suggestions,
  focusRequest,
}: {
  h: Highlight;
  meanings: readonly string[];
  suggestions: readonly string[];
  focusRequest?: number;
}) {
  return (
    <div className="hl-editor">
      <ColourPicker h={h} meanings={meanings} />
      <NoteEditor
        key={h.id}
        label="Highlight note"
        placeholder="Note on this passage (Markdown)…"
        value={h.note}
        focusRequest={focusRequest}
        onSave={note => void editHighlight(h.id, { note }, 'Edit note', `note:${h.id}`)}
      />
      <TagsInput
        label="Highlight tags"
        tags={h.tags}
        suggestions={suggestions}
        onChange={tags => void editHighlight(h.id, { tags }, 'Edit tags')}
      />
      <button type="button" className="danger-button" onClick={() => void removeHighlight(h)}>
        Delete highlight
      </button>
    </div>
  );
}

/**
 * The side panel beside the reader: the article's note, then its highlights in text order (the
 * selected one opens for recolouring, its note and tags), then any highlights that could not be
 * placed in the current text, with their quote and note.
 */
export function HighlightsPanel({
  articleId,
  placed,
  orphans,
  meanings,
  selectedId,
  onSelect,
  noteRequest,
}: Props) {
  const suggestions = useAllTags();
  return (
    <aside className="annotations" aria-label="Notes and highlights">
      <section aria-labelledby="article-note-title">
        <h2 id="article-note-title" className="pane-title">
          Article note
        </h2>
        <ArticleNoteEditor
          articleId={articleId}
          suggestions={suggestions}
          focusRequest={noteRequest.id === null ? noteRequest.n : undefined}
        />
        <ConflictBadge on={{ table: 'articleNotes', key: articleId }} />
      </section>
      <section aria-labelledby="highlights-title">
        <h2 id="highlights-title" className="pane-title">
          Highlights {placed.length > 0 && <span className="count">{placed.length}</span>}
        </h2>
        {placed.length === 0 && (
          <p className="hint panel-hint">
            Select text, then press <kbd>H</kbd> or a colour key <kbd>1</kbd>–<kbd>8</kbd>. Press{' '}
            <kbd>]</kbd> to select the next sentence.
          </p>
        )}
        <ol className="hl-list" aria-label="Highlights in this article">
          {placed.map(({ highlight: h }) => {
            const selected = h.id === selectedId;
            const c = slot(h.colour);
            return (
              <li key={h.id} className={selected ? 'hl-item is-selected' : 'hl-item'}>
                <button
                  type="button"
                  className="hl-item-select"
                  aria-pressed={selected}
                  onClick={() => onSelect(selected ? null : h.id)}
                >
                  <span className={`swatch hl-c${c}`} aria-hidden="true">
                    {c + 1}
                  </span>
                  <span className="hl-meaning">{meanings[c]}</span>
                  <span className="hl-quote">“{excerpt(h.quote.exact)}”</span>
                </button>
                <ConflictBadge on={{ table: 'highlights', key: h.id }} colourNames={meanings} />
                {selected ? (
                  <HighlightEditor
                    h={h}
                    meanings={meanings}
                    suggestions={suggestions}
                    focusRequest={noteRequest.id === h.id ? noteRequest.n : undefined}
                  />
                ) : (
                  <>
                    {h.note.trim() && <NotePreview text={h.note} />}
                    <Tags tags={h.tags} />
                  </>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      {orphans.length > 0 && (
        <section aria-labelledby="orphans-title" className="orphans">
          <h2 id="orphans-title" className="pane-title">
            Not found in the current text <span className="count">{orphans.length}</span>
          </h2>
          <p className="hint panel-hint">
            The article changed and these passages are gone. Their quotes and notes are kept.
          </p>
          <ul className="hl-list" aria-label="Highlights not found in the current text">
            {orphans.map(h => (
              <li key={h.id} className="hl-item orphan">
                <span className="hl-meaning">
                  <span className={`swatch hl-c${slot(h.colour)}`} aria-hidden="true">
                    {slot(h.colour) + 1}
                  </span>{' '}
                  {meanings[slot(h.colour)]}
                </span>
                <blockquote className="hl-quote">{excerpt(h.quote.exact, 400)}</blockquote>
                {h.note.trim() && <NotePreview text={h.note} />}
                <Tags tags={h.tags} />
                <button
                  type="button"
                  className="danger-button"
                  aria-label={`Delete orphaned highlight “${excerpt(h.quote.exact, 40)}”`}
                  onClick={() => void removeHighlight(h)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
