import { promises as fsp, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicWriteError, writeFileAtomic, type AtomicWriteFs } from './atomic-write';

const bytes = new TextEncoder().encode('%PDF-1.7 test');

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'atomic-'));
}

/** Real file system calls, except that writes to an opened file fail with `code`. */
function failingWrites(code: string): AtomicWriteFs {
  return {
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      const writeFile = () =>
        Promise.reject(Object.assign(new Error(`${code}: simulated`), { code }));
      return new Proxy(handle, {
        get: (target, prop) =>
          prop === 'writeFile' ? writeFile : Reflect.get(target, prop, target),
      });
    }) as typeof fsp.open,
    rename: fsp.rename,
    rm: fsp.rm,
    link: fsp.link,
    lstat: fsp.lstat,
  };
}

/** Real file system calls that log each open, flush, rename and link, in order. */
function logging(log: string[], dir: string): AtomicWriteFs {
  const name = (p: unknown) => {
    const s = String(p);
    return s === dir ? '<folder>' : s.endsWith('.tmp') ? '<temp>' : s.slice(dir.length + 1);
  };
  return {
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      const opened = name(args[0]);
      const sync = async () => {
        await handle.sync();
        log.push(`sync ${opened}`);
      };
      return new Proxy(handle, {
        get: (target, prop) => (prop === 'sync' ? sync : Reflect.get(target, prop, target)),
      });
    }) as typeof fsp.open,
    rename: (async (from, to) => {
      await fsp.rename(from, to);
      log.push(`rename ${name(from)} ${name(to)}`);
    }) as typeof fsp.rename,
    rm: fsp.rm,
    link: (async (from, to) => {
      await fsp.link(from, to);
      log.push(`link ${name(from)} ${name(to)}`);
    }) as typeof fsp.link,
    lstat: fsp.lstat,
  };
}

describe('writeFileAtomic', () => {
  it.skipIf(process.platform === 'win32')(
    'flushes the file before putting it in place, and the folder after',
    async () => {
      const dir = folder();
      const log: string[] = [];
      await writeFileAtomic(join(dir, 'a.pdf'), bytes, { overwrite: true, fs: logging(log, dir) });
      expect(log).toEqual(['sync <temp>', 'rename <temp> a.pdf', 'sync <folder>']);
      log.length = 0;
      await writeFileAtomic(join(dir, 'b.pdf'), bytes, { overwrite: false, fs: logging(log, dir) });
      expect(log).toEqual(['sync <temp>', 'link <temp> b.pdf', 'sync <folder>']);
    },
  );

  it('writes the whole file and leaves no temporary file', async () => {
    const dir = folder();
    await writeFileAtomic(join(dir, 'a.pdf'), bytes, { overwrite: false });
    expect(readFileSync(join(dir, 'a.pdf'))).toEqual(Buffer.from(bytes));
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('refuses to overwrite an existing file unless asked', async () => {
    const dir = folder();
    const path = join(dir, 'a.pdf');
    writeFileSync(path, 'old');
    const error = await writeFileAtomic(path, bytes, { overwrite: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicWriteError);
    expect((error as AtomicWriteError).code).toBe('exists');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
    await writeFileAtomic(path, bytes, { overwrite: true });
    expect(readFileSync(path)).toEqual(Buffer.from(bytes));
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('reports a full disk clearly and leaves neither the file nor a temporary file', async () => {
    const dir = folder();
    const error = await writeFileAtomic(join(dir, 'a.pdf'), bytes, {
      overwrite: false,
      fs: failingWrites('ENOSPC'),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'disk-full' });
    expect((error as Error).message).toMatch(/disk is full/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a read-only folder clearly and keeps the old file intact', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.pdf'), 'old');
    const error = await writeFileAtomic(join(dir, 'a.pdf'), bytes, {
      overwrite: true,
      fs: failingWrites('EROFS'),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'read-only' });
    expect((error as Error).message).toMatch(/read-only/);
    expect(readdirSync(dir)).toEqual(['a.pdf']);
    expect(readFileSync(join(dir, 'a.pdf'), 'utf8')).toBe('old');
  });

  it('reports a missing folder', async () => {
    const error = await writeFileAtomic(join(folder(), 'nope', 'a.pdf'), bytes, {
      overwrite: true,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-found' });
  });
});
