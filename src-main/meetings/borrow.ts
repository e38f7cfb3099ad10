/**
 * Reference dates for undated articles, borrowed through the merge. An article without a
 * publication date cannot resolve "the Tuesday meeting" or "earlier this month" on its own;
 * once one of its meetings is merged with a strongly agreeing report from a dated article, the
 * whole article is read as of that source's publication date: every relative date its meetings
 * kept (`ArticleMeeting.unresolved`) is resolved against it, and those meetings are marked as
 * resolved through the merge. Works on per-article results alone, without the article's text,
 * so it runs on results cached in the renderer as well as on fresh ones.
 */
import type { MeetingDate } from '../contract/meeting';
import { surname } from './blocking';
import { datesCompatible, dateWidth, findDates, resolveDate, type Tense } from './dates';
import type { MergeItem } from './merge';

/** The dated source an undated article borrows its reference date from. */
export interface BorrowedReference {
  /** The source's publication date (YYYY-MM-DD). */
  ref: string;
  /** The source's file, shown as `dateResolvedVia`. */
  via: string;
}

/** A relative date read against `ref`, in its tense; a clause without one reads as its date falls. */
function readRelative(text: string, tense: Tense | null, ref: string): MeetingDate | null {
  const hit = findDates(text)[0];
  if (!hit) return null;
  let date = resolveDate(hit, ref, tense);
  if (tense === null && date.start)
    date = resolveDate(hit, ref, date.start > ref ? 'future' : 'past');
  return date.start ? date : null;
}

/** The narrowest of the readings that fit the meeting's own date; null when none resolves. */
function ownDate(m: MergeItem, ref: string): MeetingDate | null {
  let best: MeetingDate | null = null;
  for (const r of m.unresolved?.dates ?? []) {
    const d = readRelative(r.text, r.tense, ref);
    if (!d || !datesCompatible(d, m.date)) continue;
    if (!best || dateWidth(d) < dateWidth(best)) best = d;
  }
  if (best && m.date.start && dateWidth(m.date) <= dateWidth(best)) return null;
  return best;
}

/**
 * The article's meetings read as of `ref`: each whose relative dates now resolve (or whose
 * host meeting's do) comes back as a new item with its date, `dateResolvedVia` and a date
 * confidence based on the merge; a held meeting whose date falls after `ref` becomes scheduled,
 * as the extractor would have read it. Meetings with nothing to resolve are not returned.
 */
export function resolveWithReference(
  items: MergeItem[],
  { ref, via }: BorrowedReference,
): Map<MergeItem, MergeItem> {
  const own = new Map<MergeItem, MeetingDate>();
  for (const m of items) {
    const d = ownDate(m, ref);
    if (d) own.set(m, d);
  }
  const byOrder = new Map(items.map(m => [m.order, m]));
  const out = new Map<MergeItem, MergeItem>();
  for (const m of items) {
    let date = own.get(m) ?? null;
    const hostOrder = m.unresolved?.host ?? null;
    if (!date && !m.date.start && hostOrder !== null) {
      const host = byOrder.get(hostOrder);
      date = (host && own.get(host)) ?? null;
    }
    if (!date) continue;
    // As the extractor reads it: "held" with a relative date after the reference is a plan.
    const planned =
      own.has(m) &&
      m.status === 'held' &&
      (date.start ?? '') > ref &&
      findDates(date.text ?? '')[0]?.spec.type !== 'day';
    out.set(m, {
      ...m,
      date,
      status: planned ? 'scheduled' : m.status,
      dateResolvedVia: via,
      confidence: { ...m.confidence, date: { confidence: 'medium', basis: 'merge' } },
    });
  }
  return out;
}

/** Countries close (two thirds) or a shared person; no other city; a shared level if both say. */
function agreement(u: MergeItem, s: MergeItem): number {
  const a = new Set(u.countries);
  const inter = s.countries.filter(c => a.has(c)).length;
  const union = a.size + s.countries.length - inter;
  const j = union > 0 ? inter / union : 0;
  const surnames = new Set(u.people.map(p => surname(p.name)));
  const person = s.people.some(p => surnames.has(surname(p.name)));
  if (j < 2 / 3 && !person) return -1;
  if (u.city && s.city && u.city !== s.city) return -1;
  const level = u.levels.some(l => s.levels.includes(l));
  if (u.levels.length > 0 && s.levels.length > 0 && !level) return -1;
  return j + (u.city && u.city === s.city ? 0.5 : 0) + (person ? 0.3 : 0) + (level ? 0.2 : 0);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * For each article without a publication date (nor one borrowed already), the dated source it
 * shares its strongest meeting with: the report of a merged meeting that agrees best with the
 * article's own report of it, earliest published on a tie. A source under which the article's
 * own words for that meeting's date would name another date is passed over. Depends only on
 * the groups as sets, not on their order.
 */
export function borrowedReferences(groups: MergeItem[][]): Map<string, BorrowedReference> {
  const best = new Map<string, { score: number; source: MergeItem }>();
  for (const g of groups) {
    const sources = g.filter(s => s.published);
    if (sources.length === 0) continue;
    const dated = g.filter(x => x.date.start);
    for (const u of g) {
      if (u.published || u.dateResolvedVia) continue;
      for (const s of sources) {
        const score = agreement(u, s);
        if (score < 0 || !s.published) continue;
        const reading = ownDate(u, s.published);
        if (reading && dated.some(x => x !== u && !datesCompatible(reading, x.date))) continue;
        const prev = best.get(u.articleId);
        if (
          !prev ||
          score > prev.score ||
          (score === prev.score &&
            (compare(s.published, prev.source.published ?? '') ||
              compare(s.file, prev.source.file) ||
              compare(s.articleId, prev.source.articleId)) < 0)
        )
          best.set(u.articleId, { score, source: s });
      }
    }
  }
  const out = new Map<string, BorrowedReference>();
  for (const [id, { source }] of best)
    if (source.published) out.set(id, { ref: source.published, via: source.file });
  return out;
}
