import { describe, expect, it } from 'vitest';
import { UndoStack, type Command } from './UndoStack';

/** A command that appends to / removes from a log, like a record written and deleted. */
function push(log: string[], value: string, mergeKey?: string): Command {
  return {
    label: `Add ${value}`,
    mergeKey,
    do: () => {
      log.push(value);
      return Promise.resolve();
    },
    undo: () => {
      log.splice(log.lastIndexOf(value), 1);
      return Promise.resolve();
    },
  };
}

/** A command that sets a value, merging consecutive sets into one step. */
function set(box: { v: string }, after: string): Command {
  const before = box.v;
  const make = (from: string, to: string): Command => ({
    label: 'Edit',
    mergeKey: 'box',
    do: () => Promise.resolve(void (box.v = to)),
    undo: () => Promise.resolve(void (box.v = from)),
    merge: next => make(from, (next as Command & { to: string }).to),
  });
  return Object.assign(make(before, after), { to: after });
}

describe('UndoStack', () => {
  it('undoes and redoes in order', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    await stack.execute(push(log, 'a'));
    await stack.execute(push(log, 'b'));
    expect(await stack.undo()).toBe('Add b');
    expect(log).toEqual(['a']);
    expect(await stack.undo()).toBe('Add a');
    expect(await stack.undo()).toBeNull();
    expect(log).toEqual([]);
    expect(await stack.redo()).toBe('Add a');
    expect(await stack.redo()).toBe('Add b');
    expect(await stack.redo()).toBeNull();
    expect(log).toEqual(['a', 'b']);
  });

  it('forgets the redo history when a new command runs', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    await stack.execute(push(log, 'a'));
    await stack.undo();
    await stack.execute(push(log, 'c'));
    expect(stack.getState()).toMatchObject({ canRedo: false, undoLabel: 'Add c' });
    expect(await stack.redo()).toBeNull();
  });

  it('folds consecutive commands with the same merge key into one step', async () => {
    const box = { v: '' };
    const stack = new UndoStack();
    await stack.execute(set(box, 'd'));
    await stack.execute(set(box, 'dr'));
    await stack.execute(set(box, 'draft'));
    await stack.undo();
    expect(box.v).toBe('');
    await stack.redo();
    expect(box.v).toBe('draft');
  });

  it('does not record a command that fails', async () => {
    const stack = new UndoStack();
    const failing: Command = {
      label: 'Broken',
      do: () => Promise.reject(new Error('disk full')),
      undo: () => Promise.resolve(),
    };
    await expect(stack.execute(failing)).rejects.toThrow('disk full');
    expect(stack.getState().canUndo).toBe(false);
  });

  it('runs commands one at a time even when called without waiting', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    const a = stack.execute(push(log, 'a'));
    const b = stack.execute(push(log, 'b'));
    const u = stack.undo();
    await Promise.all([a, b, u]);
    expect(log).toEqual(['a']);
  });

  it('keeps at most `limit` steps', async () => {
    const log: string[] = [];
    const stack = new UndoStack(2);
    for (const v of ['a', 'b', 'c']) await stack.execute(push(log, v));
    await stack.undo();
    await stack.undo();
    expect(await stack.undo()).toBeNull();
    expect(log).toEqual(['a']);
  });

  it('tells subscribers when its state changes', async () => {
    const stack = new UndoStack();
    let calls = 0;
    const off = stack.subscribe(() => calls++);
    await stack.execute(push([], 'a'));
    expect(calls).toBe(1);
    expect(stack.getState()).toEqual({
      canUndo: true,
      canRedo: false,
      undoLabel: 'Add a',
      redoLabel: null,
    });
    off();
  });
});
