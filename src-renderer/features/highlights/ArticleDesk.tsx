import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { db, type StoredArticle } from '../../db/db';
import { highlightsOf, newHighlight } from '../../db/highlights';
import { useShortcut } from '../../shortcuts';
import { useEscapeLayer } from '../keyboard/escape';
import type { FocusRange } from '../reader/ReaderView';
import { ReaderView } from '../reader/ReaderView';
import { addHighlight, editHighlight, removeHighlight } from '../undo/desk';
import { offsetsToRange, rangeToOffsets } from './domRange';
import { HighlightsPanel } from './HighlightsPanel';
import { useColourMeanings } from './palette';
import { place, type Placement } from './placement';
import type { Layer } from './segments';
import { SelectionToolbar } from './SelectionToolbar';
import { sentenceSpans, stepSentence } from './sentences';

interface Pending {
  start: number;
  end: number;
  top: number;
  left: number;
}

/** The `1`–`8` shortcut of one colour slot. */
function ColourKey({
  slot,
  meaning,
  run,
}: {
  slot: number;
  meaning: string;
  run: (slot: number) => void;
}) {
  useShortcut({
    key: String(slot + 1),
    description: `Highlight as, or recolour to, ${meaning}`,
    group: 'Highlights',
    run: () => run(slot),
  });
  return null;
}

const empty: Placement = { placed: [], orphans: [] };

/** The toolbar's place: above the selection, inside the reading pane's scrolled content. */
function toolbarAt(range: Range, pane: HTMLElement): { top: number; left: number } {
  const r = range.getBoundingClientRect();
  const p = pane.getBoundingClientRect();
  const top = r.top - p.top + pane.scrollTop - 46;
  const left = Math.min(Math.max(8, r.left - p.left + r.width / 2 - 170), p.width - 360);
  return { top: Math.max(pane.scrollTop + 4, top), left: Math.max(8, left) };
}

/**
 * The open article with the analyst's work on it: the reader with highlights drawn, the selection
 * toolbar, the side panel, and the reading-view shortcuts (h, 1–8, n, [, ], Delete).
 * Mount with `key={article.id}` so that selection state starts fresh for every article.
 */
