import { useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from './importer';
import type { StreamProgress } from './session-runner';
import { plural } from '../../format';

export interface ImportActivity {
  label: string;
  done: number;
  total: number;
  /** Files and bytes of a streaming import. */
  stream?: StreamProgress;
  /** Stops the import after the batch being stored; absent where an import cannot stop. */
  cancel?: () => void;
  /** Cancel was pressed: the batch being stored is finishing. */
  cancelling?: boolean;
}

const count = (n: number) => n.toLocaleString('en');

/** "1.2 MB": bytes the way a progress line reads them. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en')} MB`;
}

/** "1,200 of 10,000 files, 4.1 of 33 MB", or "1,200 files so far" while totals are unknown. */
export function streamLine(p: StreamProgress): string {
  if (p.totalFiles === null) return `${count(p.filesDone)} files so far`;
  const files = `${count(p.filesDone)} of ${plural(p.totalFiles, 'file')}`;
  return p.totalBytes === null || p.totalBytes === 0
    ? files
    : `${files}, ${megabytes(p.bytesDone)} of ${megabytes(p.totalBytes)}`;
}

/**
 * How long a report with nothing wrong in it stays on screen. It floats over the bottom right of
 * every view, where the card's and the briefing's buttons are, so once it has been read it must
 * go; a report with a failure, a bad file or a cancel stays until it is closed.
 */
export const CLEAN_REPORT_MS = 12_000;

/** Whether the report only says what was stored: nothing failed, nothing was cancelled. */
export function isCleanReport(outcome: ImportOutcome): boolean {
  return !outcome.failure && !outcome.cancelled && outcome.errors.length === 0;
}

/** Progress while an import runs, then what it did: counts, and one clear line per bad file. */
export function ImportStatus({
  activity,
  outcome,
  onDismiss,
}: {
  activity: ImportActivity | null;
  outcome: ImportOutcome | null;
  onDismiss: () => void;
}) {
  if (activity) {
    const stream = activity.stream;
    // The bar counts files (the line above it says the bytes too).
    const [max, value] =
      stream && stream.totalFiles
        ? [stream.totalFiles, stream.filesDone]
        : [activity.total, activity.done];
    return (
      <div className="import-status" role="status" aria-live="polite">
        <span>
          {activity.cancelling
            ? 'Cancelling after this batch… '
            : `${activity.label}${stream ? ' ' : ''}`}
          {stream
            ? streamLine(stream)
            : activity.total > 0
              ? ` ${count(activity.done)} of ${count(activity.total)}`
              : '…'}
        </span>
        <progress
          aria-label="Import progress"
          max={max || undefined}
          value={max ? value : undefined}
        />
        {activity.cancel && (
          <button
            type="button"
            className="quiet"
            onClick={activity.cancel}
            disabled={activity.cancelling}
          >
            Cancel import
          </button>
        )}
      </div>
    );
  }
  if (!outcome) return null;
  return <Report outcome={outcome} onDismiss={onDismiss} />;
}

function Report({ outcome, onDismiss }: { outcome: ImportOutcome; onDismiss: () => void }) {
  // Held open while the pointer or the keyboard is on it, so it never vanishes mid-read.
  const [held, setHeld] = useState(false);
  const section = useRef<HTMLElement>(null);
  const clean = isCleanReport(outcome);
  // The app passes a new callback on each of its renders; the timer must not restart on each.
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (!clean || held) return;
    const timer = setTimeout(() => dismiss.current(), CLEAN_REPORT_MS);
    return () => clearTimeout(timer);
  }, [clean, held, outcome]);
  const parts = [
    outcome.added > 0 && `${plural(outcome.added, 'new article')}`,
    outcome.updated > 0 && `${plural(outcome.updated, 'article')} updated`,
    outcome.unchanged > 0 && `${plural(outcome.unchanged, 'article')} already in the library`,
  ].filter(Boolean);
  // Batches stored before a failure stay stored, so the headline still counts them.
  const cancelled = outcome.cancelled;
  const headline = cancelled
    ? `Import cancelled after ${count(cancelled.filesDone)}${cancelled.totalFiles === null ? '' : ` of ${count(cancelled.totalFiles)}`} files${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`
    : outcome.failure
      ? parts.length > 0
        ? `The import stopped after ${parts.join(', ')}`
        : 'The import failed'
      : parts.length > 0
        ? parts.join(', ')
        : 'No articles imported';
  return (
    <section
      ref={section}
      className="import-report"
      aria-label="Import report"
      role="region"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(section.current?.contains(document.activeElement) ?? false)}
      onFocus={() => setHeld(true)}
      onBlur={e => setHeld(section.current?.contains(e.relatedTarget as Node | null) ?? false)}
    >
      <header>
        <h2>{headline}</h2>
        <button
          type="button"
          className="quiet"
          onClick={onDismiss}
          aria-label="Close import report"
        >
          ×
        </button>
      </header>
      {outcome.failure && <p className="import-failure">{outcome.failure}</p>}
      {outcome.errors.length > 0 && (
        <>
          <p>{plural(outcome.errors.length, 'file')} could not be imported:</p>
          <ul className="import-errors">
            {outcome.errors.slice(0, 200).map((e, i) => (
              <li key={`${e.file}-${i}`}>
                <strong>{e.file}</strong> — {e.message}
              </li>
            ))}
            {outcome.errors.length > 200 && <li>… and {outcome.errors.length - 200} more.</li>}
          </ul>
        </>
      )}
    </section>
  );
}
