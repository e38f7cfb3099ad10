import { memo, type CSSProperties, type Ref } from 'react';
import { COLOUR_NAMES, slot } from './palette';
import type { Segment } from './segments';

interface Props {
  text: string;
  start: number;
  end: number;
  segments: Segment[];
  meanings: readonly string[];
  selectedId: string | null;
  focusRef?: Ref<HTMLElement>;
}

function Run({
  text,
  run,
  meanings,
  selectedId,
}: {
  text: string;
  run: Segment;
  meanings: readonly string[];
  selectedId: string | null;
}) {
  if (run.layers.length === 0) return text;
  const top = run.layers[run.layers.length - 1];
  const under = run.layers.length > 1 ? run.layers[run.layers.length - 2] : null;
  const classes = [
    'hl',
    `hl-c${slot(top.colour)}`,
    under && 'hl-overlap',
    run.starts && 'hl-start',
    run.ends && 'hl-end',
    run.layers.some(l => l.id === selectedId) && 'hl-selected',
  ];
  const style = under
    ? ({ '--hl-under': `var(--hl-${slot(under.colour)})` } as CSSProperties)
    : undefined;
  const title = run.layers
    .map(l => `${meanings[slot(l.colour)]} (${COLOUR_NAMES[slot(l.colour)]})`)
    .reverse()
    .join(' over ');
  return (
    <mark
      className={classes.filter(Boolean).join(' ')}
      style={style}
      data-highlight-id={top.id}
      data-testid="highlight"
      title={title}
    >
      {text}
    </mark>
  );
}

/**
 * One paragraph of the reader as runs: plain text, highlight marks (the innermost highlight's
 * colour and underline, the one beneath shown as a band), and the focus mark around the runs it
 * covers. Memoised: a paragraph re-renders only when its own runs change.
 */
export const HighlightedParagraph = memo(function HighlightedParagraph({
  text,
  start,
  end,
  segments,
  meanings,
  selectedId,
  focusRef,
}: Props) {
  const pieces = segments.map(run => (
    <Run
      key={run.start}
      text={text.slice(run.start - start, run.end - start)}
      run={run}
      meanings={meanings}
      selectedId={selectedId}
    />
  ));
  const firstFocus = segments.findIndex(r => r.focus);
  if (firstFocus === -1) {
    return (
      <p data-start={start} data-end={end}>
        {pieces}
      </p>
    );
  }
  const lastFocus = segments.findLastIndex(r => r.focus);
  return (
    <p data-start={start} data-end={end}>
      {pieces.slice(0, firstFocus)}
      <mark className="focus-mark" ref={focusRef} data-testid="focus-mark">
        {pieces.slice(firstFocus, lastFocus + 1)}
      </mark>
      {pieces.slice(lastFocus + 1)}
    </p>
  );
});
