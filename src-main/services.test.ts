import {
  chmodSync,
  promises as fsp,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AtomicWriteFs } from './briefing';
import { BriefingLayoutSchema } from './contract';
import { digestInput } from './briefing/digest-fixtures';
import { emptyInput, seedInput } from './briefing/fixtures';
import { dispatch } from './dispatch';
import { createServices } from './services';
import { seedLibrary } from './testing/meeting-load';

const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url));

const made: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-export-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

const realFs: AtomicWriteFs = {
  open: fsp.open,
  rename: fsp.rename,
  rm: fsp.rm,
  link: fsp.link,
  lstat: fsp.lstat,
};

const errno = (code: string, path: string) =>
  Object.assign(new Error(`${code}: simulated, '${path}'`), { code });

/**
 * A folder with mode 0o555 and the file-system calls that meet it as read-only. Tests may run as
 * root, where the mode stops no write: then the refusal the kernel gives anyone else (EACCES on
 * creating a file there) is injected instead.
 */
function readOnlyFolder(): { dir: string; fs: AtomicWriteFs } {
  const dir = folder();
  chmodSync(dir, 0o555);
  const probe = join(dir, 'probe');
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch {
    return { dir, fs: realFs };
  }
  const open = ((path: string, ...rest: [string, number]) =>
    dirname(String(path)) === dir
      ? Promise.reject(errno('EACCES', String(path)))
      : fsp.open(path, ...rest)) as typeof fsp.open;
  return { dir, fs: { ...realFs, open } };
}

/**
 * Real file-system calls on a disk that fills up: every write puts the first half of its bytes
 * on disk, then fails with ENOSPC. `partial` records what reached the disk before the failure.
 */
function fillingDisk(): { fs: AtomicWriteFs; partial: { path: string; bytes: number }[] } {
  const partial: { path: string; bytes: number }[] = [];
  const open = (async (path: string, flags: string, mode: number) => {
    const handle = await fsp.open(path, flags, mode);
    const writeFile = async (data: Uint8Array) => {
      const half = data.subarray(0, Math.floor(data.length / 2));
      await handle.write(half, 0, half.length, 0);
      partial.push({ path: String(path), bytes: (await handle.stat()).size });
      throw errno('ENOSPC', String(path));
    };
    return new Proxy(handle, {
      get: (target, prop) => (prop === 'writeFile' ? writeFile : Reflect.get(target, prop, target)),
    });
  }) as typeof fsp.open;
  return { fs: { ...realFs, open }, partial };
}

