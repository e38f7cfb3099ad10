/**
 * The app frame: import controls, the library, the reading view and the import report. Features
 * live in features/; this file only lays them out and holds the selection.
 */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { useAutoBackupSchedule } from './backup/auto-backups';
import { DataMenu } from './backup/DataMenu';
import { desktop } from './bridge';
import { db } from './db/db';
import { ImportControls } from './features/import/ImportControls';
import { ImportStatus, type ImportActivity } from './features/import/ImportReport';
import {
  ensureSeeded,
  filesFromDrop,
  importDroppedPaths,
  importUploads,
  importViaDialog,
  type ImportOutcome,
  type PickedFiles,
  type Progress,
} from './features/import/importer';
import { useInboxImports } from './features/import/InboxFolder';
import { importPasted } from './features/import/paste';
import { usePasteToCreate } from './features/import/paste-hook';
import { LibraryPane } from './features/library/LibraryPane';
import { useLibraryView, useOpenArticle } from './features/library/useLibrary';
import { AddFromSelection } from './features/meetings/AddFromSelection';
import { useMeetingSync } from './features/meetings/hooks';
import { MeetingsView } from './features/meetings/MeetingsView';
import { BriefingView } from './features/briefing/BriefingView';
import { ErrorBoundary, ViewFailed } from './features/errors/ErrorBoundary';
import { ExportBriefingDialog } from './features/briefing/ExportBriefingDialog';
import { shownToMeeting } from './meetings/decisions';
import type { Meeting } from '../src-main/contract/meeting';
import { AllHighlightsView } from './features/highlights/AllHighlightsView';
import { ArticleDesk } from './features/highlights/ArticleDesk';
import { useEscapeKey } from './features/keyboard/escape';
import { ShortcutHelp } from './features/keyboard/ShortcutHelp';
import { useArticleKeys } from './features/keyboard/useArticleKeys';
import { TeamChip } from './features/team/TeamProvider';
import { UndoControls } from './features/undo/UndoControls';
import { SearchBox } from './features/search/SearchBox';
import { liveSearchIndex } from './search/live';
import { NavigationContext, type Navigation, type View } from './navigation';
import type { FocusRange } from './features/reader/ReaderView';
import { useHashSelection } from './useHashSelection';

/**
 * While an import runs, the library's order is read at most this often, not after each stored
 * batch: each read walks the keys of every entry and holds up the next batch's transaction.
 */
const IMPORT_LIST_PACE_MS = 1000;

