/**
 * The open streaming imports of main, by id. Main forgets a session when its last batch is
 * taken, when it is cancelled, when nobody has asked for it for `idleMs` (a reloaded page, a
 * crashed renderer) and when the window closes (`closeAll`), so an abandoned import never keeps
 * reading or holding batches. Ids are random UUIDs: a page cannot guess another window's.
 */
import { randomUUID } from 'node:crypto';
import type { UploadFile } from '../contract/article';
import { MAX_IMPORT_BYTES } from '../contract/channels';
import type { ImportBatch, ImportSession } from '../contract/import-session';
import { ServiceError } from '../service-error';
import {
  DEFAULT_LIMITS,
  PathSession,
  UploadSession,
  type Session,
  type SessionLimits,
  type SessionReaders,
} from './session';

/** A minute without a call: far longer than storing one batch takes. */
export const SESSION_IDLE_MS = 60_000;
/** Sessions open at once; the longest idle is closed to make room for a new one. */
export const MAX_OPEN_SESSIONS = 4;

export interface ImportSessions {
  /** Opens a session over files and folders (desktop); relative paths against `cwd`. */
  startPaths(paths: string[], cwd?: string): ImportSession;
  /** Opens a session the page will upload `totalFiles` files of `totalBytes` bytes into. */
  startUpload(totalFiles: number, totalBytes: number): ImportSession;
  next(id: string): Promise<ImportBatch>;
  upload(id: string, files: UploadFile[]): Promise<ImportBatch>;
  /** Stops a session; resolves once nothing of it runs. False when it was not open. */
  cancel(id: string): Promise<boolean>;
  /** Closes every session (the window closed, the app quits). */
  closeAll(): Promise<void>;
  /** Ids of the open sessions, for tests and diagnostics. */
  openIds(): string[];
}

export interface ImportSessionsOptions extends SessionReaders {
  limits?: Partial<SessionLimits>;
  idleMs?: number;
  maxOpen?: number;
  now?: () => number;
}

export function createImportSessions(options: ImportSessionsOptions): ImportSessions {
  const limits: SessionLimits = {
    ...DEFAULT_LIMITS,
    maxImportBytes: MAX_IMPORT_BYTES,
    ...options.limits,
  };
  const idleMs = options.idleMs ?? SESSION_IDLE_MS;
  const maxOpen = options.maxOpen ?? MAX_OPEN_SESSIONS;
  const now = options.now ?? Date.now;
  const open = new Map<string, { session: Session; touched: number }>();
  let sweeper: NodeJS.Timeout | null = null;

  const sweep = () => {
    const t = now();
    for (const [id, entry] of open) {
      if (entry.session.closed || (!entry.session.busy && t - entry.touched > idleMs)) {
        open.delete(id);
        void entry.session.close();
      }
    }
    if (open.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = null;
    }
  };

  const add = (session: Session): ImportSession => {
    sweep();
    if (open.size >= maxOpen) {
      const [oldest] = [...open.entries()].sort((a, b) => a[1].touched - b[1].touched);
      open.delete(oldest[0]);
      void oldest[1].session.close();
    }
    const sessionId = randomUUID();
    open.set(sessionId, { session, touched: now() });
    // The timer never keeps the command line or a test process alive.
    sweeper ??= setInterval(sweep, Math.max(250, idleMs / 4));
    sweeper.unref?.();
    return { sessionId, ...session.totals() };
  };

  const get = (id: string): Session => {
    const entry = open.get(id);
    if (!entry || entry.session.closed) {
      open.delete(id);
      throw new ServiceError(
        'not-found',
        'This import is no longer open (it finished, was cancelled, or was left idle for a minute). Articles already stored stay stored; import the files again for the rest.',
      );
    }
    entry.touched = now();
    return entry.session;
  };

  /** The call's answer; a session that ends with it (last batch, failure) is forgotten. */
  const settle = async (id: string, call: Promise<ImportBatch>): Promise<ImportBatch> => {
    try {
      return await call;
    } finally {
      const entry = open.get(id);
      if (entry) {
        entry.touched = now();
        if (entry.session.closed) open.delete(id);
      }
    }
  };

  return {
    startPaths: (paths, cwd) => add(new PathSession(paths, options, limits, cwd)),
    startUpload: (totalFiles, totalBytes) =>
      add(new UploadSession(totalFiles, totalBytes, options, limits)),
    next: async id => settle(id, get(id).next()),
    upload: async (id, files) => settle(id, get(id).upload(files)),
    async cancel(id) {
      const entry = open.get(id);
      if (!entry) return false;
      open.delete(id);
      await entry.session.close();
      return true;
    },
    async closeAll() {
      const sessions = [...open.values()].map(e => e.session);
      open.clear();
      await Promise.all(sessions.map(s => s.close()));
    },
    openIds: () => [...open.keys()],
  };
}
