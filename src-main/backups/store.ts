/**
 * The automatic backups folder (`<profile>/backups/`): one JSON file per backup, named from main's
 * own clock, written atomically, pruned by the retention policy. The renderer never names a path:
 * it sends a backup's text to write, and ids (checked against a strict pattern) to read.
 *
 * A listing never fails because of one bad file: a file that cannot be read or is not a work
 * backup is listed as damaged with the reason; files not named like a backup are ignored (the
 * analyst's own notes, temporary files of a write in progress).
 */
import { constants, promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  autoBackupId,
  autoBackupTime,
  countWork,
  MAX_WORK_BACKUP_CHARS,
  WORK_BACKUP_FORMAT,
  WORK_BACKUP_VERSION,
  WorkBackupSchema,
  type AutoBackupEntry,
  type AutoBackupList,
  type WorkBackup,
  type WorkCounts,
} from '../contract/auto-backup';
import { AtomicWriteError, writeFileAtomic } from '../briefing/atomic-write';
import { ServiceError } from '../service-error';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionPolicy } from './retention';

export interface BackupStoreOptions {
  /** The backups folder; created on the first write. */
  dir: string;
  /** Main's clock, which names the files; injectable for tests. */
  now?: () => number;
  retention?: RetentionPolicy;
  /** How many writes main accepts in a sliding window; see {@link DEFAULT_WRITE_LIMIT}. */
  writeLimit?: WriteLimit;
}

/** At most `writes` backups are accepted in any `perMs` milliseconds of main's clock. */
export interface WriteLimit {
  writes: number;
  perMs: number;
}

/**
 * Two writes a minute: the renderer's schedule writes at most one every ten minutes, and a
 * restore adds one just before it replaces the work, which may fall seconds after a scheduled
 * one. A compromised page that writes in a loop is held to this rate, so it cannot push the ten
 * recent backups out in a burst (ten writes in 39 ms once pruned a day's five real ones).
 */
export const DEFAULT_WRITE_LIMIT: WriteLimit = { writes: 2, perMs: 60_000 };

export interface BackupStore {
  list(): Promise<AutoBackupList>;
  /** Checks and saves `text` as a new backup, then prunes; throws ServiceError. */
  write(text: string): Promise<AutoBackupEntry>;
  /** The text of backup `id`; throws ServiceError 'not-found' or 'io'. */
  read(id: string): Promise<{ id: string; text: string }>;
}

