/**
 * Long tasks on the page's main thread during an import (issue 14), for the specs that report
 * them (a PerformanceObserver on 'longtask': tasks over 50 ms). Reported, never asserted.
 *
 * The folder pick is kept apart: Playwright hands a folder to the file input through the
 * DevTools protocol, and Chromium then lists the folder inside one renderer task (2.4 s for
 * 2,500 files with the page's own change handler switched off, measured 2 Dec 2026), which an
 * analyst's pick, listed by the browser process, does not cost. That task ends with the input's
 * change event, so the import's tasks are those that start after it.
 */
import type { Page } from '@playwright/test';

export interface LongTasks {
  /** Tasks that started after the folder reached the page. */
  longest: number;
  over100: number;
  over50: number;
  /** The task that delivered the pick (the test's file injection), 0 when not seen. */
  pick: number;
}

/** Starts observing; call before the folder is picked. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: [number, number][]; pickedAt: number | null };
    w.longTasks = [];
    w.pickedAt = null;
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    document.addEventListener('change', () => (w.pickedAt ??= performance.now()), true);
  });
}

export async function longTasks(page: Page): Promise<LongTasks> {
  const { tasks, pickedAt } = await page.evaluate(() => {
    const w = window as unknown as { longTasks: [number, number][]; pickedAt: number | null };
    return { tasks: w.longTasks, pickedAt: w.pickedAt ?? 0 };
  });
  const during = tasks.filter(([start]) => start > pickedAt).map(([, d]) => d);
  const pick = tasks.find(([start, d]) => start <= pickedAt && start + d >= pickedAt);
  return {
    longest: Math.max(0, ...during),
    over100: during.filter(d => d > 100).length,
    over50: during.length,
    pick: pick?.[1] ?? 0,
  };
}

export const describeLongTasks = (t: LongTasks): string =>
  `longest main-thread task ${t.longest.toFixed(0)} ms; ${t.over100} tasks over 100 ms (${t.over50} over 50 ms); the test's folder pick itself ${t.pick.toFixed(0)} ms`;
