import { describe, expect, it, vi } from 'vitest';
import { inboxNotice } from './InboxFolder';

vi.mock('../../bridge', () => ({ desktop: null, api: {} }));

const outcome = { added: 0, updated: 0, unchanged: 0, errors: [], failure: null };

describe('inboxNotice', () => {
  it('shows the report when the inbox added or updated articles', () => {
    expect(inboxNotice({ ...outcome, added: 1 })).toEqual({ ...outcome, added: 1 });
    expect(inboxNotice({ ...outcome, updated: 2 })).not.toBeNull();
  });

  it('stays quiet when the files were already in the library unchanged', () => {
    expect(inboxNotice({ ...outcome, unchanged: 3 })).toBeNull();
  });

  it('always shows a failed file or a failed save', () => {
    const error = { file: 'a.txt', code: 'binary' as const, message: 'This is a PNG image.' };
    expect(inboxNotice({ ...outcome, errors: [error] })).not.toBeNull();
    expect(inboxNotice({ ...outcome, failure: 'Saving articles stopped.' })).not.toBeNull();
  });
});
