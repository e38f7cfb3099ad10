/**
 * The app's automatic backups: the one scheduler, wired to the database, the page's timers and
 * main's backups folder, and the steps of restoring one from the Data dialog.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { AutoBackupEntry } from '../../src-main/contract/auto-backup';
import { api } from '../bridge';
import { db, type ReadoutDB } from '../db/db';
import { backupToJson, BackupError, parseBackup, restoreBackup, type Backup } from './backup';
import { AutoBackupScheduler, type SchedulerStatus } from './scheduler';
import { createWorkBackup, isEmptyWork, watchWork } from './work';

export const autoBackups = new AutoBackupScheduler({
  now: () => Date.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
  async snapshot() {
    const backup = await createWorkBackup(db);
    return {
      text: backupToJson(backup),
      fingerprint: backup.fingerprint ?? '',
      empty: isEmptyWork(backup.tables),
    };
  },
  list: () => api.listAutoBackups(),
  write: text => api.writeAutoBackup(text),
  watch: onChange => watchWork(db, onChange),
});

/** Runs the schedule while the app is mounted. */
export function useAutoBackupSchedule(): void {
  useEffect(() => {
    autoBackups.start();
    return () => autoBackups.stop();
  }, []);
}

export function useAutoBackupStatus(): SchedulerStatus {
  return useSyncExternalStore(autoBackups.subscribe, autoBackups.getStatus);
}

/**
 * Reads and checks automatic backup `entry` completely before anything is touched. Throws
 * BackupError with a message for the analyst.
 */
export async function loadAutoBackup(database: ReadoutDB, entry: AutoBackupEntry): Promise<Backup> {
  const read = await api.readAutoBackup(entry.id);
  if (!read.ok) throw new BackupError(`${read.error.message} Nothing was changed.`);
  const backup = await parseBackup(database, read.value.text);
  if (backup.scope !== 'work') {
    throw new BackupError('This file is not a backup of your work. Nothing was changed.');
  }
  return backup;
}

/**
 * Backs up the work as it is now, before a restore replaces it, so that the restore itself can be
 * undone by restoring that backup. Answers null when it is saved, or why it could not be: the
 * analyst then decides whether to restore without it (a full disk must not lock them out of their
 * own backups).
 */
export async function backUpCurrentWork(): Promise<string | null> {
  const outcome = await autoBackups.backupNow();
  return outcome.kind === 'failed' ? outcome.message : null;
}

/** Replaces the analyst's work with automatic backup `backup` (its articles stay). */
export async function restoreAutoBackup(database: ReadoutDB, backup: Backup): Promise<void> {
  await restoreBackup(database, backup);
  // The work is now what that backup holds: nothing new to back up until the analyst changes it.
  if (backup.fingerprint) autoBackups.restored(backup.fingerprint);
}