describe('createServices › exportBriefing', () => {
  it('answers a read-only folder with an io error naming the folder, leaving nothing there', async () => {
    const { dir, fs } = readOnlyFolder();
    const services = createServices({
      seedsDir,
      chooseSavePath: name => Promise.resolve(join(dir, name)),
      writeFs: fs,
    });
    const result = await dispatch(services, 'briefing:export', [emptyInput()]);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: `The briefing was not saved: the folder ${dir} is read-only or not yours. Choose another folder.`,
      },
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answers a disk that fills up mid-write with "the disk is full", leaving no partial or temporary file', async () => {
    const dir = folder();
    const { fs, partial } = fillingDisk();
    let name = '';
    const services = createServices({
      seedsDir,
      chooseSavePath: suggested => Promise.resolve(join(dir, (name = suggested))),
      writeFs: fs,
    });
    const message = `The briefing was not saved: the disk is full (${dir}). Free some space or choose another folder.`;

    const fresh = await dispatch(services, 'briefing:export', [emptyInput()]);
    expect(fresh).toEqual({ ok: false, error: { code: 'io', message } });
    expect(partial).toHaveLength(1);
    expect(partial[0].bytes).toBeGreaterThan(0); // the disk filled up after some bytes were written
    expect(readdirSync(dir)).toEqual([]);

    // Replacing an earlier export: the old file stays whole.
    writeFileSync(join(dir, name), 'the PDF saved yesterday');
    const replacing = await dispatch(services, 'briefing:export', [emptyInput()]);
    expect(replacing).toEqual({ ok: false, error: { code: 'io', message } });
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(join(dir, name), 'utf8')).toBe('the PDF saved yesterday');
  });

  it('keeps serving after a failed export: other channels and the next export succeed', async () => {
    const { dir: readOnly, fs } = readOnlyFolder();
    const writable = folder();
    const targets = [readOnly, writable];
    const services = createServices({
      seedsDir,
      chooseSavePath: name => Promise.resolve(join(targets.shift()!, name)),
      writeFs: fs,
    });

    const failed = await dispatch(services, 'briefing:export', [emptyInput()]);
    expect(failed).toMatchObject({ ok: false, error: { code: 'io' } });

    const seeds = await dispatch(services, 'seeds:load', []);
    expect(seeds).toMatchObject({ ok: true, value: { errors: [] } });
    const saved = await dispatch(services, 'briefing:export', [emptyInput()]);
    expect(saved.ok).toBe(true);
    const path = saved.ok ? (saved.value as { path: string }).path : '';
    expect(dirname(path)).toBe(writable);
    expect(readdirSync(writable)).toEqual([path.slice(writable.length + 1)]);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('createServices with extraction off the main thread', () => {
  it('answers backups:list while a long meeting extraction runs', async () => {
    const backupsDir = folder();
    const services = createServices({ seedsDir, backupsDir });
    const articles = await seedLibrary(300);
    let extracted = false;
    const extraction = services.extractArticleMeetings(articles).then(answer => {
      extracted = true;
      return answer;
    });
    const listed = await dispatch(services, 'backups:list', []);
    expect(listed).toEqual({ ok: true, value: { folder: backupsDir, backups: [] } });
    expect(extracted).toBe(false);
    expect((await extraction).results.length).toBe(articles.length);
  }, 60_000);
});

describe('createServices › layoutBriefing', () => {
  it('answers the positioned page through dispatch, and a clear error for a bad input', async () => {
    const services = createServices({ seedsDir });
    const result = await dispatch(services, 'briefing:layout', [seedInput()]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const layout = BriefingLayoutSchema.parse(result.value);
    expect(layout.paper).toBe('A4');
    expect(layout.sections.map(s => s.id)).toContain('bottomLine');
    const text = layout.marks.flatMap(m => (m.kind === 'text' ? [m.text] : [])).join(' ');
    expect(text).toContain('Quadrilateral meeting');
    const bad = await dispatch(services, 'briefing:layout', [
      { ...seedInput(), edits: { bottomLine: 'x'.repeat(700) } },
    ]);
    expect(bad.ok).toBe(false);
  });
});

describe('createServices › digest', () => {
  it('lays out, downloads and saves a digest of several meetings through dispatch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digest-export-'));
    const preview = createServices({ seedsDir });
    const layout = await dispatch(preview, 'digest:layout', [digestInput(4)]);
    expect(layout.ok).toBe(true);
    if (!layout.ok) return;
    const marks = BriefingLayoutSchema.parse(layout.value).marks;
    const text = marks.flatMap(m => (m.kind === 'text' ? [m.text] : [])).join(' ');
    expect(text).toContain('Round 4 of the quadrilateral talks');
    const rendered = await dispatch(preview, 'digest:render', [digestInput(4)]);
    expect(rendered.ok && (rendered.value as { fileName: string }).fileName).toBe(
      'digest-2024-05-01.pdf',
    );
    // The preview has no save dialog: it says so instead of throwing across the bridge.
    const refused = await dispatch(preview, 'digest:export', [digestInput(4)]);
    expect(refused.ok || refused.error.code).toBe('unsupported');

    const desktop = createServices({
      seedsDir,
      chooseSavePath: name => Promise.resolve(join(dir, name)),
    });
    const saved = await dispatch(desktop, 'digest:export', [digestInput(4)]);
    expect(saved).toEqual({ ok: true, value: { path: join(dir, 'digest-2024-05-01.pdf') } });
    expect(readFileSync(join(dir, 'digest-2024-05-01.pdf')).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
    const empty = await dispatch(desktop, 'digest:layout', [{ ...digestInput(1), entries: [] }]);
    expect(empty.ok).toBe(false);
  });
});
