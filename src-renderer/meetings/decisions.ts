/**
 * What the meetings view shows: the extractor's meetings with the analyst's decisions applied.
 * A pure function of the two tables, so that re-extraction (which replaces `meetings`) never
 * loses a decision: each decision names the meeting it was made on and its anchors (the
 * sentences it was made on), and re-attaches by anchors when the meeting id is gone or now
 * names a different set of sentences.
 *
 * Decision kinds:
 * - `confirm` / `edit` / `reject` a field (`field`, `value` = the value confirmed or typed);
 * - `delete` a meeting (restored by removing the decision);
 * - `merge` (`value.into`, `value.intoAnchors`): the meeting joins another one;
 * - `split` (`value.from`): the anchored mention leaves its meeting for a meeting of its own,
 *   whose id is the decision's `meetingId`;
 * - `manual` (`value.values`, `value.mentions`): a meeting the analyst added by hand.
 */
import { z } from 'zod';
import {
  MeetingSchema,
  MentionSchema,
  type Meeting,
  type MeetingConfidence,
  type MeetingOutcome,
  type Mention,
} from '../../src-main/contract/meeting';
import type { DecisionAnchor, MeetingDecision } from '../db/db';
import {
  FIELD_NAMES,
  isFieldName,
  sameValue,
  valuesOf,
  type FieldName,
  type FieldValues,
} from './fields';

export type FieldState = 'suggested' | 'confirmed' | 'edited' | 'rejected' | 'entered';
export type FieldDecisionKind = 'confirm' | 'edit' | 'reject';

// Each field's schema is the machine meeting's own, so a decision can never hold a value the
// meeting itself could not.
const { shape } = MeetingSchema;
const FIELD_SCHEMAS = {
  title: shape.title,
  status: shape.status,
  date: shape.date,
  place: shape.place,
  level: shape.level,
  countries: shape.participants.shape.countries,
  people: shape.participants.shape.people,
  organizations: shape.participants.shape.organizations,
  purpose: shape.purpose,
} satisfies Record<FieldName, z.ZodType>;

export const FieldValuesSchema = z.object(FIELD_SCHEMAS);

const AnchorSchema = z.object({
  articleId: z.string(),
  start: z.number(),
  quote: z.string().optional(),
});
const MergeValueSchema = z.object({ into: z.string(), intoAnchors: z.array(AnchorSchema) });
const SplitValueSchema = z.object({ from: z.string() });
const ManualValueSchema = z.object({ values: FieldValuesSchema, mentions: z.array(MentionSchema) });
export type ManualValue = z.infer<typeof ManualValueSchema>;

export interface ShownField<K extends FieldName = FieldName> {
  value: FieldValues[K];
  /** What the machine (or the analyst's manual entry) says, before field decisions. */
  original: FieldValues[K];
  state: FieldState;
}

export type ShownFields = { [K in FieldName]: ShownField<K> };

export interface Disagreement {
  field: 'date' | 'status' | 'place';
  /**
   * Each distinct value, with the 1-based numbers of the sources that report it. `value` is a
   * date, status or place; a string when it is the extractor's own label for it.
   */
  values: { value: unknown; sources: number[] }[];
}

export type Origin = 'machine' | 'manual' | 'split';

export interface ShownMeeting {
  /** The id decisions about this meeting are recorded on (the first meeting of a merge). */
  id: string;
  origin: Origin;
  /** Base meetings shown as this one: more than one after a merge. */
  memberIds: string[];
  fields: ShownFields;
  /** Sources, numbered [1], [2]… in this order. */
  mentions: Mention[];
  /** For each mention, the base meeting it came from. */
  mentionMember: string[];
  disagreements: Disagreement[];
  /** How the extractor found each field (absent: read in the sentence, high). */
  confidence: MeetingConfidence;
  /** Cancelled, postponed or failed, as the sources report it; null when none does. */
  outcome: MeetingOutcome | null;
  deleted: boolean;
  /** Decisions applied to this meeting, by purpose, so that they can be replaced or undone. */
  decisionIds: {
    fields: Record<FieldName, string[]>;
    delete: string[];
    merge: string[];
    split: string | null;
    manual: string | null;
  };
}

