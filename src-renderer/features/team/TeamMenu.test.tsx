// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/result';
import { NOT_IN_TEAM } from './chip-text';
import { formProblem, type JoinDetailsForm } from './JoinForm';
import { TeamMenu, type TeamControls } from './TeamMenu';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeAll(() => {
  // jsdom has <dialog> without showModal.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(b => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function type(name: string, value: string): void {
  const input = container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const GOOD: JoinDetailsForm = {
  serverUrl: 'https://couch.example.org:6984',
  teamId: 'ankara-desk',
  username: 'ana',
  password: 'correct horse',
};

describe('TeamMenu', () => {
  it('sends the join details once they are well formed and shows the server’s refusal', async () => {
    const sent: JoinDetailsForm[] = [];
    const team: TeamControls = {
      status: NOT_IN_TEAM,
      joined: null,
      join: async form => {
        sent.push(form);
        return { ok: false, error: { code: 'forbidden', message: 'Wrong user name or password.' } };
      },
      leave: async () => ({ ok: true, value: null }),
    };
    act(() => root.render(<TeamMenu team={team} />));
    act(() => button('Team…').click());
    type('serverUrl', 'couch.example.org');
    await act(async () => button('Join').click());
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/address such as/);
    expect(sent).toEqual([]);

    type('serverUrl', ` ${GOOD.serverUrl} `);
    type('teamId', GOOD.teamId);
    type('username', GOOD.username);
    type('password', GOOD.password);
    await act(async () => button('Join').click());
    expect(sent).toEqual([GOOD]);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Wrong user name or password.',
    );
    expect(container.querySelector<HTMLInputElement>('input[name="password"]')?.value).toBe(
      GOOD.password,
    );
  });

  it('shows the sync state on the chip and announces conflicts in the live region', () => {
    const team: TeamControls = {
      status: {
        state: 'offline',
        pending: 2,
        setAside: 0,
        conflicts: 1,
        lastSyncAt: null,
        message: 'Gone.',
      },
      joined: { teamId: GOOD.teamId, username: 'ana' },
      join: async () => ({ ok: true, value: null }) as Result<unknown>,
      leave: async () => ({ ok: true, value: null }),
    };
    act(() => root.render(<TeamMenu team={team} />));
    expect(container.querySelector('.sync-chip')?.textContent).toBe(
      'Offline · 2 pending · 1 conflict',
    );
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Team sync: offline, 1 field needs your decision. Gone.',
    );
  });

  it('counts edits that cannot be sent on the chip and explains them in its tooltip', () => {
    const team: TeamControls = {
      status: {
        state: 'synced',
        pending: 0,
        setAside: 2,
        conflicts: 0,
        lastSyncAt: null,
        message: null,
      },
      joined: { teamId: GOOD.teamId, username: 'ana' },
      join: async () => ({ ok: true, value: null }) as Result<unknown>,
      leave: async () => ({ ok: true, value: null }),
    };
    act(() => root.render(<TeamMenu team={team} />));
    const chip = container.querySelector('.sync-chip');
    expect(chip?.textContent).toBe('Synced · 2 cannot send');
    expect(chip?.getAttribute('title')).toMatch(/newer version of Readout, or is damaged/);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Team sync: synced, 2 edits cannot be sent',
    );
  });

  it('asks before leaving, then leaves', async () => {
    let left = 0;
    const team: TeamControls = {
      status: {
        state: 'synced',
        pending: 0,
        setAside: 0,
        conflicts: 0,
        lastSyncAt: null,
        message: null,
      },
      joined: { teamId: GOOD.teamId, username: 'ana' },
      join: async () => ({ ok: true, value: null }),
      leave: async () => {
        left++;
        return { ok: true, value: null };
      },
    };
    act(() => root.render(<TeamMenu team={team} />));
    act(() => button('Synced').click());
    act(() => button('Leave the team…').click());
    expect(left).toBe(0);
    await act(async () => button('Leave').click());
    expect(left).toBe(1);
  });
});

describe('formProblem', () => {
  it('accepts the details readout team setup prints and names the first wrong field', () => {
    expect(formProblem(GOOD)).toBeNull();
    expect(formProblem({ ...GOOD, serverUrl: 'ftp://x' })).toMatch(/address/);
    expect(formProblem({ ...GOOD, teamId: 'Ankara Desk' })).toMatch(/team/);
    expect(formProblem({ ...GOOD, username: 'Ana Smith' })).toMatch(/user name/);
    expect(formProblem({ ...GOOD, password: '' })).toMatch(/password/);
  });
});
