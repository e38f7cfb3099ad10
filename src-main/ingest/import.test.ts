import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../contract/article';
import { articleFromBytes, importFiles, importPaths, nodeReadFs, type ReadFs } from './import';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'readout-import-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(relative: string, content: string | Uint8Array) {
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('importPaths', () => {
  it('imports every article in nested folders and skips hidden ones', async () => {
    write('in/a.txt', 'First article about Moscow talks.');
    write('in/sub/b.txt', 'Second article about Ankara talks.');
    write('in/.cache/c.txt', 'Hidden article.');
    const report = await importPaths(['in'], { cwd: root });
    expect(report.errors).toEqual([]);
    expect(report.articles.map(a => [a.source, a.file])).toEqual([
      ['in/a.txt', 'a.txt'],
      ['in/sub/b.txt', 'b.txt'],
    ]);
  });

  it('uses the path as given, joined with the path inside the folder, as the source', async () => {
    write('in/sub/b.txt', 'An article.');
    const absolute = await importPaths([join(root, 'in')]);
    expect(absolute.articles[0].source).toBe(join(root, 'in', 'sub', 'b.txt'));
    const relative = await importPaths(['./in'], { cwd: root });
    expect(relative.articles[0].source).toBe('./in/sub/b.txt');
  });

  it('finishes despite a folder linking back to its parent, reporting the loop once', async () => {
    write('in/sub/a.txt', 'An article.');
    symlinkSync('..', join(root, 'in/sub/loop'), 'dir');
    const report = await importPaths(['in'], { cwd: root });
    expect(report.articles.map(a => a.source)).toEqual(['in/sub/a.txt']);
    expect(report.errors.map(e => [e.file, e.code])).toEqual([['in/sub/loop', 'symlink-loop']]);
  });

  it('reports a dangling link as not found', async () => {
    mkdirSync(join(root, 'in'));
    symlinkSync(join(root, 'gone.txt'), join(root, 'in/gone.txt'));
    const report = await importPaths(['in'], { cwd: root });
    expect(report.errors.map(e => [e.file, e.code])).toEqual([['in/gone.txt', 'not-found']]);
  });

  it('imports all of a folder of 3,000 small files, quickly', async () => {
    for (let i = 0; i < 3000; i++) {
      write(`bulk/${String(i).padStart(4, '0')}.txt`, `Article number ${i} about talks.`);
    }
    const started = performance.now();
    const report = await importPaths(['bulk'], { cwd: root });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.errors).toEqual([]);
    expect(report.articles).toHaveLength(3000);
    expect(new Set(report.articles.map(a => a.id)).size).toBe(3000);
  }, 30_000);

  it('cuts an import at maxFiles with one too-many-files error', async () => {
    for (let i = 0; i < 12; i++) write(`in/${String(i).padStart(2, '0')}.txt`, `Article ${i}.`);
    const report = await importPaths(['in'], { cwd: root, maxFiles: 10 });
    expect(report.articles).toHaveLength(10);
    expect(report.errors.map(e => e.code)).toEqual(['too-many-files']);
  });

  it('refuses a file over the size limit without reading its content', async () => {
    const big = write('in/big.txt', '');
    truncateSync(big, 6 * 1024 * 1024); // sparse: 6 MiB on paper, nothing on disk
    write('in/small.txt', 'A small article.');
    const bytesRead: number[] = [];
    const watchingFs: ReadFs = {
      async readFile(path, maxBytes) {
        const result = await nodeReadFs.readFile(path, maxBytes);
        bytesRead.push(result.bytes.length);
        return result;
      },
    };
    const report = await importPaths(['in'], { cwd: root, fs: watchingFs });
    expect(report.articles.map(a => a.file)).toEqual(['small.txt']);
    expect(report.errors).toEqual([
      {
        file: 'in/big.txt',
        code: 'too-large',
        message: 'The file is 6.0 MB; Readout imports text files up to 5.0 MB.',
      },
    ]);
    expect(bytesRead[0]).toBe(0);
  });

  it('reports a file it may not read as permission denied and imports the rest', async () => {
    // Tests run as root here, where chmod 000 does not stop a read, so the refusal is injected
    // through the importer's ReadFs seam instead.
    const locked = write('in/locked.txt', 'Secret article.');
    write('in/open.txt', 'Open article.');
    const lockedFs: ReadFs = {
      readFile(path, maxBytes) {
        if (path === locked)
          return Promise.reject(Object.assign(new Error('x'), { code: 'EACCES' }));
        return nodeReadFs.readFile(path, maxBytes);
      },
    };
    const report = await importPaths(['in'], { cwd: root, fs: lockedFs });
    expect(report.articles.map(a => a.file)).toEqual(['open.txt']);
    expect(report.errors).toEqual([
      {
        file: 'in/locked.txt',
        code: 'unreadable',
        message: 'Permission denied: Readout may not read this file.',
      },
    ]);
  });

  it('imports the same text in two files as one article', async () => {
    write('in/a.txt', 'The same article.');
    write('in/copy/a.txt', 'The same article.\r\n');
    const report = await importPaths(['in'], { cwd: root });
    expect(report.articles.map(a => a.source)).toEqual(['in/a.txt']);
    expect(report.errors).toEqual([]);
  });

  it('names a PNG renamed .txt and an invalid UTF-8 file, importing the good ones', async () => {
    write('in/1-good.txt', 'A good article.');
    write('in/2-photo.txt', PNG);
    write('in/3-latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9]));
    write('in/4-empty.txt', '');
    write('in/5-good.txt', 'Another good article.');
    const report = await importPaths(['in', 'missing.txt'], { cwd: root });
    expect(report.articles.map(a => a.file)).toEqual(['1-good.txt', '5-good.txt']);
    expect(report.errors.map(e => [e.file, e.code])).toEqual([
      ['missing.txt', 'not-found'],
      ['in/2-photo.txt', 'binary'],
      ['in/3-latin1.txt', 'encoding'],
      ['in/4-empty.txt', 'empty'],
    ]);
    expect(report.errors[1].message).toBe('This is a PNG image, not a text article.');
  });
});

