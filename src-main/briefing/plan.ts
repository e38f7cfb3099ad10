/**
 * Turns a briefing input into what the page says, before any measuring: the header lines, the
 * citation number of every source, and the sections with their items in reading order and their
 * priority (which section keeps its space when the page is full). Pure: no pdfkit, no I/O.
 */
import {
  CONFIDENCE_FIELDS,
  type BriefingHighlight,
  type BriefingInput,
  type BriefingSource,
  type ConfidenceField,
  type Meeting,
  type MeetingOutcome,
  type Mention,
} from '../contract';
import { distinctSentences } from '../contract/distinct-sentences';
import { formatDate, formatDateTime, formatMeetingDate } from './dates';
import { BULLET_MARK, plainParagraphs } from './markdownish';
import { breakLongTokens } from './tokens';

/** One thing printed in a section. Text items may be cut (with "…") when space runs out. */
export type PlanItem =
  | { kind: 'lead'; text: string; suggested: boolean }
  | { kind: 'paragraph'; text: string; lead: string | null }
  | { kind: 'bullet'; text: string }
  | {
      kind: 'quote';
      quote: string;
      colour: { name: string; hex: string };
      cite: string;
      note: string | null;
    }
  /**
   * One row of the participants table: the person's country code in a narrow first column
   * (`country` null leaves it blank; `table` false when no one has a country, so no column),
   * then name and role.
   */
  | { kind: 'person'; name: string; detail: string | null; country: string | null; table: boolean }
  | { kind: 'fact'; label: string; text: string }
  | { kind: 'source'; label: string; text: string }
  /** One meeting of a digest: its title, a meta line, its bottom line and its source numbers. */
  | { kind: 'entry'; title: string; meta: string; line: string; suggested: boolean; cites: string };

export type SectionId =
  | 'bottomLine'
  | 'keyPoints'
  | 'disagreements'
  | 'next'
  | 'notes'
  | 'highlights'
  | 'participants'
  | 'sources'
  | 'meetings';
export type Column = 'main' | 'side' | 'band';

export interface PlanSection {
  id: SectionId;
  heading: string;
  column: Column;
  /** Lower keeps its space first when the page is full. */
  priority: number;
  items: PlanItem[];
  /**
   * The line that replaces what did not fit, e.g. "… 12 more highlights in Readout". `cutRest`
   * is the unprinted end of an item cut short, or null.
   */
  more: (hidden: PlanItem[], cutRest: string | null) => string;
}

export interface BriefingPlan {
  /** The small capitals line at the top right ("Meeting briefing", "Meetings digest"). */
  kicker: string;
  title: string;
  /** The bottom line as printed, and whether Readout suggested it (none written yet). */
  bottomLine: { text: string; suggested: boolean };
  handling: string | null;
  /** Date · place · status · level. */
  meta: string;
  sections: PlanSection[];
  footerLeft: string;
  footerRight: string;
  info: { Title: string; Subject: string; Author: string; Keywords: string; CreationDate: Date };
}

/** Longest quote printed; longer ones are cut at a word with "…" (the full text is in Readout). */
export const MAX_QUOTE_CHARS = 320;
/** Longest single text item; no page column holds more, so measuring more would be wasted. */
export const MAX_ITEM_CHARS = 6000;

/** Longest person's name or role printed in the participants panel. */
export const MAX_NAME_CHARS = 160;

const CONTINUES = '… continues in Readout';

/** Printed after a field the extractor inferred rather than read in the meeting's sentence. */
export const INFERRED = '†';

export const OUTCOME_WORDS: Record<MeetingOutcome, string> = {
  cancelled: 'Cancelled',
  postponed: 'Postponed',
  failed: 'Failed',
};

export const STATUS_WORDS: Record<Meeting['status'], string> = {
  held: 'Held',
  scheduled: 'Scheduled',
  proposed: 'Proposed',
};

