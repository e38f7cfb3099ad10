import type { ImportOutcome } from './importer';
import { plural } from '../../format';

export interface ImportActivity {
  label: string;
  done: number;
  total: number;
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
    return (
      <div className="import-status" role="status" aria-live="polite">
        <span>
          {activity.label}
          {activity.total > 0
            ? ` ${activity.done.toLocaleString('en')} of ${activity.total.toLocaleString('en')}`
            : '…'}
        </span>
        <progress
          aria-label="Import progress"
          max={activity.total || undefined}
          value={activity.total ? activity.done : undefined}
        />
      </div>
    );
  }
  if (!outcome) return null;
  const parts = [
    outcome.added > 0 && `${plural(outcome.added, 'new article')}`,
    outcome.updated > 0 && `${plural(outcome.updated, 'article')} updated`,
    outcome.unchanged > 0 && `${plural(outcome.unchanged, 'article')} already in the library`,
  ].filter(Boolean);
  // Batches stored before a failure stay stored, so the headline still counts them.
  const headline = outcome.failure
    ? parts.length > 0
      ? `The import stopped after ${parts.join(', ')}`
      : 'The import failed'
    : parts.length > 0
      ? parts.join(', ')
      : 'No articles imported';
  return (
    <section className="import-report" aria-label="Import report" role="region">
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
