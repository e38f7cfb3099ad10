// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_FILE_BYTES,
  type ImportReport,
  type UploadFile,
} from '../../../src-main/contract/article';
import type { Result } from '../../../src-main/contract/result';
import { ReadoutDB } from '../../db/db';
import { contractArticle } from '../../db/testing';
import { importPasted, pastedName, pastedUpload, pastesIntoField } from './paste';

// `import:files` stood in for as main answers it: each upload's text becomes an article whose
// content id is its text, so the same text pasted twice has the same id.
const bridge = vi.hoisted(() => ({
  sent: [] as UploadFile[][],
  answer: null as Result<ImportReport> | null,
}));
vi.mock('../../bridge', () => ({
  desktop: null,
  api: {
    importFiles: (files: UploadFile[]): Promise<Result<ImportReport>> => {
      bridge.sent.push(files);
      if (bridge.answer) return Promise.resolve(bridge.answer);
      const articles = files.map(f => contractArticle(f.name, new TextDecoder().decode(f.bytes)));
      return Promise.resolve({ ok: true, value: { articles, errors: [] } });
    },
  },
}));

let db: ReadoutDB;
beforeEach(async () => {
  db = new ReadoutDB(`t-${Math.random()}`);
  await db.open();
  bridge.sent = [];
  bridge.answer = null;
});
afterEach(async () => {
  await db.delete();
});

const at = new Date(2026, 11, 1, 14, 32, 5);
const text = 'Envoys meet in Oslo\n\nThe two envoys met on Tuesday to talk about the ceasefire.';

describe('pastedName', () => {
  it('names a paste by the minute it was made, in local time', () => {
    expect(pastedName(at)).toBe('Pasted 2026-12-01 14:32');
  });
});

describe('pastedUpload', () => {
  it('sends the plain text as a .txt file, never the HTML beside it', () => {
    const upload = pastedUpload({ text, html: '<h1>Envoys</h1><script>x()</script>' }, at)!;
    expect(upload.name).toBe('Pasted 2026-12-01 14:32.txt');
    expect(new TextDecoder().decode(upload.bytes)).toBe(text);
    expect(upload.size).toBe(upload.bytes.byteLength);
  });

  it('sends HTML alone as an .html file for main to read', () => {
    const upload = pastedUpload({ text: '', html: '<p>Only <b>markup</b></p>' }, at)!;
    expect(upload.name).toBe('Pasted 2026-12-01 14:32.html');
  });

  it('makes nothing of a blank clipboard', () => {
    expect(pastedUpload({ text: '  \n', html: '' }, at)).toBeNull();
  });

  it('sends text larger than an article by its size alone, for main to refuse', () => {
    const upload = pastedUpload({ text: 'a'.repeat(MAX_FILE_BYTES + 1), html: '' }, at)!;
    expect(upload.size).toBe(MAX_FILE_BYTES + 1);
    expect(upload.bytes.byteLength).toBe(0);
  });
});

describe('importPasted', () => {
  it('stores the pasted article and names it to open', async () => {
    const { outcome, articleId } = await importPasted(db, pastedUpload({ text, html: '' }, at)!);
    expect(outcome).toEqual(expect.objectContaining({ added: 1, failure: null }));
    const stored = await db.articles.get(articleId!);
    expect(stored?.text).toContain('ceasefire');
    expect(stored?.source).toBe('Pasted 2026-12-01 14:32.txt');
  });

  it('adds the same text pasted again later once, and opens the one already there', async () => {
    const first = await importPasted(db, pastedUpload({ text, html: '' }, at)!);
    const later = new Date(2026, 11, 1, 15, 2);
    const again = await importPasted(db, pastedUpload({ text, html: '' }, later)!);
    expect(again.outcome).toEqual(expect.objectContaining({ added: 0, unchanged: 1 }));
    expect(again.articleId).toBe(first.articleId);
    expect(await db.articles.count()).toBe(1);
  });

  it("reports main's refusal and stores nothing", async () => {
    bridge.answer = {
      ok: false,
      error: { code: 'unavailable', message: 'Main is not answering.' },
    };
    const { outcome, articleId } = await importPasted(db, pastedUpload({ text, html: '' }, at)!);
    expect(outcome.failure).toBe('Main is not answering.');
    expect(articleId).toBeNull();
    expect(await db.articles.count()).toBe(0);
  });
});

describe('pastesIntoField', () => {
  it('leaves pastes into inputs, textareas and editable text to them', () => {
    document.body.innerHTML =
      '<input id="i"><textarea id="t"></textarea><div contenteditable="true"><p id="c">x</p></div><button id="b">b</button>';
    for (const id of ['i', 't', 'c'])
      expect(pastesIntoField(document.getElementById(id))).toBe(true);
    expect(pastesIntoField(document.getElementById('b'))).toBe(false);
    expect(pastesIntoField(document.body)).toBe(false);
  });
});
