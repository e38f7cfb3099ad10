import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectFiles, fsError } from './walk';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'readout-walk-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(relative: string, text = 'The ministers met.') {
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

describe('collectFiles', () => {
  it('finds files in nested folders, in name order, shown relative to the folder given', async () => {
    write('in/b.txt');
    write('in/a/deep/er/c.txt');
    write('in/a/a.txt');
    const { files, errors } = await collectFiles(['in'], { cwd: root });
    expect(errors).toEqual([]);
    expect(files.map(f => f.display)).toEqual(['in/a/a.txt', 'in/a/deep/er/c.txt', 'in/b.txt']);
    expect(files[0].path).toBe(join(root, 'in/a/a.txt'));
  });

  it('keeps a trailing slash of the folder given from doubling in the shown path', async () => {
    write('in/a.txt');
    const { files } = await collectFiles(['in/'], { cwd: root });
    expect(files.map(f => f.display)).toEqual(['in/a.txt']);
  });

  it('skips hidden files and hidden folders', async () => {
    write('in/.DS_Store');
    write('in/.git/HEAD');
    write('in/.hidden/secret.txt');
    write('in/seen.txt');
    const { files, errors } = await collectFiles(['in'], { cwd: root });
    expect(files.map(f => f.display)).toEqual(['in/seen.txt']);
    expect(errors).toEqual([]);
  });

  it('reports a folder link back to its parent once as a symlink loop and finishes', async () => {
    write('in/sub/a.txt');
    symlinkSync('..', join(root, 'in/sub/up'), 'dir');
    const { files, errors } = await collectFiles(['in'], { cwd: root });
    expect(files.map(f => f.display)).toEqual(['in/sub/a.txt']);
    expect(errors).toEqual([
      { file: 'in/sub/up', code: 'symlink-loop', message: expect.stringMatching(/links back/) },
    ]);
  });

  it('reports a link to a missing file as not found', async () => {
    mkdirSync(join(root, 'in'));
    symlinkSync(join(root, 'nowhere.txt'), join(root, 'in/broken.txt'));
    const { files, errors } = await collectFiles(['in'], { cwd: root });
    expect(files).toEqual([]);
    expect(errors).toEqual([
      { file: 'in/broken.txt', code: 'not-found', message: expect.stringMatching(/broken link/) },
    ]);
  });

  it('lists a file reached through two links only once', async () => {
    write('in/a.txt');
    symlinkSync(join(root, 'in/a.txt'), join(root, 'in/b.txt'));
    const { files } = await collectFiles(['in'], { cwd: root });
    expect(files.map(f => f.display)).toEqual(['in/a.txt']);
  });

  it('stops at maxFiles with a single too-many-files error', async () => {
    for (let i = 0; i < 8; i++) write(`in/f${i}.txt`);
    const { files, errors } = await collectFiles(['in'], { cwd: root, maxFiles: 5 });
    expect(files).toHaveLength(5);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'too-many-files', file: 'in/f5.txt' });
    expect(errors[0].message).toContain('first 5 files');
  });
});

describe('fsError', () => {
  it('says permission denied for EACCES and EPERM', () => {
    for (const code of ['EACCES', 'EPERM']) {
      expect(fsError('a.txt', Object.assign(new Error('x'), { code }))).toEqual({
        file: 'a.txt',
        code: 'unreadable',
        message: 'Permission denied: Readout may not read this file.',
      });
    }
  });

  it('names an unknown error code so the analyst can look it up', () => {
    expect(fsError('a.txt', Object.assign(new Error('x'), { code: 'EMFILE' })).message).toContain(
      'EMFILE',
    );
  });
});
