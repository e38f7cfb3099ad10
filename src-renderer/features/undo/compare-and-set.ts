/**
 * Undo on a team desk is compare-and-set: a colleague's edit may have arrived between the
 * analyst's edit and their Ctrl+Z, and undo must not silently overwrite it. So undo (and redo)
 * restores a field only where it still holds the value this desk wrote, leaves a field a
 * colleague changed since as it is, and says so in the undo status line.
 */
import type { Table } from 'dexie';
import { canonicalJson } from '../../sync/field-merge';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Sets `fields` of the record at `key` to `target`'s values where they still hold `expected`'s.
 * Resolves to a notice for the analyst when a field was left alone (or the record is gone),
 * undefined when everything was restored. Runs in one transaction, so no sync write lands between
 * the compare and the set.
 */
export function setFieldsIfUnchanged<T extends object>(
  table: Table<T, string>,
  key: string,
  expected: T,
  target: T,
  fields: readonly (keyof T & string)[],
  now = Date.now(),
): Promise<string | undefined> {
  return table.db.transaction('rw', table, async () => {
    const current = await table.get(key);
    if (!current) return 'it was deleted since';
    const patch: Partial<Record<keyof T, unknown>> = {};
    const kept: string[] = [];
    for (const field of fields) {
      // A field this edit did not change is not this edit's to restore.
      if (same(expected[field], target[field])) continue;
      if (same(current[field], target[field])) continue;
      if (same(current[field], expected[field])) patch[field] = target[field];
      else kept.push(field);
    }
    if (Object.keys(patch).length > 0) {
      await table.put({ ...current, ...patch, updatedAt: now } as T);
    }
    if (kept.length === 0) return undefined;
    return `${kept.join(' and ')} changed by a colleague since: kept theirs`;
  });
}