describe('importFiles', () => {
  it('refuses an upload whose size is over the limit, even with its bytes left out', () => {
    const report = importFiles([
      { name: 'big.txt', size: MAX_FILE_BYTES + 1, bytes: new Uint8Array(0) },
    ]);
    expect(report.articles).toEqual([]);
    expect(report.errors).toEqual([
      { file: 'big.txt', code: 'too-large', message: expect.stringMatching(/up to 5\.0 MB/) },
    ]);
  });

  it('imports every good upload and gives each bad one its own specific error', () => {
    const good1 = utf8('Ministers meet in Moscow\nThe defence ministers met.');
    const good2 = utf8('Another article about Ankara.');
    const report = importFiles([
      { name: 'folder/one.txt', size: good1.length, bytes: good1 },
      { name: 'folder/photo.txt', size: PNG.length, bytes: PNG },
      { name: 'blank.txt', size: 3, bytes: utf8('  \n') },
      { name: 'folder/two.txt', size: good2.length, bytes: good2 },
      { name: 'huge.txt', size: 6 * 1024 * 1024, bytes: new Uint8Array(0) },
    ]);
    expect(report.articles.map(a => [a.source, a.file, a.title])).toEqual([
      ['folder/one.txt', 'one.txt', 'Ministers meet in Moscow'],
      ['folder/two.txt', 'two.txt', 'Another article about Ankara'],
    ]);
    expect(report.errors.map(e => [e.file, e.code])).toEqual([
      ['folder/photo.txt', 'binary'],
      ['blank.txt', 'empty'],
      ['huge.txt', 'too-large'],
    ]);
  });

  it('imports the same text uploaded twice as one article', () => {
    const bytes = utf8('The same article.');
    const report = importFiles([
      { name: 'a.txt', size: bytes.length, bytes },
      { name: 'b.txt', size: bytes.length, bytes },
    ]);
    expect(report.articles.map(a => a.source)).toEqual(['a.txt']);
  });
});

describe('articleFromBytes', () => {
  it('names the source in the error for bytes that are not text', () => {
    expect(articleFromBytes(PNG, { source: 'in/x.txt', file: 'x.txt' })).toEqual({
      file: 'in/x.txt',
      code: 'binary',
      message: 'This is a PNG image, not a text article.',
    });
  });
});