const MAX_BYTES = MAX_WORK_BACKUP_CHARS;
const FILE_SUFFIX = '.json';

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const { dir } = options;
  const now = options.now ?? Date.now;
  const retention = options.retention ?? DEFAULT_RETENTION;
  const writeLimit = options.writeLimit ?? DEFAULT_WRITE_LIMIT;
  /** Main's clock at each accepted write, newest last, trimmed to the limit's window. */
  const accepted: number[] = [];
  // One operation at a time, so a prune never races a listing or another write.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const pathOf = (id: string): string => {
    // The channel schema checked the id already; checked again so no caller can escape `dir`.
    if (autoBackupTime(id) === null) throw new ServiceError('invalid-argument', 'Not a backup id.');
    return join(dir, id + FILE_SUFFIX);
  };

  async function entries(): Promise<AutoBackupEntry[]> {
    let names: string[];
    try {
      names = await fsp.readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new ServiceError('io', `The backups folder cannot be read (${errorCode(error)}).`);
    }
    const found: AutoBackupEntry[] = [];
    const seen = new Set<string>();
    for (const name of names) {
      if (!name.endsWith(FILE_SUFFIX)) continue;
      const id = name.slice(0, -FILE_SUFFIX.length);
      const createdAt = autoBackupTime(id);
      if (createdAt === null) continue;
      seen.add(id);
      const entry = await describeCached(join(dir, name), id, createdAt);
      if (entry) found.push(entry);
    }
    for (const id of described.keys()) if (!seen.has(id)) described.delete(id);
    return found.sort((a, b) => b.createdAt - a.createdAt);
  }

  // Every write prunes, and pruning lists: without this, each backup would re-read and re-parse
  // every kept backup (up to 17 files of up to 32 MiB). A file is parsed again only when its
  // size or modification time changed.
  const described = new Map<string, { stamp: string; entry: AutoBackupEntry | null }>();
  async function describeCached(
    path: string,
    id: string,
    createdAt: number,
  ): Promise<AutoBackupEntry | null> {
    const stat = await fsp.lstat(path).catch(() => null);
    const stamp = stat ? `${stat.size}:${stat.mtimeMs}:${stat.ino}` : 'missing';
    const cached = described.get(id);
    if (cached?.stamp === stamp) return cached.entry;
    const entry = await describe(path, id, createdAt);
    described.set(id, { stamp, entry });
    return entry;
  }

  /** Removes what the retention policy lets go, never `written`, the backup just saved. */
  async function prune(written: string): Promise<void> {
    const all = await entries();
    const healthy = all.filter(e => e.state === 'ok');
    const keep = backupsToKeep(
      healthy.map(e => ({ id: e.id, createdAt: e.createdAt, empty: isEmpty(e.counts) })),
      now(),
      retention,
    );
    keep.add(written);
    // A damaged file stays until it would have aged out as a healthy one: it is evidence of what
    // went wrong, and while fewer than `recent` backups exist nothing at all is pruned.
    const kept = healthy.filter(e => keep.has(e.id)).map(e => e.createdAt);
    const oldestKept = healthy.length >= retention.recent ? Math.min(...kept) : -Infinity;
    for (const entry of all) {
      const stale = entry.state === 'ok' ? !keep.has(entry.id) : entry.createdAt < oldestKept;
      // One file that cannot go (a folder of that name, a lock on Windows) stops only itself.
      if (stale) await fsp.rm(pathOf(entry.id), { force: true }).catch(() => undefined);
    }
  }

  async function write(text: string): Promise<AutoBackupEntry> {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > MAX_BYTES) {
      throw new ServiceError('invalid-argument', 'The backup is larger than the 32 MiB limit.');
    }
    const parsed = parseWorkBackup(text);
    if (!parsed.ok) throw new ServiceError('invalid-argument', `Not saved: ${parsed.problem}.`);
    // Main enforces the schedule's rules itself, whatever the page asks: an empty backup could
    // only push real ones out, and so could a flood of writes.
    if (isEmpty(countWork(parsed.backup.tables))) {
      throw new ServiceError('invalid-argument', 'Not saved: the backup holds no work.');
    }
    const started = now();
    // A write dated after `started` was made before the clock stepped back: it does not count.
    const inWindow = accepted.filter(t => t <= started && t > started - writeLimit.perMs);
    if (inWindow.length >= writeLimit.writes) {
      throw new ServiceError(
        'forbidden',
        'Not saved: automatic backups were saved moments ago; the next is taken later.',
      );
    }
    accepted.splice(0, accepted.length, ...inWindow, started);
    try {
      await fsp.mkdir(dir, { recursive: true });
    } catch (error) {
      throw new ServiceError('io', `The backups folder cannot be created (${errorCode(error)}).`);
    }
    // Two backups within one millisecond get the next free millisecond, never the same file.
    let time = now();
    for (let attempt = 0; ; attempt++, time++) {
      const id = autoBackupId(time);
      try {
        await writeFileAtomic(pathOf(id), bytes, { overwrite: false });
        const entry = await describe(pathOf(id), id, time);
        if (!entry) throw new ServiceError('io', 'The automatic backup vanished as it was saved.');
        await prune(id).catch(() => undefined); // a failed prune leaves extra files, no harm
        return entry;
      } catch (error) {
        if (error instanceof AtomicWriteError && error.code === 'exists' && attempt < 100) continue;
        if (error instanceof AtomicWriteError) {
          throw new ServiceError('io', `The automatic backup was not saved: ${error.message}.`);
        }
        throw error;
      }
    }
  }

  async function read(id: string): Promise<{ id: string; text: string }> {
    const file = await readRegularFile(pathOf(id));
    if (file.kind === 'ok') {
      // Only a work backup leaves the folder, whatever else was put there under a backup's name.
      const parsed = parseWorkBackup(file.text);
      if (!parsed.ok) {
        throw new ServiceError('invalid-argument', `That automatic backup is ${parsed.problem}.`);
      }
      return { id, text: file.text };
    }
    if (file.kind === 'missing') {
      throw new ServiceError('not-found', 'That automatic backup is no longer there.');
    }
    throw new ServiceError('io', `That automatic backup cannot be read: it is ${file.reason}.`);
  }

  return {
    list: () => serial(async () => ({ folder: dir, backups: await entries() })),
    write: text => serial(() => write(text)),
    read: id => serial(() => read(id)),
  };
}