/** Builds the plan for one briefing. */
export function planBriefing(input: BriefingInput): BriefingPlan {
  const { meeting } = input;
  const cites = citationTable(input.sources, meeting.mentions);
  const mark = (field: ConfidenceField, text: string | null) =>
    text && inferred(meeting, field) ? `${text} ${INFERRED}` : text;
  const meta = [
    mark('date', formatMeetingDate(meeting.date)),
    mark('place', placeLine(meeting)),
    mark('status', STATUS_WORDS[meeting.status]),
    meeting.outcome ? OUTCOME_WORDS[meeting.outcome] : null,
    mark('level', meeting.level ? capitalise(meeting.level) : null),
  ]
    .filter((part): part is string => Boolean(part))
    .map(part => clipText(part, MAX_NAME_CHARS))
    .join('  ·  ');
  const anyInferred = CONFIDENCE_FIELDS.some(f => inferred(meeting, f));
  const bottomLine = input.edits.bottomLine
    ? { text: clipText(oneLine(input.edits.bottomLine), 600), suggested: false }
    : { text: suggestBottomLine(meeting), suggested: true };

  const sections: PlanSection[] = [
    bottomLineSection(bottomLine, anyInferred),
    keyPointsSection(input, cites),
    disagreementsSection(meeting, cites),
    nextSection(input),
    notesSection(input, cites),
    highlightsSection(input, cites),
    participantsSection(meeting),
    sourcesSection(cites),
  ]
    .filter(section => section.items.length > 0 || section.id === 'participants')
    .map(breakableSection);

  const generated = new Date(input.options.generatedAt);
  const people = meeting.participants.people.map(p => p.name);
  const countries = meeting.participants.countries.map(c => c.name);
  return {
    kicker: 'Meeting briefing',
    title: breakLongTokens(meeting.title.trim() || 'Untitled meeting'),
    bottomLine,
    handling: breakLongTokens(input.options.handling?.trim() ?? '') || null,
    meta: breakLongTokens(meta),
    sections,
    footerLeft: `Generated ${formatDateTime(generated)} by Readout from ${count(cites.sources.length, 'source')}`,
    footerRight: 'page 1 of 1',
    info: {
      Title: meeting.title,
      Subject: `Briefing: ${meta}`,
      Author: 'Readout',
      Keywords: [...countries, ...people].join(', '),
      CreationDate: generated,
    },
  };
}

/** Sources in the order given, then any article a mention cites that the sender did not list. */
export interface CitationTable {
  sources: BriefingSource[];
  byArticle: Map<string, number>;
}

/** Cites a link written in a note: its address joins the sources list; returns " [n]". */
function citeLink(table: CitationTable, text: string, url: string): string {
  const key = `link:${url}`;
  if (!table.byArticle.has(key)) {
    table.sources.push({
      articleId: key,
      title: text,
      publisher: null,
      published: null,
      file: '',
      url,
    });
    table.byArticle.set(key, table.sources.length);
  }
  return ` ${cite(table, key)}`;
}

/**
 * Markdown-ish text as one plain line, its links cited in the sources list; with `emphasis`,
 * bold and italic stay marked for the drawing code to set in their faces.
 */
function noteText(text: string, table: CitationTable, emphasis = false): string {
  return plainParagraphs(text, (t, url) => citeLink(table, t, url), emphasis).join(' ');
}

export function citationTable(given: BriefingSource[], mentions: Mention[]): CitationTable {
  const sources: BriefingSource[] = [];
  const byArticle = new Map<string, number>();
  const add = (source: BriefingSource) => {
    if (byArticle.has(source.articleId)) return;
    sources.push(source);
    byArticle.set(source.articleId, sources.length);
  };
  given.forEach(add);
  for (const m of mentions) {
    add({
      articleId: m.articleId,
      title: baseName(m.file),
      publisher: null,
      published: null,
      file: baseName(m.file),
    });
  }
  return { sources, byArticle };
}

export function cite(table: CitationTable, articleId: string): string {
  const n = table.byArticle.get(articleId);
  return n === undefined ? '' : `[${n}]`;
}

/** A purpose that opens with its own verb in the base form: "discuss …", "normalize …". */
const PURPOSE_VERB_RE =
  /^(?:discuss|review|address|normali[sz]e|strengthen|boost|finali[sz]e|negotiate|explore|resolve|deepen|expand|prepare|promote|sign|seek|build|improve|restore|end|bring|advance|coordinate|agree|ease|settle|mend|reset|revive|launch)\b/;

/**
 * One or two sentences from what the meeting record says, for the page until the analyst writes
 * a bottom line: who meets (or met), at what level, where, when, and about what.
 */
