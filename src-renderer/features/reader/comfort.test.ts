import { describe, expect, it, vi } from 'vitest';
import {
  COMFORT_KEY,
  ComfortStore,
  comfortStyle,
  DEFAULT_COMFORT,
  FONT_SIZES,
  nextOf,
  parseComfort,
  stepFont,
  THEMES,
  type ComfortStorage,
} from './comfort';

function memory(initial?: string): ComfortStorage & { data: Map<string, string> } {
  const data = new Map<string, string>(initial ? [[COMFORT_KEY, initial]] : []);
  return {
    data,
    getItem: key => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('parseComfort', () => {
  it('reads stored settings', () => {
    expect(parseComfort('{"fontStep":5,"lineWidth":"wide","theme":"sepia"}')).toEqual({
      fontStep: 5,
      lineWidth: 'wide',
      theme: 'sepia',
    });
  });

  it('keeps the readable fields and defaults the rest', () => {
    expect(parseComfort('{"fontStep":99,"lineWidth":"wide","theme":"purple"}')).toEqual({
      ...DEFAULT_COMFORT,
      lineWidth: 'wide',
    });
  });

  it('gives the defaults for nothing, broken JSON or a non-object', () => {
    expect(parseComfort(null)).toEqual(DEFAULT_COMFORT);
    expect(parseComfort('{oops')).toEqual(DEFAULT_COMFORT);
    expect(parseComfort('42')).toEqual(DEFAULT_COMFORT);
  });
});

describe('stepFont', () => {
  it('steps up and down and stops at the ends of the scale', () => {
    expect(stepFont(DEFAULT_COMFORT, 1).fontStep).toBe(DEFAULT_COMFORT.fontStep + 1);
    const largest = { ...DEFAULT_COMFORT, fontStep: FONT_SIZES.length - 1 };
    expect(stepFont(largest, 1)).toBe(largest);
    const smallest = { ...DEFAULT_COMFORT, fontStep: 0 };
    expect(stepFont(smallest, -1)).toBe(smallest);
  });
});

describe('nextOf', () => {
  it('cycles through the themes and back to the first', () => {
    expect(nextOf(THEMES, 'dark')).toBe('sepia');
    expect(nextOf(THEMES, 'sepia')).toBe('system');
  });
});

describe('comfortStyle', () => {
  it('gives size and width as custom properties and no theme for "system"', () => {
    expect(comfortStyle(DEFAULT_COMFORT)).toEqual({
      style: { '--reader-font-size': '1.12rem', '--reader-width': '40rem' },
      theme: undefined,
    });
    expect(comfortStyle({ ...DEFAULT_COMFORT, theme: 'dark' }).theme).toBe('dark');
  });
});

describe('ComfortStore', () => {
  it('remembers a change for the next start and tells its readers', () => {
    const storage = memory();
    const store = new ComfortStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);
    store.update(c => ({ ...c, theme: 'sepia' }));
    expect(listener).toHaveBeenCalledOnce();
    expect(new ComfortStore(storage).get().theme).toBe('sepia');
  });

  it('keeps working for the session when storage refuses to save', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = new ComfortStore({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    });
    expect(store.get()).toEqual(DEFAULT_COMFORT);
    store.update(c => stepFont(c, 1));
    expect(store.get().fontStep).toBe(DEFAULT_COMFORT.fontStep + 1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
