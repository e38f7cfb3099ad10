import { useRef, useState } from 'react';
import { listShortcuts, useShortcut } from '../../shortcuts';
import {
  ALL_SHORTCUTS,
  shortcutList,
  type KeyCombo,
  type ListedShortcut,
  type ShortcutEntry,
} from './all-shortcuts';
import { useModalDialog } from './modal';
import './shortcut-help.css';

const mac = /Mac|iPhone|iPad/.test(navigator.platform);

const NAMED_KEYS: Record<string, string> = {
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ' ': 'Space',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

/** How a shortcut is written for the analyst: "Ctrl+Shift+Z", "Esc", "?", "Alt+↑". */
export function keyLabel(s: KeyCombo): string {
  const key = NAMED_KEYS[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  const parts = [s.mod && (mac ? 'Cmd' : 'Ctrl'), s.mod && s.shift && 'Shift', s.alt && 'Alt', key];
  return parts.filter(Boolean).join('+');
}

/** The keys of one entry: "1–8" for a range, "Alt+↑ / Alt+↓" for alternatives. */
function entryLabel(e: ShortcutEntry): string {
  if (e.range && e.keys.length > 1) {
    return `${keyLabel(e.keys[0])}–${keyLabel(e.keys[e.keys.length - 1])}`;
  }
  return e.keys.map(keyLabel).join(' / ');
}

const sectionId = (title: string) => `keys-${title.replace(/\W+/g, '-')}`;

/**
 * The `?` dialog: every shortcut of the app, view by view (all-shortcuts.ts), those that work in
 * the current view marked "here". What is registered is read when the dialog opens.
 */
export function ShortcutHelp() {
  const [open, setOpen] = useState<ReturnType<typeof shortcutList> | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useShortcut({
    key: '?',
    description: 'List every keyboard shortcut',
    group: 'General',
    run: () => setOpen(shortcutList(ALL_SHORTCUTS, listShortcuts())),
  });
  const close = useModalDialog(dialog, open !== null, () => setOpen(null));
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title">
      <header>
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <button type="button" onClick={close}>
          Close
        </button>
      </header>
      {open?.map(section => (
        <section key={section.title} aria-labelledby={sectionId(section.title)}>
          <h3 id={sectionId(section.title)}>{section.title}</h3>
          {section.note && <p className="shortcut-note">{section.note}</p>}
          <dl>
            {section.entries.map(e => (
              <ShortcutRow key={`${entryLabel(e)}-${e.description}`} entry={e} />
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}

function ShortcutRow({ entry }: { entry: ListedShortcut }) {
  return (
    <div className={entry.active ? 'shortcut-active' : undefined}>
      <dt>
        <kbd>{entryLabel(entry)}</kbd>
      </dt>
      <dd>
        {entry.description}
        {entry.active && <span className="shortcut-here"> · works here</span>}
      </dd>
    </div>
  );
}
