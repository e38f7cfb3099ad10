/**
 * "Data" in the top bar: the analyst's way out (annotation exports, a full backup) and back in
 * (restore from a file or from an automatic backup). Restoring checks the whole backup first,
 * asks before replacing anything, and backs up the current work before it does. Mounting it also
 * asks the browser for persistent storage, and the dialog shows the answer.
 */
import { useEffect, useRef, useState } from 'react';
import { db } from '../db/db';
import { useModalDialog } from '../features/keyboard/modal';
import { useNavigation } from '../navigation';
import { collectAnnotations } from './annotations';
import { meetingSync } from '../features/meetings/hooks';
import { backUpCurrentWork, loadAutoBackup, restoreAutoBackup } from './auto-backups';
import { InboxFolderSetting } from '../features/import/InboxFolder';
import { AutoBackupsSection, backupTime, workCounts, type GoodBackup } from './AutoBackupsSection';
import {
  backupToJson,
  BackupError,
  createBackup,
  parseBackup,
  restoreBackup,
  summarize,
  type Backup,
  type RestoreSummary,
} from './backup';
import { downloadText, slug, today } from './download';
import { annotationsToMarkdown } from './export-markdown';
import { annotationsToWebAnnotation } from './export-web-annotation';
import { requestPersistentStorage, type StoragePersistence } from './storage';
import './data.css';

type Message = { kind: 'status' | 'alert'; text: string };

/**
 * A checked backup waiting for the analyst's confirmation: a chosen file or an automatic one.
 * `unprotected` says why the current work could not be backed up first, once that has failed:
 * the analyst may then restore anyway.
 */
type Pending = (
  | { kind: 'file'; backup: Backup; file: string }
  | { kind: 'auto'; backup: Backup; entry: GoodBackup }
) & { unprotected?: string };

const WORK_WORDS =
  'highlights, notes, tags, trash, meeting decisions, meeting notes and what you marked on articles';

const STORAGE_TEXT: Record<StoragePersistence, string> = {
  persistent: 'Storage: persistent',
  'best-effort': 'Storage: may be cleared by the browser when disk space runs low',
  unsupported: 'Storage: may be cleared by the browser',
};

function counts(s: RestoreSummary): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `${n(s.articles, 'article', 'articles')}, ${n(s.highlights, 'highlight', 'highlights')} and ${n(s.articleNotes, 'article note', 'article notes')}`;
}

/** The counts of a work backup, which holds no articles. */
function workSummary(s: RestoreSummary): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `${n(s.highlights, 'highlight', 'highlights')} and ${n(s.articleNotes, 'article note', 'article notes')}`;
}

/**
 * The buttons of a restore confirmation. Once the backup of the current work has failed
 * (`unprotected` says why), it says what is at stake and the confirm button becomes "Restore
 * anyway".
 */
