/**
 * The inbox folder in the page: the setting (choose, stop, what is watched) and the hook that
 * stores what the inbox imported. Main does the watching and reading (src-main/watch/); the page
 * never names a path, it only asks main to show its folder dialog. In the browser preview there
 * is no main process to watch a folder, so the setting is shown disabled, "desktop only".
 */
import { useEffect, useId, useState } from 'react';
import type { WatchStatus } from '../../../src-main/contract/watch';
import { api, desktop } from '../../bridge';
import type { ReadoutDB } from '../../db/db';
import { storeReport, type ImportOutcome } from './importer';

/**
 * What the analyst is shown of an inbox import: the usual report when something was added or
 * updated or went wrong, nothing when the files were already in the library as they are.
 */
export function inboxNotice(outcome: ImportOutcome): ImportOutcome | null {
  const changed = outcome.added + outcome.updated > 0;
  return changed || outcome.errors.length > 0 || outcome.failure ? outcome : null;
}

/**
 * Stores each report the inbox sends, through `run` (the app's import runner, which shows the
 * usual import report). Quiet: a batch that changed nothing (files saved again unchanged) shows
 * no report at all.
 */
export function useInboxImports(
  db: ReadoutDB,
  run: (work: () => Promise<ImportOutcome | null>) => Promise<void>,
): void {
  useEffect(
    () =>
      desktop?.onWatchImport(({ report }) => {
        void run(async () => {
          return inboxNotice(await storeReport(db, report));
        });
      }),
    [db, run],
  );
}

function describe(status: WatchStatus): string {
  if (status.state === 'watching') return `Watching ${status.folder}`;
  if (status.state === 'failed') return status.message ?? 'The inbox folder cannot be watched.';
  return 'No inbox folder.';
}

/** The setting, for the Your data dialog. */
export function InboxFolderSetting() {
  const id = useId();
  const [status, setStatus] = useState<WatchStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!desktop) return;
    let current = true;
    void api.watchStatus().then(r => {
      if (!current) return;
      if (r.ok) setStatus(r.value);
      else setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, []);
  const act = async (call: () => ReturnType<typeof api.watchStatus>) => {
    setError(null);
    const r = await call();
    if (r.ok) setStatus(r.value);
    else setError(r.error.message);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="inbox-folder">
      <h3 id={`${id}-title`}>Inbox folder</h3>
      <p className="hint" id={`${id}-hint`}>
        {desktop
          ? 'New and changed files in this folder are imported as they arrive.'
          : 'Desktop only: the browser preview cannot watch a folder. Import files or paste text instead.'}
      </p>
      {desktop && status && (
        // Not role=status: the dialog's own status line is the one status there.
        <p aria-live="polite" className="inbox-status">
          {describe(status)}
        </p>
      )}
      {error && (
        <p aria-live="assertive" className="inbox-error">
          {error}
        </p>
      )}
      <div className="inbox-actions">
        <button
          type="button"
          disabled={!desktop}
          aria-describedby={`${id}-hint`}
          onClick={() => void act(() => api.chooseWatchFolder())}
        >
          {status?.folder ? 'Choose another folder…' : 'Choose inbox folder…'}
        </button>
        {desktop && status?.folder && (
          <button type="button" onClick={() => void act(() => api.stopWatchFolder())}>
            Stop watching
          </button>
        )}
      </div>
    </section>
  );
}
