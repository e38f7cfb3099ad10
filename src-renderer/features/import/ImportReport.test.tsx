// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRoot } from '../../testing-dom';
import type { ImportOutcome } from './importer';
import { CLEAN_REPORT_MS, ImportStatus } from './ImportReport';

const dom = reactRoot();
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const stored: ImportOutcome = { added: 28, updated: 0, unchanged: 0, errors: [], failure: null };

/** Shows a report the way the app does: it stays until `onDismiss` takes it away. */
function show(outcome: ImportOutcome): { closed: () => boolean } {
  let open = true;
  const render = () =>
    dom.root.render(
      <ImportStatus
        activity={null}
        outcome={open ? outcome : null}
        // A new callback on every render, as the app passes one.
        onDismiss={() => {
          open = false;
          render();
        }}
      />,
    );
  act(render);
  return { closed: () => !open && dom.container.querySelector('.import-report') === null };
}

const report = () => dom.container.querySelector<HTMLElement>('.import-report')!;
function wait(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('the import report', () => {
  it('closes itself once read when nothing went wrong, so it stops covering the view', () => {
    const shown = show(stored);
    expect(report().textContent).toContain('28 new articles');
    wait(CLEAN_REPORT_MS - 100);
    expect(shown.closed()).toBe(false);
    wait(200);
    expect(shown.closed()).toBe(true);
  });

  it('stays while the pointer is on it and closes after it leaves', () => {
    const shown = show(stored);
    // React listens for pointerenter through pointerover/pointerout on the dom.root.
    act(() => {
      report().dispatchEvent(
        new MouseEvent('pointerover', { bubbles: true, relatedTarget: document.body }),
      );
    });
    wait(CLEAN_REPORT_MS * 3);
    expect(shown.closed()).toBe(false);
    act(() => {
      report().dispatchEvent(
        new MouseEvent('pointerout', { bubbles: true, relatedTarget: document.body }),
      );
    });
    wait(CLEAN_REPORT_MS + 100);
    expect(shown.closed()).toBe(true);
  });

  it('keeps a report of bad files, a failure or a cancel until the analyst closes it', () => {
    const reports: ImportOutcome[] = [
      { ...stored, errors: [{ file: 'empty.txt', code: 'empty', message: 'The file is empty.' }] },
      { ...stored, failure: 'Saving failed: the disk is full.' },
      { ...stored, cancelled: { filesDone: 3, totalFiles: 10 } },
    ];
    for (const outcome of reports) {
      const shown = show(outcome);
      wait(CLEAN_REPORT_MS * 5);
      expect(shown.closed()).toBe(false);
      act(() => {
        report().querySelector('button')!.click();
      });
      expect(shown.closed()).toBe(true);
    }
  });
});
