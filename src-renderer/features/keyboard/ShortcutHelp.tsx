import { useRef, useState } from 'react';
import { listShortcuts, useShortcut, type Shortcut } from '../../shortcuts';
import { useModalDialog } from './modal';

const mac = /Mac|iPhone|iPad/.test(navigator.platform);

/** How a shortcut is written for the analyst: "Ctrl+Shift+Z", "Esc", "?". */
export function keyLabel(s: Pick<Shortcut, 'key' | 'mod' | 'shift'>): string {
  const key = s.key === 'Escape' ? 'Esc' : s.key.length === 1 ? s.key.toUpperCase() : s.key;
  const parts = [s.mod && (mac ? 'Cmd' : 'Ctrl'), s.mod && s.shift && 'Shift', key];
  return parts.filter(Boolean).join('+');
}

function grouped(list: Shortcut[]): [string, Shortcut[]][] {
  const groups = new Map<string, Shortcut[]>();
  for (const s of list) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The `?` dialog: every registered shortcut, grouped. The list is read when the dialog opens, so
 * it shows exactly what is active in the current view.
 */
export function ShortcutHelp() {
  const [open, setOpen] = useState<Shortcut[] | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useShortcut({
    key: '?',
    description: 'List every keyboard shortcut',
    group: 'General',
    run: () => setOpen(listShortcuts()),
  });
  useModalDialog(dialog, open !== null);
  return (
    <dialog
      ref={dialog}
      className="shortcut-help"
      aria-labelledby="shortcut-help-title"
      onClose={() => setOpen(null)}
    >
      <header>
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      {open &&
        grouped(open).map(([group, list]) => (
          <section key={group} aria-labelledby={`keys-${group.replace(/\W+/g, '-')}`}>
            <h3 id={`keys-${group.replace(/\W+/g, '-')}`}>{group}</h3>
            <dl>
              {list.map(s => (
                <div key={`${keyLabel(s)}-${s.description}`}>
                  <dt>
                    <kbd>{keyLabel(s)}</kbd>
                  </dt>
                  <dd>{s.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
    </dialog>
  );
}
