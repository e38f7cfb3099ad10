/**
 * Reading comfort: the reader's font size, line width and theme, chosen by the analyst and
 * remembered across restarts. Kept in localStorage rather than Dexie: the settings belong to this
 * screen, not to the analyst's work, so backups and team sync never carry them, and reading them
 * is synchronous, so the article never flashes in the wrong size on open.
 *
 * What is stored is parsed with zod on the way in; anything unreadable falls back, field by field,
 * to the defaults rather than losing the fields that are fine.
 */
import { z } from 'zod';

/** Font sizes of the article text, in rem, smallest first; the default is the reader's old size. */
export const FONT_SIZES = [0.94, 1, 1.06, 1.12, 1.25, 1.4, 1.6] as const;

export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type LineWidth = (typeof LINE_WIDTHS)[number];

/** How wide the text column is, in rem, for each line width. */
export const LINE_WIDTH_REM: Record<LineWidth, number> = { narrow: 32, medium: 40, wide: 52 };

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type ReaderTheme = (typeof THEMES)[number];

export const THEME_LABEL: Record<ReaderTheme, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
};

export const LINE_WIDTH_LABEL: Record<LineWidth, string> = {
  narrow: 'Narrow',
  medium: 'Medium',
  wide: 'Wide',
};

export interface Comfort {
  /** An index into FONT_SIZES. */
  fontStep: number;
  lineWidth: LineWidth;
  theme: ReaderTheme;
}

export const DEFAULT_COMFORT: Comfort = { fontStep: 3, lineWidth: 'medium', theme: 'system' };

/** The localStorage key; versioned so that a later shape can read this one and move on. */
export const COMFORT_KEY = 'readout.reading-comfort.v1';

const stored = z.object({
  fontStep: z
    .number()
    .int()
    .min(0)
    .max(FONT_SIZES.length - 1)
    .catch(DEFAULT_COMFORT.fontStep),
  lineWidth: z.enum(LINE_WIDTHS).catch(DEFAULT_COMFORT.lineWidth),
  theme: z.enum(THEMES).catch(DEFAULT_COMFORT.theme),
});

/** The settings in a stored string; the defaults for what is missing or unreadable. */
export function parseComfort(raw: string | null): Comfort {
  if (!raw) return DEFAULT_COMFORT;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return DEFAULT_COMFORT;
  }
  const parsed = stored.safeParse(json);
  return parsed.success ? parsed.data : DEFAULT_COMFORT;
}

/** One font step larger (`by` 1) or smaller (-1), held inside the scale. */
export function stepFont(c: Comfort, by: 1 | -1): Comfort {
  const fontStep = Math.min(FONT_SIZES.length - 1, Math.max(0, c.fontStep + by));
  return fontStep === c.fontStep ? c : { ...c, fontStep };
}

/** The next value of a list, wrapping round: what a key press cycles to. */
export function nextOf<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length];
}

/**
 * The settings as the reader's CSS sees them: custom properties for size and width and a
 * data attribute for the theme (absent for "system", which follows the app's own colours).
 */
export function comfortStyle(c: Comfort): {
  style: Record<'--reader-font-size' | '--reader-width', string>;
  theme: Exclude<ReaderTheme, 'system'> | undefined;
} {
  return {
    style: {
      '--reader-font-size': `${FONT_SIZES[c.fontStep]}rem`,
      '--reader-width': `${LINE_WIDTH_REM[c.lineWidth]}rem`,
    },
    theme: c.theme === 'system' ? undefined : c.theme,
  };
}

/** Where settings are kept; localStorage in the app, a stand-in in tests. */
export interface ComfortStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The one place the reader's settings live while the app runs: every reader view reads it, and
 * a change is saved and shown at once. Saving never throws: a full or refused storage keeps the
 * setting for this session and says so on the console.
 */
export class ComfortStore {
  private current: Comfort;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: ComfortStorage | null) {
    let raw: string | null = null;
    try {
      raw = storage?.getItem(COMFORT_KEY) ?? null;
    } catch {
      raw = null;
    }
    this.current = parseComfort(raw);
  }

  get = (): Comfort => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(next: Comfort): void {
    if (next === this.current) return;
    this.current = next;
    try {
      this.storage?.setItem(COMFORT_KEY, JSON.stringify(next));
    } catch (error) {
      console.warn('reading comfort: could not save the settings', error);
    }
    this.listeners.forEach(l => l());
  }

  update(change: (c: Comfort) => Comfort): void {
    this.set(change(this.current));
  }
}
