/**
 * Font fallback for briefing text. DejaVu has no CJK glyphs, so a Chinese or Japanese title
 * printed in it comes out as empty boxes (.notdef). Each string is cut into runs: characters the
 * role's DejaVu face has stay in it, characters only the CJK face has become a CJK run, and
 * characters neither face has (colour emoji, Hangul, Thai, Devanagari…) are replaced by a visible
 * placeholder instead of an invisible box. The pen draws every run in its own face, so pdfkit
 * measures and wraps each run with the face it paints it in.
 */
import type * as fontkit from 'fontkit';

/** One stretch of text to set in one face. */
export interface FaceRun {
  readonly text: string;
  /** True when the run is set in the CJK fallback face instead of the role's own face. */
  readonly cjk: boolean;
}

/** Shown for a character no embedded face can draw (U+FFFD, the Unicode replacement mark). */
export const PLACEHOLDER = '\uFFFD';

/** Plain ASCII is in every DejaVu face: the common case skips the per-character checks. */
const ASCII = /^[\x20-\x7e\n\t]*$/;
/** Controls, format characters (ZWJ, variation selectors' neighbours) and spaces need no glyph. */
const NO_GLYPH = /^[\p{Cc}\p{Cf}\p{Z}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function covers(font: fontkit.Font, cluster: string): boolean {
  for (const char of cluster) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) continue;
    if (NO_GLYPH.test(char)) continue;
    if (!font.hasGlyphForCodePoint(code)) return false;
  }
  return true;
}

/**
 * Recent answers per role face (the fonts are loaded once and reused, so the CJK face is the same
 * for a given role face): the fitter draws the same strings at every step of its ladder.
 */
const cache = new WeakMap<fontkit.Font, Map<string, readonly FaceRun[]>>();
const CACHE_LIMIT = 500;

/**
 * Splits `text` into runs for `primary` (the role's face) and `cjk`. A whole grapheme (a letter
 * with its marks, an emoji with its modifiers) goes to the first face that has every glyph of it,
 * or becomes one PLACEHOLDER in the primary run. Adjacent graphemes of the same face are merged,
 * so text DejaVu covers comes back as the single run it was.
 */
export function faceRuns(
  text: string,
  primary: fontkit.Font,
  cjk: fontkit.Font,
): readonly FaceRun[] {
  if (ASCII.test(text) || covers(primary, text)) return [{ text, cjk: false }];
  let known = cache.get(primary);
  if (!known) cache.set(primary, (known = new Map()));
  const hit = known.get(text);
  if (hit) return hit;
  const runs = splitRuns(text, primary, cjk);
  if (known.size >= CACHE_LIMIT) known.clear();
  known.set(text, runs);
  return runs;
}

function splitRuns(text: string, primary: fontkit.Font, cjk: fontkit.Font): FaceRun[] {
  const runs: { text: string; cjk: boolean }[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const last = runs.at(-1);
    // Spaces and format characters stay with the run before them: no needless font switches.
    if (last && [...segment].every(char => NO_GLYPH.test(char))) {
      last.text += segment;
      continue;
    }
    let piece = segment;
    let inCjk = false;
    if (!covers(primary, segment)) {
      if (covers(cjk, segment)) inCjk = true;
      else piece = primary.hasGlyphForCodePoint(PLACEHOLDER.codePointAt(0)!) ? PLACEHOLDER : '?';
    }
    if (last && last.cjk === inCjk) last.text += piece;
    else runs.push({ text: piece, cjk: inCjk });
  }
  return runs.length > 0 ? runs : [{ text, cjk: false }];
}