export function suggestBottomLine(meeting: Meeting): string {
  const countries = meeting.participants.countries.map(c => c.name);
  const who =
    countries.length > 1
      ? `${countries.slice(0, -1).join(', ')} and ${countries.at(-1)}`
      : (countries[0] ?? meeting.participants.people[0]?.name ?? 'The parties');
  const verb = {
    held: 'met',
    scheduled: 'are scheduled to meet',
    proposed: 'have proposed to meet',
  }[meeting.status];
  const level = meeting.level ? ` at the level of ${meeting.level.toLowerCase()}` : '';
  const city = meeting.place.city ?? meeting.place.country?.name ?? null;
  const date = meeting.date.start ? formatMeetingDate(meeting.date) : null;
  const where = [city ? ` in ${city}` : '', date ? ` on ${date}` : ''].join('');
  const aim = meeting.purpose
    ?.trim()
    .replace(/\.$/, '')
    .replace(/^./, c => c.toLowerCase());
  // The extractor keeps the verb of "to discuss the border" ("discuss the border"); a purpose
  // that starts with one reads after "to" alone, not "to discuss discuss the border".
  const purpose = aim ? (PURPOSE_VERB_RE.test(aim) ? ` to ${aim}` : ` to discuss ${aim}`) : '';
  const outcome = meeting.outcome ? ` The meeting was reported ${meeting.outcome}.` : '';
  return clipText(`${who} ${verb}${level}${where}${purpose}.${outcome}`, 600);
}

function bottomLineSection(
  bottomLine: BriefingPlan['bottomLine'],
  anyInferred: boolean,
): PlanSection {
  const items: PlanItem[] = [{ kind: 'lead', ...bottomLine }];
  if (anyInferred) {
    items.push({
      kind: 'fact',
      label: `${INFERRED} `,
      text: 'Inferred by Readout (carried from context, merged or looked up), not stated in the report: check before relying on it.',
    });
  }
  return {
    id: 'bottomLine',
    heading: 'Bottom line',
    column: 'main',
    priority: 0,
    items,
    more: () => CONTINUES,
  };
}

/** The later meetings Readout links to this one, one line each. */
function nextSection(input: BriefingInput): PlanSection {
  return {
    id: 'next',
    heading: 'What’s next',
    column: 'main',
    priority: 2,
    items: input.edits.next.map(n => ({
      kind: 'bullet' as const,
      text: clipText(
        `${n.date}: ${n.title}${n.place ? `, ${n.place}` : ''} (${n.status.toLowerCase()})`,
        400,
      ),
    })),
    more: hidden =>
      hidden.length > 0 ? `… ${count(hidden.length, 'more meeting')} in Readout` : CONTINUES,
  };
}

function inferred(meeting: Meeting, field: ConfidenceField): boolean {
  const basis = meeting.confidence?.[field]?.basis;
  return basis !== undefined && basis !== 'sentence';
}

function keyPointsSection(input: BriefingInput, cites: CitationTable): PlanSection {
  const items: PlanItem[] = [];
  if (input.meeting.purpose?.trim()) {
    items.push({
      kind: 'paragraph',
      lead: 'Purpose: ',
      text: clipText(input.meeting.purpose.trim(), MAX_ITEM_CHARS),
    });
  }
  const keyHighlights = input.highlights.filter(h => h.keyPoint && h.quote.trim());
  const edited = input.edits.keyPoints;
  let noun = 'key points';
  if (edited !== null) {
    for (const point of edited) {
      const ref = point.articleId ? cite(cites, point.articleId) : '';
      const text = clipText(noteText(point.text, cites), 1200);
      items.push({ kind: 'bullet', text: `${text} ${ref}`.trimEnd() });
    }
  } else if (keyHighlights.length > 0) {
    for (const h of keyHighlights) {
      // The source's words in quotation marks, the analyst's remark after them.
      const quote = `“${clipText(oneLine(h.quote), MAX_QUOTE_CHARS)}” ${cite(cites, h.articleId)}`;
      const note = h.note?.trim() ? ` — ${clipText(noteText(h.note, cites), 300)}` : '';
      items.push({ kind: 'bullet', text: `${quote.trimEnd()}${note}` });
    }
  } else {
    noun = 'evidence sentences';
    for (const m of distinctSentences(input.meeting.mentions, m => oneLine(m.sentence))) {
      const sentence = oneLine(m.sentence);
      items.push({
        kind: 'bullet',
        text: `${clipText(sentence, 600)} ${cite(cites, m.articleId)}`.trimEnd(),
      });
    }
  }
  return {
    id: 'keyPoints',
    heading:
      edited !== null || keyHighlights.length > 0
        ? 'Purpose and key points'
        : 'Purpose and evidence',
    column: 'main',
    priority: 1,
    items,
    more: hidden => (hidden.length > 0 ? `… ${hidden.length} more ${noun} in Readout` : CONTINUES),
  };
}

