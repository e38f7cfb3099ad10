// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JoinDetails } from '../../../src-main/sync/team-setup';
import { sampleHighlight, testDesk, type TestDesk } from '../../sync/testing';
import { ConflictBadge } from './ConflictBadge';
import { NeedsDecisionList, nextEntry } from './NeedsDecisionList';
import { TeamContext } from './team-context';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A team that is never reached: these tests stay on one desk, with conflicts written by hand. */
const TEAM: JoinDetails = {
  serverUrl: 'http://127.0.0.1:9',
  teamId: 'ui',
  database: 'readout-team-ui',
  members: [{ username: 'ana', password: 'unused-password' }],
};

let container: HTMLDivElement;
let root: Root;
let desk: TestDesk;

beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  desk = await testDesk(TEAM, 'ana');
  await desk.db.highlights.bulkPut([
    sampleHighlight('h1', 10, { note: 'Check the date with the embassy' }),
    sampleHighlight('h2', 11, { note: 'Second one' }),
  ]);
  await desk.db.syncConflicts.bulkPut([
    {
      id: 'highlight:h1|note',
      docId: 'highlight:h1',
      field: 'note',
      values: [
        { value: 'Check the date with the embassy', by: 'ana', at: 20 },
        { value: 'The ministers met twice', by: 'ben', at: 21 },
      ],
    },
    {
      id: 'highlight:h2|note',
      docId: 'highlight:h2',
      field: 'note',
      values: [
        { value: 'Second one', by: 'ana', at: 20 },
        { value: 'Ben’s second', by: 'ben', at: 22 },
      ],
    },
  ]);
  // The setup above is not the analyst's work: only what the test's clicks queue counts.
  await desk.db.syncOutbox.clear();
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  desk.db.close();
});

/** Waits until the live queries have rendered what `check` looks for. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(() => new Promise(done => setTimeout(done, 10)));
  }
  expect(check()).toBe(true);
}

function buttons(name: RegExp): HTMLButtonElement[] {
  return [...container.querySelectorAll('button')].filter(b =>
    name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
}

describe('NeedsDecisionList', () => {
  it('shows both values with their authors and clears an entry when the analyst keeps theirs', async () => {
    act(() =>
      root.render(
        <TeamContext.Provider value={desk}>
          <NeedsDecisionList />
        </TeamContext.Provider>,
      ),
    );
    await until(() => container.querySelectorAll('.decision-card').length === 2);
    const first = container.querySelector('.decision-card')!;
    expect(first.textContent).toContain('Highlight · Note');
    expect(first.textContent).toContain('You');
    expect(first.textContent).toContain('ben');
    expect(first.textContent).toContain('The ministers met twice');
    await until(() => first.textContent?.includes('the two ministers agreed to meet') ?? false);

    act(() => buttons(/^Keep theirs: The ministers met twice$/)[0].click());
    await until(() => container.querySelectorAll('.decision-card').length === 1);
    expect((await desk.db.highlights.get('h1'))?.note).toBe('The ministers met twice');
    expect(await desk.db.syncOutbox.count()).toBe(1);
  });

  it('moves between entries with the arrow keys, from the one Tab stop', async () => {
    act(() =>
      root.render(
        <TeamContext.Provider value={desk}>
          <NeedsDecisionList />
        </TeamContext.Provider>,
      ),
    );
    await until(() => container.querySelectorAll('.decision-card').length === 2);
    const cards = [...container.querySelectorAll<HTMLElement>('.decision-card')];
    expect(cards.map(c => c.tabIndex)).toEqual([0, -1]);
    cards[0].focus();
    act(() => {
      cards[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(document.activeElement).toBe(cards[1]);
  });

  it('says there is nothing to decide when every edit merged', async () => {
    await desk.db.syncConflicts.clear();
    act(() =>
      root.render(
        <TeamContext.Provider value={desk}>
          <NeedsDecisionList />
        </TeamContext.Provider>,
      ),
    );
    await until(() => container.textContent?.includes('Nothing to decide') ?? false);
  });
});

describe('ConflictBadge', () => {
  it('opens the entry in place, saves the analyst’s own text and disappears', async () => {
    act(() =>
      root.render(
        <TeamContext.Provider value={desk}>
          <ConflictBadge on={{ table: 'highlights', key: 'h1' }} />
        </TeamContext.Provider>,
      ),
    );
    await until(() => buttons(/^Conflict on Note: decide$/).length === 1);
    expect(container.querySelector('.decision-card')).toBeNull();
    act(() => buttons(/^Conflict on Note/)[0].click());
    act(() => buttons(/^Edit$/)[0].click());
    const textarea = container.querySelector('textarea')!;
    expect(textarea.value).toBe('Check the date with the embassy');
    act(() => {
      const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      set.call(textarea, 'Met twice; date unclear');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => buttons(/^Save$/)[0].click());
    await until(() => buttons(/^Conflict/).length === 0);
    expect((await desk.db.highlights.get('h1'))?.note).toBe('Met twice; date unclear');
  });

  it('shows nothing without a team', async () => {
    act(() => root.render(<ConflictBadge on={{ table: 'highlights', key: 'h1' }} />));
    await act(() => new Promise(done => setTimeout(done, 50)));
    expect(container.innerHTML).toBe('');
  });
});

describe('nextEntry', () => {
  it('stops at the ends and jumps with Home and End', () => {
    expect(nextEntry('ArrowDown', 2, 3)).toBe(2);
    expect(nextEntry('ArrowUp', 0, 3)).toBe(0);
    expect(nextEntry('End', 0, 3)).toBe(2);
    expect(nextEntry('Home', 2, 3)).toBe(0);
    expect(nextEntry('a', 0, 3)).toBeNull();
  });
});
