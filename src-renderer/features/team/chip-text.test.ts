import { describe, expect, it } from 'vitest';
import {
  announcement,
  chipText,
  chipTitle,
  lastSyncText,
  NOT_IN_TEAM,
  setAsideText,
  type SyncStatus,
} from './chip-text';

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

  it('counts edits set aside apart from pending ones', () => {
    expect(chipText(status({ state: 'synced', pending: 1, setAside: 2, conflicts: 1 }))).toBe(
      'Synced · 1 pending · 2 cannot send · 1 conflict',
    );
    expect(chipText(status({ state: 'offline', setAside: 1 }))).toBe('Offline · 1 cannot send');
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

describe('setAsideText', () => {
  it('explains why edits cannot be sent and what helps, only when some are set aside', () => {
    expect(setAsideText(status({ state: 'synced' }))).toBeNull();
    expect(setAsideText(status({ state: 'off', setAside: 3 }))).toBeNull();
    const one = setAsideText(status({ state: 'synced', setAside: 1 }));
    expect(one).toMatch(/^One of your edits cannot be sent/);
    expect(one).toMatch(/newer version of Readout/);
    expect(one).toMatch(/stay on this desk/);
    expect(setAsideText(status({ state: 'synced', setAside: 4 }))).toMatch(/^4 of your edits/);
  });
});

describe('chipTitle', () => {
  it('puts why sync is offline, what cannot be sent and the last sync in the tooltip', () => {
    expect(chipTitle(status({ state: 'synced' }))).toBeUndefined();
    const title = chipTitle(
      status({
        state: 'offline',
        setAside: 1,
        message: 'The server is gone.',
        lastSyncAt: Date.UTC(2026, 0, 1, 9, 5),
      }),
      'en-GB',
    );
    expect(title).toMatch(
      /^The server is gone\. One of your edits cannot be sent.* Last synced \d\d:\d\d$/,
    );
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
