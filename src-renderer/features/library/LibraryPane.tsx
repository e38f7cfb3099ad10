import { useMemo, useState } from 'react';
import { removeArticles } from '../undo/desk';
import { BulkActions } from './BulkActions';
import { LibraryControls } from './LibraryControls';
import { LibraryList } from './LibraryList';
import { isFiltered } from './query';
import { EMPTY_SELECTION, keepShown, selectedInOrder, type Selection } from './selection';
import type { LibraryView } from './useLibrary';
import './library.css';

/** Moves keyboard focus to the reading pane, past the library (the skip link's target). */
function focusReader(): void {
  const pane = document.querySelector<HTMLElement>('main');
  if (!pane) return;
  if (!pane.hasAttribute('tabindex')) pane.tabIndex = -1;
  pane.focus();
}

/**
 * The library pane: a skip link to the reader, sort and filter controls, how many articles the
 * filter shows, actions on the selected articles, and the virtualised list.
 */
export function LibraryPane({
  library,
  openId,
  onOpen,
}: {
  library: LibraryView;
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  const { total, sort, setSort, filter, setFilter } = library;
  const [chosen, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const order = useMemo(() => library.order ?? [], [library.order]);
  // A filter, archive or delete that hides selected articles drops them from the selection.
  // (Nothing to check or order while nothing is selected: the usual case, at any library size.)
  const selection = useMemo(
    () => (chosen.ids.size === 0 ? chosen : keepShown(chosen, new Set(order))),
    [chosen, order],
  );
  const selected = useMemo(
    () => (selection.ids.size === 0 ? [] : selectedInOrder(selection, order)),
    [selection, order],
  );

  return (
    <nav className="library" aria-label="Library">
      <a
        href="#reader"
        className="skip-link"
        onClick={e => {
          e.preventDefault();
          focusReader();
        }}
      >
        Skip to reader
      </a>
      <h2 className="pane-title">
        Library{' '}
        {library.order && total !== undefined && total > 0 && (
          <span className="count">
            {order.length === total && !isFiltered(filter)
              ? total.toLocaleString('en')
              : `${order.length.toLocaleString('en')} of ${total.toLocaleString('en')}`}
          </span>
        )}
      </h2>
      {total === undefined ? (
        <p className="library-empty" role="status">
          Opening your library…
        </p>
      ) : total === 0 ? (
        <div className="library-empty">
          <p>No articles yet.</p>
          <p className="hint">
            Import text files or a folder, or drop them anywhere on this window.
          </p>
        </div>
      ) : (
        <>
          <LibraryControls
            facets={library.facets}
            onFiltersToggle={library.setFiltersOpen}
            sort={sort}
            onSort={setSort}
            filter={filter}
            onFilter={setFilter}
          />
          <BulkActions
            ids={selected}
            archivedView={filter.show === 'archived'}
            onClear={() => setSelection(EMPTY_SELECTION)}
          />
          {order.length === 0 ? (
            <p className="library-empty" role="status">
              No articles match these filters.
            </p>
          ) : (
            <LibraryList
              ids={order}
              rowOf={library.rowOf}
              onRange={library.setRange}
              openId={openId}
              selection={selection}
              onSelectionChange={setSelection}
              onOpen={onOpen}
              onDelete={() => void removeArticles(selected)}
            />
          )}
        </>
      )}
    </nav>
  );
}
