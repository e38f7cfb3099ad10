import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BATCH_BYTES } from './import-session';
import {
  frameHead,
  MAX_UPLOAD_HEADER_BYTES,
  UploadFrameReader,
  UploadRefused,
} from './upload-frame';

const SESSION = '0b5c6a4e-3f1d-4c2b-9a8e-7d6f5e4c3b2a';
const enc = (text: string) => new TextEncoder().encode(text);

/** A framed body of `files`, each sent whole unless `length` says otherwise. */
function body(files: { name: string; text: string; size?: number }[]): Uint8Array {
  const head = frameHead({
    sessionId: SESSION,
    files: files.map(f => ({
      name: f.name,
      size: f.size ?? enc(f.text).length,
      length: enc(f.text).length,
    })),
  });
  const parts = [head, ...files.map(f => enc(f.text))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function read(bytes: Uint8Array, chunk = bytes.length) {
  const reader = new UploadFrameReader();
  for (let at = 0; at < bytes.length; at += chunk) reader.push(bytes.subarray(at, at + chunk));
  return reader.end();
}

function refusal(work: () => unknown): UploadRefused {
  try {
    work();
  } catch (error) {
    if (error instanceof UploadRefused) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('UploadFrameReader', () => {
  const files = [
    { name: 'news/a.txt', text: 'Ministers met in Hanoi – Лавров.' },
    { name: 'news/empty.txt', text: '' },
    { name: 'news/huge.pdf', text: '', size: 100 * 1024 * 1024 },
    { name: 'news/b.txt', text: 'Talks ended on Friday.' },
  ];

  it('gives every file its own bytes, however the body is cut into chunks', () => {
    const whole = body(files);
    for (const chunk of [whole.length, 1, 3, 7, 64]) {
      const upload = read(whole, chunk);
      expect(upload.sessionId).toBe(SESSION);
      expect(upload.files.map(f => [f.name, f.size, new TextDecoder().decode(f.bytes)])).toEqual([
        ['news/a.txt', enc(files[0].text).length, files[0].text],
        ['news/empty.txt', 0, ''],
        ['news/huge.pdf', 100 * 1024 * 1024, ''],
        ['news/b.txt', 22, 'Talks ended on Friday.'],
      ]);
    }
  });

  it('refuses a body that ends early or carries more than its header announced', () => {
    const whole = body(files);
    expect(refusal(() => read(whole.subarray(0, whole.length - 1))).message).toMatch(
      /ended before all the files/,
    );
    expect(refusal(() => read(whole.subarray(0, 10))).message).toMatch(/ended inside its header/);
    const longer = new Uint8Array(whole.length + 1);
    longer.set(whole);
    expect(refusal(() => read(longer)).message).toMatch(/more bytes than its header announced/);
  });

  it('refuses a header over its limit with 413 before reading it', () => {
    const prefix = new Uint8Array(4);
    new DataView(prefix.buffer).setUint32(0, MAX_UPLOAD_HEADER_BYTES + 1, false);
    const error = refusal(() => new UploadFrameReader().push(prefix));
    expect(error.status).toBe(413);
  });

  it('refuses a batch announcing more than the batch limit with 413, before any file byte', () => {
    const head = frameHead({
      sessionId: SESSION,
      files: [
        { name: 'a.txt', size: 5 * 1024 * 1024, length: 5 * 1024 * 1024 },
        { name: 'b.txt', size: 5 * 1024 * 1024, length: 5 * 1024 * 1024 },
        { name: 'c.txt', size: 5 * 1024 * 1024, length: 5 * 1024 * 1024 },
        { name: 'd.txt', size: 5 * 1024 * 1024, length: 5 * 1024 * 1024 },
      ],
    });
    expect(4 * 5 * 1024 * 1024).toBeGreaterThan(MAX_UPLOAD_BATCH_BYTES);
    const error = refusal(() => new UploadFrameReader().push(head));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/at most 16 MiB/);
  });

  it('refuses a header that is not JSON, or names no session', () => {
    const text = enc('not json');
    const bad = new Uint8Array(4 + text.length);
    new DataView(bad.buffer).setUint32(0, text.length, false);
    bad.set(text, 4);
    expect(refusal(() => new UploadFrameReader().push(bad)).message).toMatch(/not UTF-8 JSON/);
    const json = enc(
      JSON.stringify({ sessionId: '../x', files: [{ name: 'a', size: 0, length: 0 }] }),
    );
    const noSession = new Uint8Array(4 + json.length);
    new DataView(noSession.buffer).setUint32(0, json.length, false);
    noSession.set(json, 4);
    const error = refusal(() => new UploadFrameReader().push(noSession));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/sessionId/);
  });
});
