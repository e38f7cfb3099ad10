/**
 * The briefing's typefaces: DejaVu from the `dejavu-fonts-ttf` npm package, embedded (subset) in
 * every PDF so names such as Erdoğan and Лавров print on any machine, and Noto Sans SC (from
 * `@expo-google-fonts/noto-sans-sc`, Regular only) as the fallback for Chinese and Japanese text
 * DejaVu has no glyphs for (see fallback.ts). Fonts are parsed once with
 * fontkit and handed to pdfkit as parsed objects: re-parsing the TTFs for every document costs
 * about five times the rest of a briefing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

import type { FontRole } from '../contract';

export type { FontRole };

/** The roles set in DejaVu; `cjk` is the one fallback face from another package. */
export type DejaVuRole = Exclude<FontRole, 'cjk'>;

/** DejaVu file behind each role, as named in the package's `ttf/` folder. */
export const FONT_FILES: Record<DejaVuRole, string> = {
  heading: 'DejaVuSans-Bold.ttf',
  label: 'DejaVuSansCondensed-Bold.ttf',
  body: 'DejaVuSerifCondensed.ttf',
  bodyBold: 'DejaVuSerifCondensed-Bold.ttf',
  italic: 'DejaVuSerifCondensed-Italic.ttf',
  meta: 'DejaVuSansCondensed.ttf',
};

/** Parsed fonts, one per role; pass the same object to every render to keep them warm. */
export type BriefingFonts = Record<FontRole, fontkit.Font>;

export type FontSource =
  /** A folder holding the DejaVu files; the CJK face comes from its npm package. */
  | { fontDir: string; cjkFile?: string }
  /** Explicit file paths, one per role. */
  | { files: Record<FontRole, string> };

/** The `ttf/` folder of the installed `dejavu-fonts-ttf` package. */
export function defaultFontDir(): string {
  // CommonJS builds (electron-vite main, tsx) have __filename; ESM (vitest) has import.meta.url.
  const from = typeof __filename === 'string' ? __filename : import.meta.url;
  const pkg = createRequire(from).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(pkg), 'ttf');
}

/**
 * The Regular Noto Sans SC TTF of the installed `@expo-google-fonts/noto-sans-sc` package (10.6 MB
 * on disk; pdfkit embeds only the glyphs a briefing uses). It covers CJK ideographs, kana, Latin
 * and Cyrillic, not Hangul.
 */
export function defaultCjkFontFile(): string {
  const from = typeof __filename === 'string' ? __filename : import.meta.url;
  const pkg = createRequire(from).resolve('@expo-google-fonts/noto-sans-sc/package.json');
  return join(dirname(pkg), '400Regular', 'NotoSansSC_400Regular.ttf');
}

/**
 * Reads and parses the briefing fonts. Throws an Error naming the file when one is missing or is
 * not a single TrueType font.
 */
export function loadBriefingFonts(
  source: FontSource = { fontDir: defaultFontDir() },
): BriefingFonts {
  const roles = Object.keys(FONT_FILES) as DejaVuRole[];
  const entries = roles.map(role => {
    const file = 'files' in source ? source.files[role] : join(source.fontDir, FONT_FILES[role]);
    return [role, parseFont(file)] as const;
  });
  const cjkFile = 'files' in source ? source.files.cjk : (source.cjkFile ?? defaultCjkFontFile());
  return { ...Object.fromEntries(entries), cjk: parseFont(cjkFile) } as BriefingFonts;
}

function parseFont(file: string): fontkit.Font {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(
      `cannot read briefing font ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let font: fontkit.Font | fontkit.FontCollection;
  try {
    font = fontkit.create(bytes);
  } catch {
    throw new Error(`briefing font ${file} is not a TrueType font`);
  }
  if ('fonts' in font) throw new Error(`briefing font ${file} is a collection, expected one font`);
  return font;
}
