import { useId } from 'react';
import type { LibraryFacets } from './library-order';
import { NO_FILTER, SORT_LABELS, isFiltered, type LibraryFilter, type SortKey } from './query';

interface Props {
  /** The sources and tags to offer; undefined until the Filters are first opened. */
  facets: LibraryFacets | undefined;
  /** The Filters opened or closed (their sources are read only while open). */
  onFiltersToggle: (open: boolean) => void;
  sort: SortKey;
  onSort: (key: SortKey) => void;
  filter: LibraryFilter;
  onFilter: (filter: LibraryFilter) => void;
}

/**
 * Sort and filter controls of the library: every control labelled, values offered from what the
 * library holds (its sources and tags), and one "Clear filters" back to the default view.
 */
export function LibraryControls({
  facets,
  onFiltersToggle,
  sort,
  onSort,
  filter,
  onFilter,
}: Props) {
  const id = useId();
  const sources = facets?.sources ?? [];
  const tags = facets?.tags ?? [];
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) =>
    onFilter({ ...filter, [key]: value });
  return (
    <form
      className="library-controls"
      role="search"
      aria-label="Sort and filter the library"
      onSubmit={e => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-sort-by`}>Sort by</label>
        <select
          id={`${id}-sort-by`}
          value={sort}
          onChange={e => onSort(e.currentTarget.value as SortKey)}
        >
          {(Object.keys(SORT_LABELS) as SortKey[]).map(k => (
            <option key={k} value={k}>
              {SORT_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-show`}>Show</label>
        <select
          id={`${id}-show`}
          value={filter.show}
          onChange={e => set('show', e.currentTarget.value as LibraryFilter['show'])}
        >
          <option value="library">Library</option>
          <option value="archived">Archived</option>
          <option value="all">Library and archived</option>
        </select>
      </div>
      <details className="library-filters" onToggle={e => onFiltersToggle(e.currentTarget.open)}>
        <summary>Filters</summary>
        <div className="field">
          <label htmlFor={`${id}-source`}>Source</label>
          <select
            id={`${id}-source`}
            value={filter.source ?? ''}
            onChange={e => set('source', e.currentTarget.value || null)}
          >
            <option value="">All sources</option>
            {sources.map(s => (
              <option key={s.source} value={s.source}>
                {s.source} ({s.count})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <select
            id={`${id}-tag`}
            value={filter.tag ?? ''}
            onChange={e => set('tag', e.currentTarget.value || null)}
          >
            <option value="">All tags</option>
            {tags.map(t => (
              <option key={t} value={t}>
                #{t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>Published from</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filter.from ?? ''}
            onChange={e => set('from', e.currentTarget.value || null)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Published to</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filter.to ?? ''}
            onChange={e => set('to', e.currentTarget.value || null)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-read-state`}>Read state</label>
          <select
            id={`${id}-read-state`}
            value={filter.read}
            onChange={e => set('read', e.currentTarget.value as LibraryFilter['read'])}
          >
            <option value="any">Read and unread</option>
            <option value="unread">Unread</option>
            <option value="read">Read</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-meetings`}>Meetings</label>
          <select
            id={`${id}-meetings`}
            value={filter.meetings}
            onChange={e => set('meetings', e.currentTarget.value as LibraryFilter['meetings'])}
          >
            <option value="any">With or without meetings</option>
            <option value="with">Has meetings</option>
            <option value="without">No meetings</option>
          </select>
        </div>
        {isFiltered(filter) && (
          <button type="button" onClick={() => onFilter(NO_FILTER)}>
            Clear filters
          </button>
        )}
      </details>
    </form>
  );
}