/** `text` as a work backup, or what is wrong with it, in words for the analyst. */
export function parseWorkBackup(
  text: string,
): { ok: true; backup: WorkBackup } | { ok: false; problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not valid JSON (cut short or damaged)' };
  }
  const head = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (typeof raw !== 'object' || raw === null || head.format !== WORK_BACKUP_FORMAT) {
    return { ok: false, problem: 'not a Readout backup' };
  }
  if (typeof head.version === 'number' && head.version > WORK_BACKUP_VERSION) {
    return { ok: false, problem: 'made by a newer version of Readout' };
  }
  const parsed = WorkBackupSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, backup: parsed.data }
    : { ok: false, problem: 'not a well-formed work backup' };
}

type FileRead =
  | { kind: 'ok'; text: string; size: number }
  | { kind: 'missing' }
  | { kind: 'bad'; reason: string; size: number };

/**
 * Reads a regular file of at most MAX_BYTES. A symbolic link is refused, not followed (O_NOFOLLOW
 * where the platform has it), so a link dropped into the folder cannot expose another file.
 */
async function readRegularFile(path: string): Promise<FileRead> {
  let handle: FileHandle;
  try {
    // Windows has no O_NOFOLLOW: look at the entry itself first there.
    if (constants.O_NOFOLLOW === undefined && (await fsp.lstat(path)).isSymbolicLink()) {
      return { kind: 'bad', reason: 'not a regular file', size: 0 };
    }
    handle = await fsp.open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'bad', reason: 'not a regular file', size: 0 };
    return { kind: 'bad', reason: `unreadable (${code})`, size: 0 };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'bad', reason: 'not a regular file', size: 0 };
    if (stat.size > MAX_BYTES) return { kind: 'bad', reason: 'too large', size: stat.size };
    return { kind: 'ok', text: await handle.readFile('utf8'), size: stat.size };
  } catch (error) {
    return { kind: 'bad', reason: `unreadable (${errorCode(error)})`, size: 0 };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A listing entry for one file, null when it is gone; never throws. */
async function describe(
  path: string,
  id: string,
  createdAt: number,
): Promise<AutoBackupEntry | null> {
  const file = await readRegularFile(path);
  if (file.kind === 'missing') return null;
  if (file.kind === 'bad') {
    return { state: 'damaged', id, createdAt, size: file.size, reason: file.reason };
  }
  const parsed = parseWorkBackup(file.text);
  if (!parsed.ok) {
    return { state: 'damaged', id, createdAt, size: file.size, reason: parsed.problem };
  }
  return {
    state: 'ok',
    id,
    createdAt,
    size: file.size,
    fingerprint: parsed.backup.fingerprint,
    counts: countWork(parsed.backup.tables),
  };
}

/** True when a backup holds no work at all (colour meanings alone are not work). */
function isEmpty(counts: WorkCounts): boolean {
  return Object.values(counts).every(n => n === 0);
}

/** The errno code of a file system error, or a short account of anything else. */
function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return code;
  return (error instanceof Error ? error.message : String(error)).slice(0, 80);
}