export function ArticleDesk({
  article,
  focus,
}: {
  article: StoredArticle;
  focus: FocusRange | null;
}) {
  const stored = useLiveQuery(() => highlightsOf(db, article.id), [article.id]);
  const meanings = useColourMeanings();
  const { placed, orphans } = useMemo(
    () => (stored ? place(article.text, stored) : empty),
    [article.text, stored],
  );
  const layers = useMemo<Layer[]>(
    () =>
      placed.map(p => ({
        id: p.highlight.id,
        start: p.start,
        end: p.end,
        colour: p.highlight.colour,
      })),
    [placed],
  );
  const sentences = useMemo(
    () => sentenceSpans(article.text, article.paragraphs),
    [article.text, article.paragraphs],
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [colour, setColour] = useState(0);
  const [noteRequest, setNoteRequest] = useState<{ id: string | null; n: number }>({
    id: null,
    n: 0,
  });
  const body = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLElement>(null);
  const selected = placed.find(p => p.highlight.id === selectedId) ?? null;

  /** The article offsets of the current DOM selection, or null when it holds no article text. */
  const readSelection = (): Pending | null => {
    const root = body.current;
    const sel = document.getSelection();
    if (!root || !pane.current || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return null;
    const offsets = rangeToOffsets(root, range);
    return offsets && { ...offsets, ...toolbarAt(range, pane.current) };
  };
  const readSelectionRef = useRef(readSelection);
  useEffect(() => {
    readSelectionRef.current = readSelection;
  });
  useEffect(() => {
    const onChange = () => setPending(readSelectionRef.current());
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  /** Selects a highlight from the side panel and brings its passage into view. */
  const selectFromPanel = (id: string | null) => {
    setSelectedId(id);
    const p = placed.find(x => x.highlight.id === id);
    const range = p && body.current && offsetsToRange(body.current, p.start, p.end);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
  };

  /** Highlights the pending selection; returns the new highlight's id, or null with none. */
  const create = (c: number): string | null => {
    // The key may arrive before the selectionchange event that sets `pending`.
    const span = pending ?? readSelection();
    if (!span) return null;
    const h = newHighlight(article, span.start, span.end, c);
    setColour(c);
    void addHighlight(h);
    document.getSelection()?.removeAllRanges();
    setPending(null);
    setSelectedId(h.id);
    return h.id;
  };

  const selectSentence = (step: 1 | -1, extend: boolean) => {
    const root = body.current;
    if (!root) return;
    const current = readSelection();
    const from = current ? (step > 0 ? current.end - 1 : current.start) : (selected?.start ?? null);
    const next = stepSentence(sentences, from, step);
    if (!next) return;
    const start = extend && current ? Math.min(current.start, next.start) : next.start;
    const end = extend && current ? Math.max(current.end, next.end) : next.end;
    const range = offsetsToRange(root, start, end);
    if (!range) return;
    setSelectedId(null);
    const sel = document.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
  };

  useShortcut({
    key: 'h',
    description: 'Highlight the selection (last colour used)',
    group: 'Highlights',
    run: () => void create(colour),
  });
  useShortcut({
    key: 'n',
    description: 'Write a note on the selection, the selected highlight or the article',
    group: 'Highlights',
    run: () => {
      const id = create(colour) ?? selectedId;
      setNoteRequest(r => ({ id, n: r.n + 1 }));
    },
  });
  useShortcut({
    key: ']',
    description: 'Select the next sentence',
    group: 'Reading',
    run: () => selectSentence(1, false),
  });
  useShortcut({
    key: '[',
    description: 'Select the previous sentence',
    group: 'Reading',
    run: () => selectSentence(-1, false),
  });
  useShortcut({
    key: '}',
    description: 'Extend the selection by the next sentence',
    group: 'Reading',
    run: () => selectSentence(1, true),
  });
  useShortcut({
    key: 'Delete',
    description: 'Delete the selected highlight (to the trash)',
    group: 'Highlights',
    run: () => {
      if (!selected) return;
      void removeHighlight(selected.highlight);
      setSelectedId(null);
    },
  });
  useEscapeLayer(pending !== null || selectedId !== null, () => {
    document.getSelection()?.removeAllRanges();
    setPending(null);
    setSelectedId(null);
  });

  const onColourKey = (i: number) => {
    if (create(i)) return;
    if (selected && selected.highlight.colour !== i) {
      void editHighlight(selected.highlight.id, { colour: i }, 'Recolour highlight');
    }
  };

  const onBodyClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!document.getSelection()?.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-highlight-id]');
    setSelectedId(mark?.dataset.highlightId ?? null);
  };

  return (
    <>
      {meanings.map((meaning, i) => (
        <ColourKey key={i} slot={i} meaning={meaning} run={onColourKey} />
      ))}
      <main className="reading-pane" ref={pane}>
        <ReaderView
          article={article}
          focus={focus}
          highlights={layers}
          meanings={meanings}
          selectedHighlightId={selectedId}
          bodyRef={body}
          onBodyClick={onBodyClick}
        />
        {pending && (
          <SelectionToolbar
            top={pending.top}
            left={pending.left}
            meanings={meanings}
            onHighlight={c => void create(c)}
            onNote={() => {
              const id = create(colour);
              setNoteRequest(r => ({ id, n: r.n + 1 }));
            }}
          />
        )}
      </main>
      <HighlightsPanel
        articleId={article.id}
        placed={placed}
        orphans={orphans}
        meanings={meanings}
        selectedId={selectedId}
        onSelect={selectFromPanel}
        noteRequest={noteRequest}
      />
    </>
  );
}
