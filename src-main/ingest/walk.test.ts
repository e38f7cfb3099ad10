import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectFiles, fsError, MAX_FOLDER_DEPTH, shortDisplay } from './walk';

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

  it('knows a file listed through a linked folder by its real path: listed once, sized', async () => {
    write('in/real/a.txt', 'Twelve bytes');
    symlinkSync(join(root, 'in/real'), join(root, 'in/alias'));
    const { files } = await collectFiles(['in'], { cwd: root });
    expect(files.map(f => [f.display, f.size])).toEqual([['in/alias/a.txt', 12]]);
  });

  it('does not follow a link that leads out of the chosen folder, and says so', async () => {
    write('in/own.txt');
    write('elsewhere/private.txt', 'Not for import.');
    symlinkSync('/etc/passwd', join(root, 'in/passwd.txt'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'in/docs'), 'dir');
    symlinkSync('../elsewhere/private.txt', join(root, 'in/private.txt'));
    const { files, errors } = await collectFiles(['in'], { cwd: root });
    expect(files.map(f => f.display)).toEqual(['in/own.txt']);
    const outside = expect.stringMatching(/points outside the folder you chose/);
    expect(errors).toEqual([
      { file: 'in/docs', code: 'unreadable', message: outside },
      { file: 'in/passwd.txt', code: 'unreadable', message: outside },
      { file: 'in/private.txt', code: 'unreadable', message: outside },
    ]);
  });

  it('follows links whose target stays inside the chosen folder', async () => {
    write('in/archive/2024/a.txt');
    symlinkSync('archive/2024', join(root, 'in/latest'), 'dir');
    symlinkSync('archive/2024/a.txt', join(root, 'in/pinned.txt'));
    const { files, errors } = await collectFiles(['in'], { cwd: root });
    expect(errors).toEqual([]);
    // a.txt reached three ways is listed once, under the first way in name order.
    expect(files.map(f => f.display)).toEqual(['in/archive/2024/a.txt']);
  });

  it('follows a chosen link itself: what the analyst picked is theirs to read', async () => {
    write('elsewhere/a.txt');
    symlinkSync(join(root, 'elsewhere'), join(root, 'picked'), 'dir');
    const { files, errors } = await collectFiles(['picked'], { cwd: root });
    expect(errors).toEqual([]);
    expect(files.map(f => f.display)).toEqual(['picked/a.txt']);
  });

  it('reports a name that is not valid UTF-8 as such, not as missing', async () => {
    write('in/good.txt');
    const bad = Buffer.concat([
      Buffer.from(join(root, 'in/caf')),
      Buffer.from([0xe9]),
      Buffer.from('.txt'),
    ]);
    writeFileSync(bad, 'An article with a Latin-1 file name.');
    expect(readdirSync(join(root, 'in'))).toHaveLength(2);
    const { files, errors } = await collectFiles(['in'], { cwd: root });
    expect(files.map(f => f.display)).toEqual(['in/good.txt']);
    expect(errors).toEqual([
      {
        file: 'in/caf\uFFFD.txt',
        code: 'encoding',
        message: expect.stringMatching(/not valid UTF-8.*Rename it/),
      },
    ]);
  });

  it('walks a 300-deep folder quickly, reading the first levels and reporting the cut', async () => {
    const levels = Array.from({ length: 300 }, () => 'd');
    const level = (n: number) => join(root, 'in', ...levels.slice(0, n));
    mkdirSync(level(300), { recursive: true });
    try {
      write(`in/${levels.slice(0, 10).join('/')}/shallow.txt`);
      writeFileSync(join(level(300), 'bottom.txt'), 'Too deep to reach.');
      const started = Date.now();
      const { files, errors } = await collectFiles(['in'], { cwd: root });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(files.map(f => f.display)).toEqual([
        `in/${levels.slice(0, 10).join('/')}/shallow.txt`,
      ]);
      expect(errors).toEqual([
        {
          file: `in/${levels.slice(0, MAX_FOLDER_DEPTH).join('/')}`,
          code: 'unreadable',
          message: expect.stringMatching(/nested more than 64 folders deep/),
        },
      ]);
    } finally {
      // rmSync recurses and overflows the stack on a tree this deep: take it down bottom-up.
      unlinkSync(join(level(300), 'bottom.txt'));
      for (let n = 300; n > 10; n--) rmdirSync(level(n));
    }
  }, 30_000);

  it('shortens an over-long path in its error, keeping its start and its file name', async () => {
    const given = `${'./'.repeat(2100)}missing.txt`;
    const { errors } = await collectFiles([given], { cwd: root });
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('not-found');
    expect(errors[0].file.length).toBeLessThanOrEqual(1024);
    expect(errors[0].file).toMatch(/^\.\/\.\/.*….*\/missing\.txt$/);
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

describe('shortDisplay', () => {
  it('leaves a path of ordinary length alone', () => {
    expect(shortDisplay('/home/ana/news/a.txt')).toBe('/home/ana/news/a.txt');
  });

  it('cuts a long path to the limit, keeping both ends', () => {
    const long = `/home/${'x'.repeat(5000)}/report.txt`;
    const short = shortDisplay(long, 100);
    expect(short).toHaveLength(100);
    expect(short.startsWith('/home/xx')).toBe(true);
    expect(short.endsWith('x/report.txt')).toBe(true);
    expect(short).toContain('…');
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
