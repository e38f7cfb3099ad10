import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from './storage';

describe('requestPersistentStorage', () => {
  it('reports persistent storage when already granted, without asking again', async () => {
    let asked = false;
    const storage = {
      persisted: () => Promise.resolve(true),
      persist: () => ((asked = true), Promise.resolve(true)),
    };
    expect(await requestPersistentStorage(storage)).toBe('persistent');
    expect(asked).toBe(false);
  });

  it('asks, and reports a refusal as best effort', async () => {
    const storage = {
      persisted: () => Promise.resolve(false),
      persist: () => Promise.resolve(false),
    };
    expect(await requestPersistentStorage(storage)).toBe('best-effort');
    const granted = {
      persisted: () => Promise.resolve(false),
      persist: () => Promise.resolve(true),
    };
    expect(await requestPersistentStorage(granted)).toBe('persistent');
  });

  it('copes with browsers without the Storage API', async () => {
    expect(
      await requestPersistentStorage({} as Parameters<typeof requestPersistentStorage>[0]),
    ).toBe('unsupported');
  });
});
