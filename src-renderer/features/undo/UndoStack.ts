/**
 * An undo history of commands. Each command knows how to do and undo itself against the store;
 * the stack only orders them. Commands run one at a time (a queue), so a fast Ctrl+Z Ctrl+Z never
 * interleaves two database writes.
 */

export interface Command {
  /** Said back to the analyst: "Undid Delete highlight". */
  label: string;
  /**
   * Consecutive commands with the same key fold into one entry (autosaves of one note become one
   * "Edit note" step instead of one per pause in typing).
   */
  mergeKey?: string;
  /** Resolves to a notice for the analyst when it could not do all of it (compare-and-set). */
  do(): Promise<void | string | undefined>;
  undo(): Promise<void | string | undefined>;
  /** Folds `next` (same mergeKey, done after this) into one command. */
  merge?(next: Command): Command;
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export class UndoStack {
  private done: Command[] = [];
  private undone: Command[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<() => void>();
  private snapshot: UndoState = {
    canUndo: false,
    canRedo: false,
    undoLabel: null,
    redoLabel: null,
  };

  constructor(private readonly limit = 200) {}

  /** Runs a command and records it. A command that throws is not recorded; the error is rethrown. */
  execute(command: Command): Promise<void> {
    return this.enqueue(async () => {
      await command.do();
      const top = this.done.at(-1);
      if (top && command.mergeKey && top.mergeKey === command.mergeKey && top.merge) {
        this.done[this.done.length - 1] = top.merge(command);
      } else {
        this.done.push(command);
        if (this.done.length > this.limit) this.done.shift();
      }
      this.undone = [];
    });
  }

  /**
   * Undoes the last command; resolves to its label (with the command's notice, e.g. a field a
   * colleague changed since, in brackets), or null when there was nothing to undo.
   */
  undo(): Promise<string | null> {
    return this.enqueue(async () => {
      const command = this.done.at(-1);
      if (!command) return null;
      const notice = await command.undo();
      this.done.pop();
      this.undone.push(command);
      return notice ? `${command.label} (${notice})` : command.label;
    });
  }

  /** Redoes the last undone command; resolves to its label, or null when there was none. */
  redo(): Promise<string | null> {
    return this.enqueue(async () => {
      const command = this.undone.at(-1);
      if (!command) return null;
      const notice = await command.do();
      this.undone.pop();
      this.done.push(command);
      return notice ? `${command.label} (${notice})` : command.label;
    });
  }

  /** The current state; the same object until something changes (for useSyncExternalStore). */
  getState = (): UndoState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.then(
      () => this.changed(),
      () => this.changed(),
    );
    return run;
  }

  private changed(): void {
    const undo = this.done.at(-1) ?? null;
    const redo = this.undone.at(-1) ?? null;
    this.snapshot = {
      canUndo: undo !== null,
      canRedo: redo !== null,
      undoLabel: undo?.label ?? null,
      redoLabel: redo?.label ?? null,
    };
    this.listeners.forEach(l => l());
  }
}
