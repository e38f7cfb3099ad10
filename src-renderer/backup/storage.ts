/**
 * Asks the browser to keep Readout's database even when disk space runs low. Electron grants it;
 * a browser may decline, in which case the Data dialog says the data may be cleared.
 */
export type StoragePersistence = 'persistent' | 'best-effort' | 'unsupported';

export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<StoragePersistence> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}
