/**
 * File names for briefings: `YYYY-MM-DD-place-title.pdf`, ASCII only, so the name survives any
 * file system, mail gateway or USB stick an analyst hands it over on.
 */
import type { Meeting } from '../contract';

/** Longest name proposed, before `.pdf`; well under every file system's 255-byte limit. */
export const MAX_FILE_STEM = 100;

const TRANSLIT: Record<string, string> = {
  // Letters NFKD does not decompose.
  ı: 'i',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
  // Russian, Ukrainian and other Cyrillic (lower case; input is lower-cased first).
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  // Greek.
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** Lower-case ASCII words joined by hyphens; other scripts are dropped. */
export function slugify(text: string): string {
  const folded = Array.from(text.toLowerCase().normalize('NFKD'))
    .map(ch => TRANSLIT[ch] ?? ch)
    .join('')
    .replace(/[\u0300-\u036f]/g, '');
  return folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The date part: as precise as the meeting's date is, or `undated`. */
function datePart(meeting: Meeting): string {
  const start = meeting.date.start;
  if (!start) return 'undated';
  switch (meeting.date.precision) {
    case 'year':
      return start.slice(0, 4);
    case 'month':
      return start.slice(0, 7);
    default:
      return start;
  }
}

/**
 * Proposes `YYYY-MM-DD-place-title.pdf` for a meeting. Never contains a path separator or a
 * character outside `[a-z0-9-.]`, and never starts with a dot.
 */
export function briefingFileName(meeting: Meeting): string {
  const place = slugify(meeting.place.city ?? meeting.place.country?.name ?? '');
  let title = slugify(meeting.title);
  // "Moscow meeting of…" in Moscow would otherwise read "moscow-moscow-meeting…".
  if (place && (title === place || title.startsWith(`${place}-`)))
    title = title.slice(place.length + 1);
  const stem = [datePart(meeting), place, title || 'meeting'].filter(Boolean).join('-');
  return `${clip(stem, MAX_FILE_STEM)}.pdf`;
}

/** Cuts at a hyphen when one is near the limit, so words stay whole. */
function clip(stem: string, max: number): string {
  if (stem.length <= max) return stem;
  const cut = stem.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max * 0.6 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/**
 * `name` if nobody took it yet, else `name-2.pdf`, `name-3.pdf`…; adds the result to `taken`.
 * Comparison ignores case, as macOS and Windows file systems do.
 */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