function ConfirmActions(props: {
  label: string;
  unprotected: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      {props.unprotected !== undefined && (
        <p role="alert">
          Your current work could not be backed up first ({props.unprotected}). If you restore now,
          it is lost unless you save it with <strong>Back up everything…</strong> first.
        </p>
      )}
      <div className="data-actions">
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.unprotected === undefined ? props.label : 'Restore anyway'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

export function DataMenu() {
  const { selectedId } = useNavigation();
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [persistence, setPersistence] = useState<StoragePersistence | null>(null);
  const [scope, setScope] = useState<'article' | 'all'>('all');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [shown, setShown] = useState(false);
  const close = useModalDialog(dialog, shown, () => setShown(false));

  useEffect(() => {
    void requestPersistentStorage().then(setPersistence);
  }, []);

  const oneArticle = scope === 'article' && selectedId !== null;

  const work = async (task: () => Promise<Message | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await task());
    } catch (error) {
      setMessage({
        kind: 'alert',
        text:
          error instanceof BackupError ? error.message : `Something went wrong: ${String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const exportAnnotations = (as: 'markdown' | 'web-annotation') =>
    work(async () => {
      const set = await collectAnnotations(db, oneArticle ? selectedId : undefined);
      const base = oneArticle
        ? `readout-annotations-${slug(set.articles[0]?.article.title ?? 'article')}`
        : `readout-annotations-${today()}`;
      if (as === 'markdown') {
        downloadText(`${base}.md`, annotationsToMarkdown(set), 'text/markdown');
      } else {
        const doc = annotationsToWebAnnotation(set);
        downloadText(`${base}.jsonld`, JSON.stringify(doc, null, 2), 'application/ld+json');
      }
      return { kind: 'status', text: 'Annotations exported.' };
    });

  const backUp = () =>
    work(async () => {
      const backup = await createBackup(db);
      downloadText(`readout-backup-${today()}.json`, backupToJson(backup), 'application/json');
      return { kind: 'status', text: `Backup saved: ${counts(summarize(backup))}.` };
    });

  const chooseBackup = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending(null);
    void work(async () => {
      const backup = await parseBackup(db, await file.text());
      setPending({ kind: 'file', backup, file: file.name });
      return null;
    });
  };

  const chooseAutoBackup = (entry: GoodBackup) => {
    setPending(null);
    void work(async () => {
      setPending({ kind: 'auto', backup: await loadAutoBackup(db, entry), entry });
      return null;
    });
  };

  const confirmRestore = () => {
    if (!pending) return;
    const chosen = pending;
    setPending(null);
    void work(async () => {
      if (chosen.unprotected === undefined) {
        const failure = await backUpCurrentWork();
        if (failure !== null) {
          setPending({ ...chosen, unprotected: failure });
          return null;
        }
      }
      if (chosen.kind === 'auto') {
        await restoreAutoBackup(db, chosen.backup);
        const when = backupTime(chosen.entry.createdAt);
        return {
          kind: 'status',
          text: `Restored your work as it was on ${when}: ${workCounts(chosen.entry.counts)}.`,
        };
      }
      const summary = await restoreBackup(db, chosen.backup, (done, total) =>
        setMessage({
          kind: 'status',
          text: `Restoring… ${done.toLocaleString('en')} of ${total.toLocaleString('en')} records`,
        }),
      );
      // A full restore drops the meetings (derived data): find them again in its articles.
      if (chosen.backup.scope !== 'work') void meetingSync.request();
      return {
        kind: 'status',
        text:
          chosen.backup.scope === 'work'
            ? `Restored your work: ${workSummary(summary)}.`
            : `Restored ${counts(summary)}.`,
      };
    });
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setMessage(null);
          setShown(true);
        }}
      >
        Data
      </button>
      <dialog ref={dialog} className="data-dialog" aria-labelledby="data-dialog-title">
        <div className="data-dialog-head">
          <h2 id="data-dialog-title">Your data</h2>
          <button type="button" className="quiet" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>

        <section aria-labelledby="data-export-title">
          <h3 id="data-export-title">Export annotations</h3>
          <fieldset className="data-scope">
            <legend className="sr-only">Which annotations</legend>
            <label>
              <input
                type="radio"
                name="data-scope"
                checked={scope === 'all'}
                onChange={() => setScope('all')}
              />{' '}
              All articles
            </label>
            <label>
              <input
                type="radio"
                name="data-scope"
                checked={scope === 'article'}
                disabled={selectedId === null}
                onChange={() => setScope('article')}
              />{' '}
              The open article
            </label>
          </fieldset>
          <div className="data-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => void exportAnnotations('markdown')}
            >
              Export annotations (Markdown)
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void exportAnnotations('web-annotation')}
            >
              Export annotations (Web Annotation JSON)
            </button>
          </div>
        </section>

        <section aria-labelledby="data-backup-title">
          <h3 id="data-backup-title">Backup</h3>
          <p className="hint">
            One file with everything: articles, highlights, notes, tags and your meeting edits.
          </p>
          <div className="data-actions">
            <button type="button" disabled={busy} onClick={() => void backUp()}>
              Back up everything…
            </button>
            <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
              Restore from backup…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label="Choose a backup file"
              onChange={e => chooseBackup(e.currentTarget)}
            />
          </div>
          {pending?.kind === 'file' && (
            <div className="data-confirm" role="group" aria-label="Confirm restore">
              {pending.backup.scope === 'work' ? (
                <p>
                  Replace your {WORK_WORDS} with <strong>{pending.file}</strong> (saved{' '}
                  {pending.backup.exportedAt.slice(0, 10)})? The articles themselves stay as they
                  are. Your current work is backed up automatically first.
                </p>
              ) : (
                <p>
                  Replace everything in Readout with <strong>{pending.file}</strong> (saved{' '}
                  {pending.backup.exportedAt.slice(0, 10)}: {counts(summarize(pending.backup))})?
                  What is in Readout now will be lost.
                </p>
              )}
              <ConfirmActions
                label="Replace everything"
                unprotected={pending.unprotected}
                onConfirm={confirmRestore}
                onCancel={() => setPending(null)}
              />
            </div>
          )}
        </section>

        <AutoBackupsSection
          shown={shown}
          busy={busy}
          onRestore={chooseAutoBackup}
          chosenId={pending?.kind === 'auto' ? pending.entry.id : null}
          confirm={
            pending?.kind === 'auto' && (
              <div className="data-confirm" role="group" aria-label="Confirm restore">
                <p>
                  Replace your {WORK_WORDS} with the automatic backup of{' '}
                  <strong>{backupTime(pending.entry.createdAt)}</strong> (
                  {workCounts(pending.entry.counts)})? The articles themselves stay as they are.
                  Your current work is backed up first, so you can come back to it.
                </p>
                <ConfirmActions
                  label="Replace my work"
                  unprotected={pending.unprotected}
                  onConfirm={confirmRestore}
                  onCancel={() => setPending(null)}
                />
              </div>
            )
          }
        />

        <InboxFolderSetting />

        <p className="data-message" role="status">
          {message?.kind === 'status' ? message.text : ''}
        </p>
        <p className="data-message error" role="alert">
          {message?.kind === 'alert' ? message.text : ''}
        </p>
        <p className="data-storage">
          {persistence ? STORAGE_TEXT[persistence] : 'Storage: checking…'}
        </p>
      </dialog>
    </>
  );
}
