import { describe, expect, it } from 'vitest';
import { backupsToKeep, DEFAULT_RETENTION } from './retention';

/** Local time, so the test means the same in every time zone. */
const at = (day: number, hour: number, minute = 0) =>
  new Date(2025, 2, day, hour, minute).getTime();
const backup = (time: number) => ({ id: `b-${time}`, createdAt: time });

describe('backupsToKeep', () => {
  it('keeps everything while there are no more than ten', () => {
    const backups = [1, 2, 3].map(h => backup(at(10, h)));
    expect(backupsToKeep(backups, at(10, 12))).toEqual(new Set(backups.map(b => b.id)));
  });

  it('keeps the ten newest, whatever order they come in', () => {
    const backups = Array.from({ length: 30 }, (_, i) => backup(at(10, 0, i * 10)));
    const shuffled = [...backups].reverse();
    const keep = backupsToKeep(shuffled, at(10, 6));
    expect(keep.size).toBe(10);
    expect([...keep].sort()).toEqual(
      backups
        .slice(-10)
        .map(b => b.id)
        .sort(),
    );
  });

  it('also keeps the last backup of each of the past seven days', () => {
    // Four backups a day, from 1 March to 14 March; "now" is 14 March at noon.
    const backups = [];
    for (let day = 1; day <= 14; day++) {
      for (const hour of [9, 11, 14, 17]) {
        if (day === 14 && hour > 11) continue;
        backups.push(backup(at(day, hour)));
      }
    }
    const keep = backupsToKeep(backups, at(14, 12));
    const kept = backups.filter(b => keep.has(b.id)).map(b => new Date(b.createdAt));
    const label = (d: Date) => `${d.getDate()} ${d.getHours()}h`;
    expect(kept.map(label)).toEqual([
      // One a day for 8–11 March (the seven days are 8–14 March)…
      '8 17h',
      '9 17h',
      '10 17h',
      '11 17h',
      // …and the ten newest, which cover 12–14 March.
      '12 9h',
      '12 11h',
      '12 14h',
      '12 17h',
      '13 9h',
      '13 11h',
      '13 14h',
      '13 17h',
      '14 9h',
      '14 11h',
    ]);
    expect(keep.size).toBeLessThanOrEqual(DEFAULT_RETENTION.recent + DEFAULT_RETENTION.days);
  });

  it('skips days without backups rather than keeping older ones in their place', () => {
    const backups = [backup(at(1, 9)), backup(at(2, 9))];
    const keep = backupsToKeep(backups, at(20, 9), { recent: 1, days: 7 });
    expect(keep).toEqual(new Set([backups[1].id]));
  });

  it('breaks ties on time by id, so the answer does not depend on the listing order', () => {
    const a = { id: 'a', createdAt: 5 };
    const b = { id: 'b', createdAt: 5 };
    const policy = { recent: 1, days: 0 };
    expect(backupsToKeep([a, b], 10, policy)).toEqual(new Set(['b']));
    expect(backupsToKeep([b, a], 10, policy)).toEqual(new Set(['b']));
  });

  it('keeps for each day its newest backup holding work, passing over empty ones made after it', () => {
    // Days 1–7 each end with a real backup at 12:00 and an empty one at 18:00; today (day 8) has
    // ten more, enough to push all of those out of the ten newest.
    const backups = [];
    for (let day = 1; day <= 7; day++) {
      backups.push(backup(at(day, 12)), { ...backup(at(day, 18)), empty: true });
    }
    for (let minute = 0; minute < 10; minute++) backups.push(backup(at(8, 9, minute)));
    const keep = backupsToKeep(backups, at(8, 12));
    for (let day = 2; day <= 7; day++) {
      expect(keep.has(`b-${at(day, 12)}`)).toBe(true);
      expect(keep.has(`b-${at(day, 18)}`)).toBe(false);
    }
  });
});
