/**
 * Every keyboard shortcut of the app, view by view, for the `?` list. The registry in
 * shortcuts.ts only knows the shortcuts of what is mounted now (the reader's keys exist only
 * while an article is open), yet the analyst asking `?` in the library wants to learn the
 * reader's keys too; and some keys are handled by one control rather than the registry (a
 * meeting field row's Enter and X, the menu's accelerators). So the list is written down here,
 * and a test reads the sources to check that every registered key is in it.
 */
import type { Shortcut } from '../../shortcuts';

/** One key combination. `alt` only for keys a control handles itself. */
export interface KeyCombo {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface ShortcutEntry {
  /** The keys; two or more with `range` are shown as "1–8". */
  keys: KeyCombo[];
  range?: boolean;
  description: string;
}

export interface ShortcutSection {
  /** Where the keys work: "Everywhere", "Reader"… */
  title: string;
  /** A line under the title, when where is not obvious. */
  note?: string;
  entries: ShortcutEntry[];
}

const digits = Array.from({ length: 8 }, (_, i) => ({ key: String(i + 1) }));

/** The whole list, in the order the `?` dialog shows it. */
export const ALL_SHORTCUTS: readonly ShortcutSection[] = [
  {
    title: 'Everywhere',
    entries: [
      { keys: [{ key: '?' }], description: 'List every keyboard shortcut' },
      { keys: [{ key: '/' }], description: 'Search articles, highlights and notes' },
      { keys: [{ key: 'Escape' }], description: 'Close, leave a field, or clear the selection' },
      { keys: [{ key: 'z', mod: true }], description: 'Undo' },
      { keys: [{ key: 'z', mod: true, shift: true }], description: 'Redo' },
      {
        keys: [{ key: 'd' }],
        description: 'Open the team: sync status and Needs your decision',
      },
    ],
  },
  {
    title: 'Library',
    entries: [
      { keys: [{ key: 'j' }], description: 'Next article' },
      { keys: [{ key: 'k' }], description: 'Previous article' },
      { keys: [{ key: 'v', mod: true }], description: 'Paste text or a web page as a new article' },
      { keys: [{ key: 'o', mod: true }], description: 'Import files (desktop menu)' },
      {
        keys: [{ key: 'o', mod: true, shift: true }],
        description: 'Import a folder (desktop menu)',
      },
    ],
  },
  {
    title: 'Library list',
    note: 'While the list of articles has the focus (one Tab stop; the list handles these keys itself)',
    entries: [
      { keys: [{ key: 'ArrowDown' }, { key: 'ArrowUp' }], description: 'Next or previous article' },
      { keys: [{ key: 'Home' }, { key: 'End' }], description: 'First or last article' },
      { keys: [{ key: 'PageDown' }, { key: 'PageUp' }], description: 'Ten articles down or up' },
      {
        keys: [
          { key: 'ArrowDown', shift: true },
          { key: 'ArrowUp', shift: true },
        ],
        description: 'Extend the selection',
      },
      { keys: [{ key: ' ' }], description: 'Select or unselect this article' },
      { keys: [{ key: 'a', mod: true }], description: 'Select every article shown' },
      { keys: [{ key: 'Enter' }], description: 'Open the article' },
      { keys: [{ key: 'Delete' }], description: 'Move the selected articles to the trash' },
    ],
  },
  {
    title: 'Reader',
    note: 'With an article open',
    entries: [
      { keys: [{ key: ']' }], description: 'Select the next sentence' },
      { keys: [{ key: '[' }], description: 'Select the previous sentence' },
      { keys: [{ key: '}' }], description: 'Extend the selection by the next sentence' },
      { keys: [{ key: 'h' }], description: 'Highlight the selection (last colour used)' },
      {
        keys: digits,
        range: true,
        description: 'Highlight as, or recolour to, that colour',
      },
      {
        keys: [{ key: 'n' }],
        description: 'Write a note on the selection, the selected highlight or the article',
      },
      { keys: [{ key: 'Delete' }], description: 'Delete the selected highlight (to the trash)' },
      { keys: [{ key: 'm' }], description: 'Add a meeting from the selected sentence' },
      { keys: [{ key: 'b' }], description: 'Back to the meeting a source was opened from' },
    ],
  },
  {
    title: 'Reading comfort',
    note: 'With an article open; remembered',
    entries: [
      { keys: [{ key: '+' }], description: 'Larger text' },
      { keys: [{ key: '-' }], description: 'Smaller text' },
      { keys: [{ key: 'w' }], description: 'Next line width (narrow, medium, wide)' },
      { keys: [{ key: 't' }], description: 'Next reading theme (system, light, dark, sepia)' },
    ],
  },
  {
    title: 'Meetings',
    note: 'With a meeting open',
    entries: [
      { keys: [{ key: 'b' }], description: 'Brief the open meeting (the Briefing view)' },
      { keys: [{ key: 'e' }], description: 'Export a briefing of the open meeting' },
      { keys: [{ key: 'Enter' }], description: 'Confirm the focused field and go to the next' },
      { keys: [{ key: 'x' }], description: 'Reject the focused field and go to the next' },
    ],
  },
  {
    title: 'Needs your decision',
    note: 'In the team dialog, while an entry has the focus (one Tab stop; the list handles these keys)',
    entries: [
      { keys: [{ key: 'ArrowDown' }, { key: 'ArrowUp' }], description: 'Next or previous entry' },
      { keys: [{ key: 'Home' }, { key: 'End' }], description: 'First or last entry' },
      { keys: [{ key: 'Tab' }], description: 'Into the entry: Keep mine, Keep theirs, Edit' },
    ],
  },
  {
    title: 'Briefing',
    entries: [
      {
        keys: [
          { key: 'ArrowUp', alt: true },
          { key: 'ArrowDown', alt: true },
        ],
        description: 'Move the focused key point up or down',
      },
    ],
  },
];

function sameCombo(a: KeyCombo, b: KeyCombo): boolean {
  return (
    a.key.toLowerCase() === b.key.toLowerCase() &&
    !!a.mod === !!b.mod &&
    !!a.shift === !!b.shift &&
    !!a.alt === !!b.alt
  );
}

/** An entry of the `?` list with whether its keys work in the view on screen now. */
export interface ListedShortcut extends ShortcutEntry {
  active: boolean;
}

/**
 * The `?` list: every section of `all`, each entry marked active when a shortcut registered now
 * has its keys and description; registered shortcuts the list does not know (a feature added
 * later) are shown too, under their own group, so nothing that works is missing from `?`.
 */
export function shortcutList(
  all: readonly ShortcutSection[],
  registered: readonly Shortcut[],
): { title: string; note?: string; entries: ListedShortcut[] }[] {
  const isActive = (e: ShortcutEntry) =>
    registered.some(r => e.keys.some(k => sameCombo(k, r)) && describes(e, r));
  const known = (r: Shortcut) =>
    all.some(s => s.entries.some(e => e.keys.some(k => sameCombo(k, r)) && describes(e, r)));
  const sections = all.map(s => ({
    ...s,
    entries: s.entries.map(e => ({ ...e, active: isActive(e) })),
  }));
  const extra = new Map<string, ListedShortcut[]>();
  for (const r of registered) {
    if (known(r)) continue;
    const entry = {
      keys: [{ key: r.key, mod: r.mod, shift: r.shift }],
      description: r.description,
      active: true,
    };
    extra.set(r.group, [...(extra.get(r.group) ?? []), entry]);
  }
  return [...sections, ...[...extra].map(([title, entries]) => ({ title, entries }))];
}

/** A ranged entry (colour keys) stands for registered shortcuts whose descriptions name a colour. */
function describes(e: ShortcutEntry, r: Shortcut): boolean {
  return e.range ? true : e.description === r.description;
}
