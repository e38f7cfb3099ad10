import { describe, expect, it } from 'vitest';
import { moveIndex } from '../library/selection';
import type { Shortcut } from '../../shortcuts';
import { ALL_SHORTCUTS, shortcutList } from './all-shortcuts';

/** The renderer's sources, as text (Vite reads them; the renderer has no Node types). */
const SOURCES = import.meta.glob<string>(
  ['../../**/*.ts', '../../**/*.tsx', '!../../**/*.test.*'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** Every `useShortcut({ key: '…', … description: '…' })` written with literals in the renderer. */
function registeredInSources(): {
  file: string;
  key: string;
  mod: boolean;
  shift: boolean;
  description: string;
}[] {
  const found = [];
  for (const [file, text] of Object.entries(SOURCES)) {
    for (const m of text.matchAll(/useShortcut\(\s*\{([\s\S]*?)\brun:/g)) {
      const body = m[1];
      const key = /key: '([^']+)'/.exec(body)?.[1];
      const description = /description: '([^']+)'/.exec(body)?.[1];
      if (!key || !description) continue;
      found.push({
        file,
        key,
        mod: /mod: true/.test(body),
        shift: /shift: true/.test(body),
        description,
      });
    }
  }
  return found;
}

const entries = ALL_SHORTCUTS.flatMap(s => s.entries);

describe('ALL_SHORTCUTS', () => {
  it('lists every shortcut registered anywhere in the renderer, with its keys', () => {
    const registered = registeredInSources();
    expect(registered.length).toBeGreaterThan(15);
    const missing = registered.filter(
      r =>
        !entries.some(
          e =>
            e.description === r.description &&
            e.keys.some(k => k.key === r.key && !!k.mod === r.mod && !!k.shift === r.shift),
        ),
    );
    expect(missing).toEqual([]);
  });

  it('gives each view its own section, including the reader and meetings', () => {
    expect(ALL_SHORTCUTS.map(s => s.title)).toEqual(
      expect.arrayContaining(['Everywhere', 'Library', 'Reader', 'Reading comfort', 'Meetings']),
    );
  });

  it("lists every key the library list handles itself, so '?' teaches the list's keyboard", () => {
    const list = ALL_SHORTCUTS.find(s => s.title === 'Library list');
    const keys = new Set(list?.entries.flatMap(e => e.keys.map(k => k.key)) ?? []);
    const navigation = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp', 'Tab'].filter(
      key => moveIndex(key, 5, 20) !== null,
    );
    expect(navigation).toHaveLength(6);
    for (const key of [...navigation, ' ', 'Enter', 'Delete', 'a']) expect(keys).toContain(key);
  });
});

const shortcut = (s: Partial<Shortcut>): Shortcut => ({
  key: 'x',
  description: 'x',
  group: 'G',
  run: () => {},
  ...s,
});

describe('shortcutList', () => {
  it("lists the reader's keys while the library is on screen, marked as not working here", () => {
    const library = [shortcut({ key: 'j', description: 'Next article', group: 'Reading' })];
    const list = shortcutList(ALL_SHORTCUTS, library);
    const reader = list.find(s => s.title === 'Reader')!;
    expect(reader.entries.map(e => e.description)).toContain('Select the next sentence');
    expect(reader.entries.every(e => !e.active)).toBe(true);
    const next = list
      .find(s => s.title === 'Library')!
      .entries.find(e => e.description === 'Next article');
    expect(next?.active).toBe(true);
  });

  it('marks the colour keys active when any colour shortcut is registered', () => {
    const colour = shortcut({ key: '3', description: 'Highlight as, or recolour to, Doubt' });
    const entry = shortcutList(ALL_SHORTCUTS, [colour])
      .flatMap(s => s.entries)
      .find(e => e.range);
    expect(entry?.active).toBe(true);
  });

  it('shows a registered shortcut the list does not know under its own group', () => {
    const extra = shortcut({ key: 'q', description: 'Quietly do a new thing', group: 'New' });
    const list = shortcutList(ALL_SHORTCUTS, [extra]);
    expect(list.at(-1)).toEqual({
      title: 'New',
      entries: [
        {
          keys: [{ key: 'q', mod: undefined, shift: undefined }],
          description: 'Quietly do a new thing',
          active: true,
        },
      ],
    });
  });
});
