/**
 * Records ⇄ team documents. Each synced record is one PouchDB document carrying who created it
 * (`authorId`, checked by the server), who last edited it (`editedBy`), when (`updatedAt`) and
 * the document schema version; the record's own fields sit under `data`, which is what the
 * three-way merge compares. Documents arriving from the team are parsed with zod before anything
 * reaches Dexie: a teammate's desk, or the server, is outside this page.
 *
 * Never synced: meetings (derived from articles), the search index, undo history, backups.
 * Article notes are one per analyst per article: a desk keeps its own in `articleNotes` and leaves
 * teammates' notes in PouchDB for the notes view to read.
 */
import { z } from 'zod';
import { ArticleDataSchema } from './article-docs';

/** The Dexie tables whose records sync, plus the colour meanings kept in `meta`. */
export type SyncedTable =
  | 'highlights'
  | 'articleNotes'
  | 'meetingDecisions'
  | 'briefings'
  | 'colourMeanings'
  /** An article and its library entry's shared fields (article-docs.ts). */
  | 'articles';

/**
 * The `meta` key the colour meanings live under (an array of names, one per colour slot): the
 * palette's own key (features/highlights/palette.ts), so a rename is what syncs.
 */
export const COLOUR_MEANINGS_KEY = 'colours';
export const COLOUR_MEANINGS_DOC = 'colour-meanings';

export const DOC_SCHEMA = 1;

const KIND_OF: Record<SyncedTable, string> = {
  highlights: 'highlight',
  articleNotes: 'article-note',
  meetingDecisions: 'decision',
  briefings: 'briefing',
  colourMeanings: 'colour-meanings',
  articles: 'article',
};

const NeedsDecisionSchema = z.object({
  field: z.string().max(200),
  values: z
    .array(z.object({ value: z.unknown(), by: z.string().max(200), at: z.number() }))
    .min(2)
    .max(16),
});

/** A team document as it arrives; `data` is checked per kind by `dataSchemas`. */
export const SyncDocSchema = z.looseObject({
  _id: z.string().min(1).max(500),
  _rev: z.string().max(200),
  kind: z.enum(['highlight', 'article-note', 'decision', 'briefing', 'colour-meanings', 'article']),
  schema: z.literal(DOC_SCHEMA),
  authorId: z.string().min(1).max(200),
  editedBy: z.string().min(1).max(200),
  updatedAt: z.number(),
  data: z.record(z.string(), z.unknown()),
  needsDecision: z.array(NeedsDecisionSchema).max(100).optional(),
  supersedes: z.array(z.string().max(500)).max(100).optional(),
});
export type SyncDoc = z.infer<typeof SyncDocSchema>;

const Tags = z.array(z.string().max(200)).max(200);
/**
 * Trash is a field of a highlight or note (db.ts `Trashable`), so a trashing syncs as an edit and
 * merges field by field with a colleague's edit of the same record.
 */
const TrashFields = {
  trashedAt: z.number().optional(),
  trashedBy: z.string().min(1).max(200).optional(),
  trashedWithArticle: z.string().min(1).max(500).optional(),
};
const Anchor = z.object({ articleId: z.string(), start: z.number(), quote: z.string().optional() });