interface Base {
  id: string;
  origin: Origin;
  values: FieldValues;
  mentions: Mention[];
  /** Disagreements the extractor reported (by article file). */
  reported: NonNullable<Meeting['disagreements']>;
  confidence: MeetingConfidence;
  outcome: MeetingOutcome | null;
  splitDecision: string | null;
  manualDecision: string | null;
}

export function anchorsOf(mentions: Mention[]): DecisionAnchor[] {
  return mentions.map(m => ({ articleId: m.articleId, start: m.start, quote: m.sentence }));
}

function matches(m: Mention, a: DecisionAnchor): boolean {
  return m.articleId === a.articleId && (m.start === a.start || m.sentence === a.quote);
}

function overlap(base: Base, anchors: DecisionAnchor[]): number {
  return anchors.filter(a => base.mentions.some(m => matches(m, a))).length;
}

const byTime = (a: MeetingDecision, b: MeetingDecision) =>
  a.updatedAt - b.updatedAt || a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** Applies every decision to the machine meetings; deleted meetings are kept, marked. */
export function applyDecisions(machine: Meeting[], decisions: MeetingDecision[]): ShownMeeting[] {
  // Team decisions are immutable: one a later decision names in `supersedes` no longer counts,
  // whatever the two desks' clocks said.
  const superseded = new Set(decisions.flatMap(d => d.supersedes ?? []));
  const sorted = decisions.filter(d => !superseded.has(d.id)).sort(byTime);
  const bases = new Map<string, Base>();
  for (const m of machine) {
    bases.set(m.id, {
      id: m.id,
      origin: 'machine',
      values: valuesOf(m),
      mentions: [...m.mentions],
      reported: m.disagreements ?? [],
      confidence: m.confidence ?? {},
      outcome: m.outcome ?? null,
      splitDecision: null,
      manualDecision: null,
    });
  }
  for (const d of sorted) {
    if (d.kind !== 'manual') continue;
    const v = ManualValueSchema.safeParse(d.value);
    if (!v.success) continue;
    bases.set(d.meetingId, {
      id: d.meetingId,
      origin: 'manual',
      values: v.data.values,
      mentions: v.data.mentions,
      reported: [],
      confidence: {},
      outcome: null,
      splitDecision: null,
      manualDecision: d.id,
    });
  }

  /** The base meeting a decision is about now, or null when none of its sentences is left. */
  const resolve = (meetingId: string, anchors: DecisionAnchor[]): Base | null => {
    const byId = bases.get(meetingId);
    if (byId && (byId.origin !== 'machine' || anchors.length === 0 || overlap(byId, anchors) > 0))
      return byId;
    let best: Base | null = null;
    let bestScore = 0;
    for (const b of bases.values()) {
      if (b.origin === 'manual') continue;
      const score = overlap(b, anchors);
      if (score > bestScore) {
        best = b;
        bestScore = score;
      }
    }
    return best ?? byId ?? null;
  };

  for (const d of sorted) {
    if (d.kind !== 'split' || d.anchors.length === 0) continue;
    const v = SplitValueSchema.safeParse(d.value);
    const anchor = d.anchors[0];
    const holders = [...bases.values()].filter(
      b =>
        b.origin !== 'manual' && b.mentions.length > 1 && b.mentions.some(m => matches(m, anchor)),
    );
    const from = holders.find(b => v.success && b.id === v.data.from) ?? holders[0];
    if (!from) continue;
    const i = from.mentions.findIndex(m => matches(m, anchor));
    const [mention] = from.mentions.splice(i, 1);
    bases.set(d.meetingId, {
      id: d.meetingId,
      origin: 'split',
      values: { ...from.values, status: mention.status, date: mention.date },
      mentions: [mention],
      reported: [],
      confidence: from.confidence,
      outcome: mention.outcome ?? null,
      splitDecision: d.id,
      manualDecision: null,
    });
  }

  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root)) root = parent.get(root)!;
    return root;
  };
  const mergeOf = new Map<string, string[]>();
  for (const d of sorted) {
    if (d.kind !== 'merge') continue;
    const v = MergeValueSchema.safeParse(d.value);
    if (!v.success) continue;
    const a = resolve(d.meetingId, d.anchors);
    const b = resolve(v.data.into, v.data.intoAnchors);
    if (!a || !b) continue;
    const ra = find(a.id);
    const rb = find(b.id);
    if (ra !== rb) parent.set(ra, rb);
    const list = mergeOf.get(a.id) ?? [];
    mergeOf.set(a.id, [...list, d.id]);
  }

  const groups = new Map<string, Base[]>();
  for (const b of bases.values()) {
    const root = find(b.id);
    groups.set(root, [...(groups.get(root) ?? []), b]);
  }
  const shown = new Map<string, ShownMeeting>();
  for (const [root, members] of groups) {
    members.sort((x, y) => (x.id === root ? -1 : y.id === root ? 1 : 0));
    const s = combine(root, members);
    s.decisionIds.merge = members.flatMap(m => mergeOf.get(m.id) ?? []);
    shown.set(root, s);
  }

  for (const d of sorted) {
    if (d.kind !== 'confirm' && d.kind !== 'edit' && d.kind !== 'reject' && d.kind !== 'delete')
      continue;
    const base = resolve(d.meetingId, d.anchors);
    const s = base && shown.get(find(base.id));
    if (!s) continue;
    if (d.kind === 'delete') {
      s.deleted = true;
      s.decisionIds.delete.push(d.id);
      continue;
    }
    if (!isFieldName(d.field)) continue;
    const field = d.field;
    const shownField = s.fields[field] as ShownField;
    s.decisionIds.fields[field].push(d.id);
    if (d.kind === 'reject') {
      shownField.state = 'rejected';
      shownField.value = shownField.original;
      continue;
    }
    const value = FIELD_SCHEMAS[field].safeParse(d.value);
    if (!value.success) continue;
    shownField.value = value.data;
    shownField.state = d.kind === 'confirm' ? 'confirmed' : 'edited';
  }
  return [...shown.values()];
}

