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
 * undone by restoring that backup. Throws BackupError when it fails: then nothing is restored.
 */
export async function backUpCurrentWork(): Promise<void> {
  const outcome = await autoBackups.backupNow();
  if (outcome.kind === 'failed') {
    throw new BackupError(
      `Your current work could not be backed up first (${outcome.message}). Nothing was changed.`,
    );
  }
}

/** Replaces the analyst's work with automatic backup `backup`, after backing up the current work. */
export async function restoreAutoBackup(database: ReadoutDB, backup: Backup): Promise<void> {
  await backUpCurrentWork();
  await restoreBackup(database, backup);
  // The work is now what that backup holds: nothing new to back up until the analyst changes it.
  const restored = await createWorkBackup(database);
  if (restored.fingerprint) autoBackups.restored(restored.fingerprint);
}
