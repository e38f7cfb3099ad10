/**
 * The analyst's briefing edits: which stored record belongs to a meeting (by id, else by its
 * anchors, so edits survive re-extraction the way decisions do), the key points the page offers
 * before any edit, how a record turns into the edits main lays out, and the undoable save.
 */
import type { BriefingEdits, BriefingNext } from '../../../src-main/contract/briefing';
import { distinctSentences } from '../../../src-main/contract/distinct-sentences';
import type { Meeting } from '../../../src-main/contract/meeting';
import type { BriefingPointRecord, BriefingRecord, Highlight, ReadoutDB } from '../../db/db';
import { anchorsOf } from '../../meetings/decisions';
import type { Command } from '../undo/UndoStack';
import { KEY_POINT_SLOT } from './briefing-input';

/** A fresh record for a meeting no one has edited a briefing for yet. */
export function emptyBriefing(meeting: Meeting): BriefingRecord {
  return {
    id: meeting.id,
    anchors: anchorsOf(meeting.mentions),
    bottomLine: null,
    keyPoints: null,
    excludedHighlights: [],
    handling: null,
    paper: 'A4',
    updatedAt: 0,
  };
}

/**
 * The record for `meeting`: the one saved under its id, else the one sharing most anchors (the
 * meeting was re-extracted under a new id), else null.
 */
export function findBriefing(records: BriefingRecord[], meeting: Meeting): BriefingRecord | null {
  const byId = records.find(r => r.id === meeting.id);
  if (byId) return byId;
  let best: BriefingRecord | null = null;
  let bestScore = 0;
  for (const r of records) {
    const score = r.anchors.filter(a =>
      meeting.mentions.some(
        m => m.articleId === a.articleId && (m.start === a.start || m.sentence === a.quote),
      ),
    ).length;
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

/**
 * Key points before the analyst edits them: the printed Key-point highlights, quote and note,
 * or, when there are none, the meeting's evidence sentences (each once, near-repeats too).
 */
export function defaultKeyPoints(meeting: Meeting, highlights: Highlight[]): BriefingPointRecord[] {
  const keyed = highlights.filter(h => h.colour === KEY_POINT_SLOT && h.quote.exact.trim());
  if (keyed.length > 0) {
    return keyed.map(h => ({
      key: `h:${h.id}`,
      text: `“${oneLine(h.quote.exact)}”${h.note.trim() ? ` — ${oneLine(h.note)}` : ''}`,
      articleId: h.articleId,
    }));
  }
  return distinctSentences(meeting.mentions, m => oneLine(m.sentence)).map(m => ({
    key: `m:${m.articleId}:${m.start}`,
    text: oneLine(m.sentence),
    articleId: m.articleId,
  }));
}

/**
 * The key points as the page prints them: the analyst's list when there is one, else the
 * defaults; a highlight the analyst excluded from the page leaves the key points too.
 */
export function keyPointsOf(
  record: BriefingRecord,
  defaults: BriefingPointRecord[],
): BriefingPointRecord[] {
  const excluded = new Set(record.excludedHighlights.map(id => `h:${id}`));
  return (record.keyPoints ?? defaults).filter(p => !excluded.has(p.key));
}

/** The edits main lays out for `record`. */
export function editsOf(
  record: BriefingRecord,
  defaults: BriefingPointRecord[],
  next: BriefingNext[],
): BriefingEdits {
  const points = keyPointsOf(record, defaults).filter(p => p.text.trim() !== '');
  return {
    bottomLine: record.bottomLine?.trim() ? record.bottomLine.trim() : null,
    keyPoints: points.map(p => ({ text: p.text.trim(), articleId: p.articleId })),
    next,
  };
}

/** `points` with the item at `from` moved to `to` (both clamped to the list). */
export function movePoint<T>(points: T[], from: number, to: number): T[] {
  const out = [...points];
  const target = Math.max(0, Math.min(out.length - 1, to));
  if (from < 0 || from >= out.length || from === target) return out;
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

const DAY_STATUS = { scheduled: 'Scheduled', proposed: 'Proposed', held: 'Held' } as const;

/**
 * The later meetings Readout links to `meeting`: dated after it and sharing all of its countries
 * (or, when it names none, one of its people), nearest first, at most five.
 */
export function linkedNext(meeting: Meeting, all: Meeting[]): BriefingNext[] {
  const after = meeting.date.end ?? meeting.date.start;
  if (!after) return [];
  const codes = meeting.participants.countries.map(c => c.code);
  const people = new Set(meeting.participants.people.map(p => p.name));
  return all
    .filter(m => m.id !== meeting.id && m.date.start !== null && m.date.start > after)
    .filter(m => {
      const theirs = new Set(m.participants.countries.map(c => c.code));
      if (codes.length > 0) return codes.every(c => theirs.has(c));
      return m.participants.people.some(p => people.has(p.name));
    })
    .sort((a, b) => (a.date.start ?? '').localeCompare(b.date.start ?? ''))
    .slice(0, 5)
    .map(m => ({
      title: m.title.slice(0, 400),
      date: m.date.start ?? '',
      status: DAY_STATUS[m.status],
      place: [m.place.city, m.place.country?.name].filter(Boolean).join(', ') || null,
    }));
}

/**
 * Saves `after` as an undoable step. Successive edits of one field (keystrokes in the bottom
 * line) share `mergeKey` and fold into one step that returns to the first `before`.
 */
export function saveBriefing(
  db: ReadoutDB,
  before: BriefingRecord | null,
  after: BriefingRecord,
  label: string,
  mergeKey?: string,
): Command & { after: BriefingRecord } {
  return {
    label,
    mergeKey,
    after,
    do: async () => void (await db.briefings.put(after)),
    undo: async () => {
      if (before) await db.briefings.put(before);
      else await db.briefings.delete(after.id);
    },
    merge: next =>
      saveBriefing(
        db,
        before,
        (next as Command & { after: BriefingRecord }).after,
        label,
        mergeKey,
      ),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