/**
 * Where the articles disagree on what the meeting is: its status and date as each article reports
 * them (each mention carries both), and its place, which only the extractor's `disagreements`
 * record (a mention does not carry a place of its own).
 */
function disagreementsSection(meeting: Meeting, cites: CitationTable): PlanSection {
  const items: PlanItem[] = [];
  const byArticle = new Map<string, Mention>();
  for (const m of meeting.mentions) if (!byArticle.has(m.articleId)) byArticle.set(m.articleId, m);
  const reports = [...byArticle.values()];
  // An article that is silent on a field does not disagree with one that states it.
  const describe = (label: string, values: { value: string | null; articleId: string }[]) => {
    const groups = new Map<string, string[]>();
    for (const { value, articleId } of values) {
      if (value === null) continue;
      const ref = cite(cites, articleId);
      const refs = groups.get(value) ?? [];
      if (!refs.includes(ref)) groups.set(value, [...refs, ref]);
    }
    if (groups.size < 2) return;
    const parts = [...groups].map(([v, refs]) => `${v} ${refs.join('')}`);
    items.push({ kind: 'bullet', text: clipText(`${label}: ${parts.join('; ')}.`, 600) });
  };
  const each = (value: (m: Mention) => string | null) =>
    reports.map(m => ({ value: value(m), articleId: m.articleId }));
  describe(
    'Status',
    each(m => STATUS_WORDS[m.status].toLowerCase()),
  );
  describe(
    'Date',
    each(m => (m.date.start ? formatMeetingDate(m.date) : null)),
  );
  const articleOfFile = new Map(meeting.mentions.map(m => [m.file, m.articleId]));
  for (const d of meeting.disagreements ?? []) {
    if (d.field !== 'place') continue;
    describe(
      'Place',
      d.values.flatMap(v => {
        const articleId = articleOfFile.get(v.file);
        return articleId ? [{ value: v.value, articleId }] : [];
      }),
    );
  }
  return {
    id: 'disagreements',
    heading: 'Where sources differ',
    column: 'main',
    priority: 2,
    items,
    more: hidden =>
      hidden.length > 0 ? `… ${count(hidden.length, 'more difference')} in Readout` : CONTINUES,
  };
}

function notesSection(input: BriefingInput, cites: CitationTable): PlanSection {
  const items: PlanItem[] = [];
  const ordered = [
    ...input.notes.filter(n => n.scope === 'meeting'),
    ...input.notes.filter(n => n.scope === 'article'),
  ];
  for (const note of ordered) {
    const paragraphs = plainParagraphs(note.text, (t, url) => citeLink(cites, t, url), true);
    paragraphs.forEach((text, i) => {
      const onArticle = note.scope === 'article' && i === 0;
      const lead = onArticle ? `On ${cite(cites, note.articleId ?? '') || 'an article'}: ` : null;
      // A bulleted line of the note prints as a list item (hanging indent, tagged LI), unless it
      // opens an article's note and so carries the "On [n]:" lead.
      const listed = lead === null && text.startsWith(BULLET_MARK);
      items.push(
        listed
          ? { kind: 'bullet', text: clipText(text.slice(BULLET_MARK.length), MAX_ITEM_CHARS) }
          : { kind: 'paragraph', lead, text: clipText(text, MAX_ITEM_CHARS) },
      );
    });
  }
  return {
    id: 'notes',
    heading: 'Analyst’s notes',
    column: 'main',
    priority: 3,
    items,
    more: (hidden, cutRest) => {
      const words =
        wordCount(cutRest ?? '') +
        hidden.reduce(
          (sum, item) =>
            sum + wordCount(item.kind === 'paragraph' || item.kind === 'bullet' ? item.text : ''),
          0,
        );
      return `… notes continue in Readout (${count(words, 'more word')})`;
    },
  };
}

function highlightsSection(input: BriefingInput, cites: CitationTable): PlanSection {
  const chosen = input.highlights.filter(h => !h.keyPoint && h.quote.trim());
  return {
    id: 'highlights',
    heading: 'Highlights',
    column: 'main',
    priority: 4,
    items: chosen.map((h: BriefingHighlight) => ({
      kind: 'quote' as const,
      quote: clipText(oneLine(h.quote), MAX_QUOTE_CHARS),
      colour: { name: h.colour.name, hex: h.colour.hex },
      cite: cite(cites, h.articleId),
      note: h.note?.trim() ? clipText(noteText(h.note, cites, true), 400) : null,
    })),
    more: hidden =>
      hidden.length > 0 ? `… ${count(hidden.length, 'more highlight')} in Readout` : CONTINUES,
  };
}