export function App() {
  const [activity, setActivity] = useState<ImportActivity | null>(null);
  const library = useLibraryView({ pacedMs: activity ? IMPORT_LIST_PACE_MS : null });
  const [selectedId, setSelectedId] = useHashSelection();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const [startupError, setStartupError] = useState<string | null>(null);
  const [focus, setFocus] = useState<FocusRange | null>(null);
  const [view, setView] = useState<View>('reader');
  const [briefingFor, setBriefingFor] = useState<Meeting | null>(null);
  const [briefed, setBriefed] = useState<Meeting | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      selectedId,
      focus,
      view,
      openArticle(articleId, range) {
        setSelectedId(articleId);
        setFocus(range ? { articleId, ...range } : null);
        setView('reader');
      },
      showView: setView,
    }),
    [selectedId, focus, view, setSelectedId],
  );

  useEscapeKey();
  useArticleKeys(library.order, selectedId, id => navigation.openArticle(id));
  useMeetingSync({ paused: activity !== null });
  useAutoBackupSchedule();

  const run = useCallback(
    async (work: (progress: Progress, signal: AbortSignal) => Promise<ImportOutcome | null>) => {
      setOutcome(null);
      // Cancel takes effect after the batch being stored (see runImportSession).
      const abort = new AbortController();
      const cancel = () => {
        abort.abort();
        setActivity(a => (a ? { ...a, cancelling: true } : a));
      };
      setActivity({ label: 'Importing', done: 0, total: 0, cancel });
      // The search index catches up once, after the last batch, instead of re-reading every
      // article's key after each one (see LiveSearchIndex.hold).
      const search = liveSearchIndex(db);
      search.hold();
      try {
        const result = await work(
          (label, done, total, stream) =>
            setActivity(a => ({ label, done, total, stream, cancel, cancelling: a?.cancelling })),
          abort.signal,
        );
        if (result) setOutcome(result);
      } catch (error) {
        setOutcome({
          added: 0,
          updated: 0,
          unchanged: 0,
          errors: [],
          failure: `Nothing was changed: ${String(error)}`,
        });
      } finally {
        search.release();
        setActivity(null);
      }
    },
    [],
  );

  useEffect(() => {
    ensureSeeded(db).then(
      result => {
        if (result?.failure)
          setStartupError(`The bundled articles could not be imported: ${result.failure}`);
      },
      (error: unknown) => setStartupError(`Readout could not open its library: ${String(error)}`),
    );
  }, []);

  useEffect(
    () =>
      desktop?.onMenuCommand(command => {
        void run((p, signal) => importViaDialog(db, command === 'import-folder', p, signal));
      }),
    [run],
  );

  const selected = useOpenArticle(selectedId) ?? null;
  const libraryCount = library.total ?? 0;
  const busy = activity !== null;
  useInboxImports(db, run);
  usePasteToCreate(view === 'reader' && !busy, {
    onContent: upload =>
      void run(async () => {
        const pasted = await importPasted(db, upload);
        if (pasted.articleId) navigation.openArticle(pasted.articleId);
        return pasted.outcome;
      }),
    onFiles: files => void run((p, signal) => importUploads(db, files, p, signal)),
  });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const transfer = event.dataTransfer;
    if (desktop) {
      const files = Array.from(transfer.files);
      void run((p, signal) => importDroppedPaths(db, files, p, signal));
    } else {
      void run(async (p, signal) => importUploads(db, await filesFromDrop(transfer), p, signal));
    }
  };

  return (
    <NavigationContext.Provider value={navigation}>
      <div
        className="app"
        onDragOver={e => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={e => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <header className="topbar">
          <span className="brand" aria-hidden="true">
            Readout
          </span>
          <nav className="view-switch" aria-label="Views">
            <button
              type="button"
              aria-current={view === 'reader' ? 'page' : undefined}
              onClick={() => setView('reader')}
            >
              Library
            </button>
            <button
              type="button"
              aria-current={view === 'highlights' ? 'page' : undefined}
              onClick={() => setView('highlights')}
            >
              All highlights
            </button>
            <button
              type="button"
              aria-current={view === 'meetings' ? 'page' : undefined}
              onClick={() => setView('meetings')}
            >
              Meetings
            </button>
            <button
              type="button"
              aria-current={view === 'briefing' ? 'page' : undefined}
              onClick={() => setView('briefing')}
            >
              Briefing
            </button>
          </nav>
          <AddFromSelection article={selected} />
          <SearchBox />
          <ImportControls
            busy={busy}
            onDialog={folders => void run((p, signal) => importViaDialog(db, folders, p, signal))}
            onUpload={(files: PickedFiles) =>
              void run((p, signal) => importUploads(db, files, p, signal))
            }
          />
          <UndoControls />
          <TeamChip />
          <DataMenu />
        </header>
        {startupError && (
          <p className="banner-error" role="alert">
            {startupError}
          </p>
        )}
        <div
          className={
            view === 'meetings' || view === 'briefing'
              ? 'workspace workspace-meetings'
              : 'workspace'
          }
        >
          <LibraryPane
            library={library}
            openId={selected?.id ?? null}
            onOpen={id => navigation.openArticle(id)}
          />
          {view === 'meetings' ? (
            <ErrorBoundary
              resetKey="meetings"
              fallback={(error, retry) => (
                <ViewFailed view="Meetings" error={error} retry={retry} />
              )}
            >
              <MeetingsView
                onExportBriefing={m => setBriefingFor(shownToMeeting(m))}
                onBrief={m => {
                  setBriefed(shownToMeeting(m));
                  setView('briefing');
                }}
              />
            </ErrorBoundary>
          ) : view === 'briefing' ? (
            <ErrorBoundary
              resetKey="briefing"
              fallback={(error, retry) => (
                <ViewFailed view="Briefing" error={error} retry={retry} />
              )}
            >
              {briefed ? (
                <BriefingView key={briefed.id} meeting={briefed} />
              ) : (
                <main className="reading-pane">
                  <div className="reader-empty">
                    <h1>Briefing</h1>
                    <p>Open a meeting in Meetings and choose “Brief this meeting” (or press b).</p>
                  </div>
                </main>
              )}
            </ErrorBoundary>
          ) : view === 'highlights' ? (
            <ErrorBoundary
              resetKey="highlights"
              fallback={(error, retry) => (
                <ViewFailed view="All highlights" error={error} retry={retry} />
              )}
            >
              <AllHighlightsView />
            </ErrorBoundary>
          ) : selected ? (
            <ErrorBoundary
              resetKey={selected.id}
              fallback={(error, retry) => (
                <ViewFailed view="This article" error={error} retry={retry} />
              )}
            >
              <ArticleDesk key={selected.id} article={selected} focus={focus} />
            </ErrorBoundary>
          ) : (
            <main className="reading-pane">
              <div className="reader-empty">
                <h1>Readout</h1>
                <p>
                  {libraryCount > 0
                    ? 'Choose an article in the library to read it.'
                    : 'Import articles to start reading.'}
                </p>
              </div>
            </main>
          )}
        </div>
        <ShortcutHelp />
        {briefingFor && (
          <ExportBriefingDialog
            key={briefingFor.id}
            meeting={briefingFor}
            onClose={() => setBriefingFor(null)}
          />
        )}
        <ImportStatus activity={activity} outcome={outcome} onDismiss={() => setOutcome(null)} />
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            Drop files or folders to import them
          </div>
        )}
      </div>
    </NavigationContext.Provider>
  );
}
