import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src-main/contract/result';
import type { SyncRequest, SyncResponse } from '../../src-main/contract/sync-request';
import { createBridgeFetch, TEAM_DB_URL } from './bridge-fetch';

function answering(value: Result<SyncResponse>) {
  return vi.fn(async (_request: SyncRequest): Promise<Result<SyncResponse>> => value);
}

describe('createBridgeFetch', () => {
  it('sends only the path inside the team database, with the content type and accept headers', async () => {
    const send = answering({
      ok: true,
      value: { status: 200, contentType: 'application/json', body: '{"ok":true}' },
    });
    const bridgeFetch = createBridgeFetch(send);
    const res = await bridgeFetch(`${TEAM_DB_URL}/_bulk_docs`, {
      method: 'POST',
      headers: new Headers({
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: 'Basic eA==',
      }),
      body: '{"docs":[]}',
    });
    expect(await res.json()).toEqual({ ok: true });
    const request = send.mock.calls[0][0];
    expect(request).toMatchObject({
      op: 'send',
      method: 'POST',
      path: '/_bulk_docs',
      contentType: 'application/json',
      accept: 'application/json',
      body: '{"docs":[]}',
    });
    expect(JSON.stringify(request)).not.toContain('Basic');
  });

  it('refuses any address but the team database, without asking main', async () => {
    const send = answering({ ok: true, value: null });
    const bridgeFetch = createBridgeFetch(send);
    await expect(bridgeFetch('https://team.readout.invalid/')).rejects.toThrow(TypeError);
    await expect(bridgeFetch('https://example.org/team/_changes')).rejects.toThrow(TypeError);
    await expect(bridgeFetch(`${TEAM_DB_URL}-other/_all_docs`)).rejects.toThrow(TypeError);
    expect(send).not.toHaveBeenCalled();
  });

  it('cancels the request in main when PouchDB aborts it', async () => {
    let release: (value: Result<SyncResponse>) => void = () => {};
    const send = vi.fn((request: SyncRequest) =>
      request.op === 'cancel'
        ? Promise.resolve<Result<SyncResponse>>({ ok: true, value: null })
        : new Promise<Result<SyncResponse>>(resolve => (release = resolve)),
    );
    const controller = new AbortController();
    const pending = createBridgeFetch(send)(`${TEAM_DB_URL}/_changes?feed=longpoll`, {
      signal: controller.signal,
    });
    controller.abort();
    release({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const sent = send.mock.calls.map(call => call[0]);
    expect(sent[1]).toEqual({ op: 'cancel', id: (sent[0] as { id: string }).id });
  });

  it('turns main’s error into a network failure PouchDB can retry', async () => {
    const bridgeFetch = createBridgeFetch(
      answering({
        ok: false,
        error: { code: 'io', message: 'The team server cannot be reached.' },
      }),
    );
    await expect(bridgeFetch(`${TEAM_DB_URL}/`)).rejects.toThrow('cannot be reached');
  });

  it('passes the server’s status on, with no body where HTTP allows none', async () => {
    const bridgeFetch = createBridgeFetch(
      answering({ ok: true, value: { status: 204, contentType: '', body: '' } }),
    );
    const res = await bridgeFetch(`${TEAM_DB_URL}/x`, { method: 'DELETE' });
    expect(res.status).toBe(204);
  });
});
