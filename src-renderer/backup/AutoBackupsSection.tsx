/**
 * The Data dialog's list of automatic backups: when each was made and what it holds, damaged
 * files marked as such, and a Restore button on each good one. Restoring itself (the check, the
 * confirmation, the messages) is the dialog's.
 */
import { useEffect, useState, type ReactNode } from 'react';
import {
  AUTO_BACKUP_RETENTION,
  type AutoBackupEntry,
  type AutoBackupList,
  type WorkCounts,
} from '../../src-main/contract/auto-backup';
import type { Result } from '../../src-main/contract/result';
import { api } from '../bridge';
import { useAutoBackupStatus } from './auto-backups';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** "3 highlights, 2 notes and 1 meeting decision" (notes on highlights, articles and meetings). */
export function workCounts(c: WorkCounts): string {
  const parts = [
    plural(c.highlights, 'highlight'),
    plural(c.highlightNotes + c.articleNotes + c.meetingNotes, 'note'),
    plural(c.decisions, 'meeting decision'),
  ];
  if (c.trash > 0) parts.push(`${c.trash} in the trash`);
  if (c.articleStates > 0) parts.push(plural(c.articleStates, 'article') + ' read or edited');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The same, short, for the list: "3 highlights · 2 notes · 1 decision". */
function shortCounts(c: WorkCounts): string {
  const parts = [
    plural(c.highlights, 'highlight'),
    plural(c.highlightNotes + c.articleNotes + c.meetingNotes, 'note'),
    plural(c.decisions, 'decision'),
  ];
  if (c.trash > 0) parts.push(`${c.trash} in trash`);
  if (c.articleStates > 0) parts.push(plural(c.articleStates, 'article') + ' marked');
  return parts.join(' · ');
}

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "1 Mar 2025, 10:30", in the analyst's locale and time zone. */
export function backupTime(time: number): string {
  return whenFormat.format(new Date(time));
}

export type GoodBackup = Extract<AutoBackupEntry, { state: 'ok' }>;

export function AutoBackupsSection(props: {
  /** Whether the dialog is open: the folder is listed on opening. */
  shown: boolean;
  busy: boolean;
  onRestore: (entry: GoodBackup) => void;
  /** The backup whose restore awaits confirmation, marked in the list. */
  chosenId: string | null;
  /** The confirmation of a restore chosen here, shown under the list. */
  confirm: ReactNode;
}) {
  const { shown, busy, onRestore, chosenId, confirm } = props;
  const status = useAutoBackupStatus();
  const [list, setList] = useState<Result<AutoBackupList> | null>(null);

  useEffect(() => {
    if (!shown) return;
    let live = true;
    void api.listAutoBackups().then(result => {
      if (live) setList(result);
    });
    return () => {
      live = false;
    };
  }, [shown, status.written]);

  let body: ReactNode;
  if (list === null) {
    body = <p className="hint">Looking for automatic backups…</p>;
  } else if (!list.ok) {
    body = (
      <p className="hint">
        {list.error.code === 'unsupported'
          ? 'Automatic backups are not kept here.'
          : `The automatic backups cannot be listed: ${list.error.message}`}
      </p>
    );
  } else if (list.value.backups.length === 0) {
    body = (
      <p className="hint">
        None yet: the first is made a few minutes after you highlight or write a note.
      </p>
    );
  } else {
    body = (
      <ul className="auto-backups" aria-label="Automatic backups">
        {list.value.backups.map(entry => {
          const when = backupTime(entry.createdAt);
          return (
            <li
              key={entry.id}
              className={entry.state === 'ok' ? (entry.id === chosenId ? 'chosen' : '') : 'damaged'}
            >
              <div className="auto-what">
                <time dateTime={new Date(entry.createdAt).toISOString()}>{when}</time>
                <span className="auto-counts">
                  {entry.state === 'ok'
                    ? shortCounts(entry.counts)
                    : `Damaged: ${entry.reason}. It cannot be restored.`}
                </span>
              </div>
              {entry.state === 'ok' && (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Restore the automatic backup of ${when}`}
                  onClick={() => onRestore(entry)}
                >
                  Restore…
                </button>
              )}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <section aria-labelledby="data-auto-title">
      <h3 id="data-auto-title">Automatic backups</h3>
      <p className="hint">
        Your highlights, notes, tags, trash, meeting decisions and meeting notes, and which articles
        you read, archived, trashed or edited, are saved on this computer a few minutes after you
        change them. The last {AUTO_BACKUP_RETENTION.recent} are kept, and the last one of each of
        the past {AUTO_BACKUP_RETENTION.days} days. Articles are not included: import them again
        from their files, and what you did to them comes back.
      </p>
      {body}
      {confirm}
      {status.error && (
        <p className="auto-error">
          The last automatic backup failed ({status.error}); Readout will try again
          {status.nextAt === null ? ' after your next change' : ''}.
        </p>
      )}
      {list?.ok && <p className="auto-folder">Saved in {list.value.folder}</p>}
    </section>
  );
}