/** What each kind's `data` must hold before it is written to Dexie. */
const dataSchemas: Record<SyncedTable, z.ZodType<Record<string, unknown>>> = {
  highlights: z.looseObject({
    id: z.string().min(1),
    articleId: z.string().min(1),
    colour: z.number().int().min(0).max(7),
    quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
    position: z.object({ start: z.number(), end: z.number() }),
    articleVersion: z.string(),
    note: z.string().max(100_000),
    tags: Tags,
    createdAt: z.number(),
    updatedAt: z.number(),
    ...TrashFields,
  }),
  articleNotes: z.looseObject({
    articleId: z.string().min(1),
    text: z.string().max(1_000_000),
    tags: Tags,
    updatedAt: z.number(),
    ...TrashFields,
  }),
  meetingDecisions: z.looseObject({
    id: z.string().min(1),
    meetingId: z.string(),
    kind: z.string(),
    field: z.string().optional(),
    // Absent on rejections, deletions and retractions (zod 4 requires an unknown() key).
    value: z.unknown().optional(),
    anchors: z.array(Anchor),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
  briefings: z.looseObject({
    id: z.string().min(1),
    anchors: z.array(Anchor),
    updatedAt: z.number(),
  }),
  colourMeanings: z.record(z.string().regex(/^[0-7]$/), z.string().max(200)),
  // Lazy: article-docs.ts reaches this module again through db.ts, so it may not be loaded yet.
  articles: z.lazy(() => ArticleDataSchema),
};

/** Which record a document is: its table and primary key. */
export interface DocRef {
  table: SyncedTable;
  key: string;
}

/** The document id of a record; article notes are per analyst, so their id names the author. */
export function docIdOf(ref: DocRef, me: string): string {
  switch (ref.table) {
    case 'highlights':
      return `highlight:${ref.key}`;
    case 'articleNotes':
      return `article-note:${me}:${ref.key}`;
    case 'meetingDecisions':
      return `decision:${ref.key}`;
    case 'briefings':
      return `briefing:${ref.key}`;
    case 'colourMeanings':
      return COLOUR_MEANINGS_DOC;
    case 'articles':
      return `article:${ref.key}`;
  }
}

/** The record a document id names on this desk; null for a teammate's article note or a foreign id. */
export function refOf(docId: string, me: string): DocRef | null {
  if (docId === COLOUR_MEANINGS_DOC) return { table: 'colourMeanings', key: COLOUR_MEANINGS_KEY };
  const colon = docId.indexOf(':');
  if (colon === -1) return null;
  const prefix = docId.slice(0, colon);
  const rest = docId.slice(colon + 1);
  if (!rest) return null;
  if (prefix === 'highlight') return { table: 'highlights', key: rest };
  if (prefix === 'decision') return { table: 'meetingDecisions', key: rest };
  if (prefix === 'briefing') return { table: 'briefings', key: rest };
  if (prefix === 'article') return { table: 'articles', key: rest };
  if (prefix === 'article-note' && rest.startsWith(`${me}:`)) {
    return { table: 'articleNotes', key: rest.slice(me.length + 1) };
  }
  return null;
}

/** Colour meanings are stored as a list in `meta`; in the document each slot is its own field. */
export function colourFields(names: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (Array.isArray(names)) {
    names.forEach((name, slot) => {
      if (typeof name === 'string' && slot < 8) fields[String(slot)] = name;
    });
  }
  return fields;
}

export function colourNames(fields: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (let slot = 0; slot < 8; slot++) {
    const name = fields[String(slot)];
    if (typeof name !== 'string') break;
    names.push(name);
  }
  return names;
}

/**
 * The document for a record: a new one authored by `me`, or the next revision of `existing`,
 * keeping its author. Decisions name what they supersede at the top level, where the server's
 * validation reads it.
 */
export function toDoc(
  ref: DocRef,
  data: Record<string, unknown>,
  context: {
    me: string;
    now: number;
    existing: SyncDoc | null;
    needsDecision?: SyncDoc['needsDecision'];
  },
): Omit<SyncDoc, '_rev'> & { _rev?: string } {
  const updatedAt = typeof data.updatedAt === 'number' ? data.updatedAt : context.now;
  const doc: Omit<SyncDoc, '_rev'> & { _rev?: string } = {
    _id: docIdOf(ref, context.me),
    kind: KIND_OF[ref.table] as SyncDoc['kind'],
    schema: DOC_SCHEMA,
    authorId: context.existing?.authorId ?? context.me,
    editedBy: context.me,
    updatedAt,
    data,
  };
  if (context.existing) doc._rev = context.existing._rev;
  if (ref.table === 'meetingDecisions') {
    doc.supersedes = Array.isArray(data.supersedes) ? (data.supersedes as string[]) : [];
  }
  if (context.needsDecision && context.needsDecision.length > 0)
    doc.needsDecision = context.needsDecision;
  return doc;
}

/** A document's record data, checked for its kind; null when it does not parse. */
export function dataOf(ref: DocRef, doc: SyncDoc): Record<string, unknown> | null {
  const parsed = dataSchemas[ref.table].safeParse(doc.data);
  if (ref.table === 'articles' && parsed.success && parsed.data.id !== ref.key) return null;
  return parsed.success ? parsed.data : null;
}

/**
 * Parses a document from PouchDB; null for design documents, tombstones and anything malformed.
 * An article is checked whole here (sizes, no unknown fields, its id the document's), wherever it
 * is read, so that neither the applier nor the pump's merge ever takes in a malformed one.
 */
export function parseDoc(raw: unknown): SyncDoc | null {
  const parsed = SyncDocSchema.safeParse(raw);
  if (!parsed.success) return null;
  if (parsed.data.kind === 'article') {
    const ref = refOf(parsed.data._id, '');
    if (ref?.table !== 'articles' || !dataOf(ref, parsed.data)) return null;
  }
  return parsed.data;
}
