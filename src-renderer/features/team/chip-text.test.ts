import { describe, expect, it } from 'vitest';
import { announcement, chipText, lastSyncText, NOT_IN_TEAM, type SyncStatus } from './chip-text';

const status = (patch: Partial<SyncStatus>): SyncStatus => ({ ...NOT_IN_TEAM, ...patch });

describe('chipText', () => {
  it('says synced alone when nothing waits', () => {
    expect(chipText(status({ state: 'synced' }))).toBe('Synced');
  });

  it('counts pending edits and conflicts while offline', () => {
    expect(chipText(status({ state: 'offline', pending: 3, conflicts: 1 }))).toBe(
      'Offline · 3 pending · 1 conflict',
    );
    expect(chipText(status({ state: 'synced', conflicts: 2 }))).toBe('Synced · 2 conflicts');
  });

  it('says the desk is in no team when sync is off, whatever the counts', () => {
    expect(chipText(status({ pending: 4 }))).toBe('Not in a team');
  });
});

describe('announcement', () => {
  it('names the conflicts and why sync stopped, but not the pending count', () => {
    const text = announcement(
      status({ state: 'error', pending: 5, conflicts: 1, message: 'The server refused you.' }),
    );
    expect(text).toBe(
      'Team sync: sync stopped, 1 field needs your decision. The server refused you.',
    );
    expect(text).not.toContain('5');
  });

  it('is silent without a team', () => {
    expect(announcement(NOT_IN_TEAM)).toBe('');
  });
});

describe('lastSyncText', () => {
  it('is null before the first round and a time after it', () => {
    expect(lastSyncText(NOT_IN_TEAM)).toBeNull();
    expect(
      lastSyncText(status({ state: 'synced', lastSyncAt: Date.UTC(2026, 0, 1, 9, 5) }), 'en-GB'),
    ).toMatch(/^Last synced \d\d:\d\d$/);
  });
});