function participantsSection(meeting: Meeting): PlanSection {
  const { countries, people, organizations } = meeting.participants;
  const countryName = new Map(countries.map(c => [c.code, c.name]));
  const items: PlanItem[] = [];
  if (countries.length > 0) {
    const text = clipText(countries.map(c => c.name).join(', '), MAX_ITEM_CHARS);
    items.push({ kind: 'fact', label: 'Countries: ', text });
  }
  // A table by country, in the order the countries are listed; people without one come last.
  const rank = (code: string | null) => {
    const i = code ? countries.findIndex(c => c.code === code) : -1;
    return i === -1 ? (code ? countries.length : countries.length + 1) : i;
  };
  const table = people.some(p => p.country);
  const ordered = people
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.country) - rank(b.p.country) || a.i - b.i)
    .map(({ p }) => p);
  for (const p of ordered) {
    const role = p.role ? clipText(p.role, MAX_NAME_CHARS) : null;
    const country = p.country && countryName.has(p.country) ? p.country : (p.country ?? null);
    items.push({
      kind: 'person',
      name: clipText(p.name, MAX_NAME_CHARS),
      detail: role,
      country: country ? country.slice(0, 3) : null,
      table,
    });
  }
  if (organizations.length > 0) {
    const text = clipText(organizations.join(', '), MAX_ITEM_CHARS);
    items.push({ kind: 'fact', label: 'Organisations: ', text });
  }
  if (items.length === 0)
    items.push({ kind: 'fact', label: '', text: 'No participants are named in the sources.' });
  return {
    id: 'participants',
    heading: 'Participants',
    column: 'side',
    priority: 2,
    items,
    more: hidden => {
      const n = hidden.filter(i => i.kind === 'person').length;
      return n > 0 ? `… ${count(n, 'more person', 'more people')} in Readout` : CONTINUES;
    },
  };
}

export function sourcesSection(cites: CitationTable): PlanSection {
  return {
    id: 'sources',
    heading: 'Sources',
    column: 'band',
    priority: 1,
    items: cites.sources.map((s, i) => {
      const url = s.url?.trim() || null;
      const title = s.title.trim() && s.title.trim() !== s.file ? s.title.trim() : null;
      // The file name is a last resort: only when nothing else says what the source is.
      const known = Boolean(title || s.publisher || s.published || url);
      const parts = [
        s.publisher,
        title ? `“${title}”` : null,
        s.published ? formatDate(s.published) : null,
        url,
        known ? null : s.file || 'Unknown source',
      ].filter((p): p is string => !!p);
      const text = `${parts.join(', ')}${url ? '' : '.'}`;
      return { kind: 'source' as const, label: `[${i + 1}]`, text: clipText(text, 600) };
    }),
    more: hidden =>
      hidden.length > 0 ? `… ${count(hidden.length, 'more source')} in Readout` : CONTINUES,
  };
}

export function placeLine(meeting: Meeting): string | null {
  const { venue, city, country } = meeting.place;
  const parts = [venue, city, country?.name].filter((p): p is string => Boolean(p?.trim()));
  return parts.length > 0 ? parts.join(', ') : 'Place unknown';
}

/** The section with every printed string given break opportunities inside long words. */
export function breakableSection(section: PlanSection): PlanSection {
  return { ...section, items: section.items.map(breakableItem) };
}

/** The item with every printed string given break opportunities inside long words. */
function breakableItem(item: PlanItem): PlanItem {
  const b = breakLongTokens;
  switch (item.kind) {
    case 'lead':
      return { ...item, text: b(item.text) };
    case 'paragraph':
      return { ...item, text: b(item.text) };
    case 'bullet':
      return { ...item, text: b(item.text) };
    case 'quote':
      return { ...item, quote: b(item.quote), note: item.note === null ? null : b(item.note) };
    case 'person':
      return { ...item, name: b(item.name), detail: item.detail === null ? null : b(item.detail) };
    case 'fact':
      return { ...item, text: b(item.text) };
    case 'source':
      return { ...item, text: b(item.text) };
    case 'entry':
      return { ...item, title: b(item.title), meta: b(item.meta), line: b(item.line) };
  }
}

/** Cuts at a word boundary and adds "…" when `text` is longer than `max` characters. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