/** Several base meetings as one: the first one's fields, participants united, mentions united. */
function combine(root: string, members: Base[]): ShownMeeting {
  const first = members[0];
  const values: FieldValues = { ...first.values };
  for (const m of members.slice(1)) {
    values.level ??= m.values.level;
    values.purpose ??= m.values.purpose;
    if (!values.date.start && m.values.date.start) values.date = m.values.date;
    if (
      !values.place.city &&
      !values.place.country &&
      (m.values.place.city || m.values.place.country)
    )
      values.place = m.values.place;
    values.countries = uniqueBy([...values.countries, ...m.values.countries], c => c.code);
    values.people = uniqueBy([...values.people, ...m.values.people], p => p.name.toLowerCase());
    values.organizations = uniqueBy([...values.organizations, ...m.values.organizations], o =>
      o.toLowerCase(),
    );
  }
  const mentions: Mention[] = [];
  const mentionMember: string[] = [];
  for (const m of members) {
    for (const mention of [...m.mentions].sort((a, b) => a.start - b.start)) {
      if (mentions.some(x => x.articleId === mention.articleId && x.start === mention.start))
        continue;
      mentions.push(mention);
      mentionMember.push(m.id);
    }
  }
  const state: FieldState = first.origin === 'manual' ? 'entered' : 'suggested';
  const fields = Object.fromEntries(
    FIELD_NAMES.map(f => [f, { value: values[f], original: values[f], state }]),
  ) as unknown as ShownFields;
  return {
    id: root,
    origin: first.origin,
    memberIds: members.map(m => m.id),
    fields,
    mentions,
    mentionMember,
    disagreements: disagreements(members, mentions, mentionMember),
    confidence: first.confidence,
    outcome: members.find(m => m.outcome)?.outcome ?? null,
    deleted: false,
    decisionIds: {
      fields: Object.fromEntries(FIELD_NAMES.map(f => [f, []])) as unknown as Record<
        FieldName,
        string[]
      >,
      delete: [],
      merge: [],
      split: first.splitDecision,
      manual: first.manualDecision,
    },
  };
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter(t => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Groups sources by what they report; a disagreement is more than one distinct report. */
function distinct(reports: { value: unknown; source: number }[]): Disagreement['values'] {
  const out: Disagreement['values'] = [];
  for (const r of reports) {
    const same = out.find(o => sameValue(o.value, r.value));
    if (same) same.sources.push(r.source);
    else out.push({ value: r.value, sources: [r.source] });
  }
  return out;
}

/**
 * Where the sources disagree, kept rather than resolved: the dates and statuses each source
 * reports, and the places of merged meetings. Sources that give no date do not disagree.
 */
export function disagreements(
  members: Pick<Base, 'id' | 'values' | 'reported'>[],
  mentions: Mention[],
  mentionMember: string[],
): Disagreement[] {
  const out: Disagreement[] = [];
  const dates = distinct(
    mentions.flatMap((m, i) =>
      m.date.start
        ? [
            {
              value: { start: m.date.start, end: m.date.end, precision: m.date.precision },
              source: i + 1,
            },
          ]
        : [],
    ),
  );
  if (dates.length > 1) out.push({ field: 'date', values: dates });
  const statuses = distinct(mentions.map((m, i) => ({ value: m.status, source: i + 1 })));
  if (statuses.length > 1) out.push({ field: 'status', values: statuses });
  const places = distinct(
    members.flatMap(b => {
      const { city, country } = b.values.place;
      if (!city && !country) return [];
      const sources = mentionMember.flatMap((id, i) => (id === b.id ? [i + 1] : []));
      return sources.map(source => ({ value: { city, country }, source }));
    }),
  );
  if (places.length > 1) out.push({ field: 'place', values: places });
  // What the extractor saw that the mentions cannot show (a city per article), by file.
  for (const b of members) {
    for (const r of b.reported) {
      if (out.some(d => d.field === r.field)) continue;
      const reports = r.values.flatMap(v =>
        mentions.flatMap((m, i) =>
          m.file === v.file && mentionMember[i] === b.id ? [{ value: v.value, source: i + 1 }] : [],
        ),
      );
      const values = distinct(reports);
      if (values.length > 1) out.push({ field: r.field, values });
    }
  }
  return out;
}

/** The values the analyst sees now (edited or confirmed where decided). */
export function currentValues(m: ShownMeeting): FieldValues {
  const out: Partial<Record<FieldName, unknown>> = {};
  for (const f of FIELD_NAMES) out[f] = m.fields[f].value;
  return out as FieldValues;
}

/**
 * The meeting as the analyst has it, in the contract's shape (for briefings and exports):
 * current values, rejected fields emptied.
 */
export function shownToMeeting(m: ShownMeeting): Meeting {
  const v = currentValues(m);
  const rejected = (f: FieldName) => m.fields[f].state === 'rejected';
  return {
    id: m.id,
    title: v.title,
    status: v.status,
    date: rejected('date') ? { start: null, end: null, precision: 'unknown', text: null } : v.date,
    place: rejected('place') ? { city: null, country: null, venue: null } : v.place,
    level: rejected('level') ? null : v.level,
    participants: {
      countries: rejected('countries') ? [] : v.countries,
      people: rejected('people') ? [] : v.people,
      organizations: rejected('organizations') ? [] : v.organizations,
    },
    purpose: rejected('purpose') ? null : v.purpose,
    ...(m.outcome ? { outcome: m.outcome } : {}),
    mentions: m.mentions,
  };
}

export const isFieldDecisionKind = (k: string): k is FieldDecisionKind =>
  k === 'confirm' || k === 'edit' || k === 'reject';
