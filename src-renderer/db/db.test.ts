import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  entryFromArticle,
  ReadoutDB,
  type ArticleNote,
  type Highlight,
  type BriefingRecord,
  type MeetingDecision,
  type StoredArticle,
  type StoredArticleMeetings,
  type StoredMeeting,
  type LegacyTrashRow,
} from './db';
import { mergeScope } from '../meetings/merge-scope';
import { highlightsOf, liveNote } from './highlights';
import { trashedItems, untrash } from './trash';

// The stores of earlier versions exactly as they shipped, so a test can write a database the
// way an older Readout did and open it with today's class.
const V1_STORES = {
  articles: 'id, &source, contentHash, published, importedAt',
  meta: 'key',
};
const V2_STORES = {
  highlights: 'id, articleId, colour, *tags, createdAt, updatedAt',
  articleNotes: 'articleId, *tags, updatedAt',
  trash: '++id, kind, deletedAt',
};
const V3_STORES = {
  meetings: 'id, status, dateStart, *countryCodes, *articleIds',
  meetingDecisions: 'id, meetingId, kind, updatedAt',
};
const V4_STORES = {
  articleMeetings: 'articleId, contentHash',
};
const V5_STORES = {
  briefings: 'id, updatedAt',
};
const V6_STORES = {
  library: 'articleId, addedAt, readAt, archivedAt, trashedAt, updatedAt, edits.published',
  positions: 'articleId',
};
const V7_STORES = {
  syncOutbox: '++seq, docId',
  syncState: 'key',
  syncConflicts: 'id, docId',
};
const V8_STORES = {
  searchIndex: 'id',
};
const V9_STORES = {
  highlights: 'id, articleId, colour, *tags, createdAt, updatedAt, trashedAt, trashedWithArticle',
  articleNotes: 'articleId, *tags, updatedAt, trashedAt, trashedWithArticle',
  trash: null,
};
const V10_STORES = {
  library:
    'articleId, addedAt, readAt, archivedAt, trashedAt, updatedAt, edits.published, published',
};
const V11_STORES = {
  meetings: 'id, status, dateStart, *countryCodes, *articleIds, *scopeKeys',
};
/** Every version that shipped, each with the stores it added (Dexie allows gaps in numbers). */
const SHIPPED: [number, Record<string, string | null>][] = [
  [1, V1_STORES],
  [2, V2_STORES],
  [3, V3_STORES],
  [4, V4_STORES],
  [5, V5_STORES],
  [6, V6_STORES],
  [7, V7_STORES],
  [8, V8_STORES],
  [9, V9_STORES],
  [10, V10_STORES],
  [11, V11_STORES],
];

function storedArticle(id: string, source: string): StoredArticle {
  const text = `Article ${id}: the ministers met.`;
  return {
    id,
    source,
    file: source,
    title: `Article ${id}`,
    publisher: null,
    published: '2023-04-24',
    dateline: null,
    text,
    paragraphs: [{ start: 0, end: text.length }],
    wordCount: 5,
    contentHash: id,
    importedAt: 1000,
    updatedAt: 1000,
  };
}

const highlight: Highlight = {
  id: 'h1',
  articleId: '00000000000000a1',
  colour: 2,
  quote: { exact: 'ministers', prefix: 'the ', suffix: ' met' },
  position: { start: 18, end: 27 },
  articleVersion: '00000000000000a1',
  note: 'Who attended?',
  tags: ['moscow'],
  createdAt: 1,
  updatedAt: 1,
};

const note: ArticleNote = {
  articleId: '00000000000000b2',
  text: 'Follow up **Ankara**.',
  tags: ['ankara', 'follow-up'],
  updatedAt: 3,
};
const trashed: LegacyTrashRow = {
  id: 1,
  kind: 'highlight',
  record: { ...highlight, id: 'h-deleted', tags: ['old'] },
  deletedAt: 4,
};
const trashedHighlight = trashed.record as Highlight;
/** A meeting as versions 3–10 stored it: without the `scopeKeys` version 11 adds. */
const meeting: Omit<StoredMeeting, 'scopeKeys'> = {
  id: 'm-2023-04-25-moscow',
  title: 'Defence ministers meet in Moscow',
  status: 'held',
  date: { start: '2023-04-25', end: '2023-04-25', precision: 'day', text: 'Tuesday' },
  place: { city: 'Moscow', country: { code: 'RU', name: 'Russia' }, venue: null },
  level: 'defence ministers',
  participants: {
    countries: [
      { code: 'IR', name: 'Iran' },
      { code: 'RU', name: 'Russia' },
    ],
    people: [{ name: 'Сергей Лавров', role: 'Foreign Minister', country: 'RU' }],
    organizations: [],
  },
  purpose: null,
  mentions: [
    {
      file: 'seeds/a.txt',
      articleId: '00000000000000a1',
      sentence: 'Article 00000000000000a1: the ministers met.',
      start: 0,
      end: 44,
      status: 'held',
      date: { start: '2023-04-25', end: '2023-04-25', precision: 'day', text: 'Tuesday' },
    },
  ],
  dateStart: '2023-04-25',
  countryCodes: ['IR', 'RU'],
  articleIds: ['00000000000000a1'],
};
const decision: MeetingDecision = {
  id: 'd1',
  meetingId: meeting.id,
  kind: 'edit-field',
  field: 'purpose',
  value: 'Normalising relations.',
  anchors: [{ articleId: '00000000000000a1', start: 0, quote: 'the ministers met' }],
  createdAt: 5,
  updatedAt: 6,
};

const cached: StoredArticleMeetings = {
  articleId: '00000000000000a1',
  contentHash: '00000000000000a1',
  extractorVersion: 'extract-1',
  meetings: [],
};

/** Representative rows for every table any shipped version had. */
const BRIEFING: BriefingRecord = {
  id: 'm-1',
  anchors: [{ articleId: '00000000000000a1', start: 0, quote: 'the ministers met.' }],
  bottomLine: 'The ministers met; nothing was agreed.',
  keyPoints: [{ key: 'own:1', text: 'No date for the next round', articleId: null }],
  excludedHighlights: ['h1'],
  handling: null,
  paper: 'A4',
  updatedAt: 5,
};

const ROWS: Record<string, unknown[]> = {
  articles: [
    storedArticle('00000000000000a1', 'seeds/a.txt'),
    storedArticle('00000000000000b2', '/home/analyst/Читать/b.txt'),
  ],
  // In primary key order, as a table reads back.
  meta: [
    { key: 'colours', value: ['Key point', 'Date', 'Person'] },
    { key: 'seeded', value: true },
  ],
  highlights: [highlight],
  articleNotes: [note],
  trash: [trashed],
  meetings: [meeting],
  meetingDecisions: [decision],
  articleMeetings: [cached],
  briefings: [BRIEFING],
  // v6 wrote these rows itself from the articles; a v6 database holds the same.
  library: [
    storedArticle('00000000000000a1', 'seeds/a.txt'),
    storedArticle('00000000000000b2', '/home/analyst/Читать/b.txt'),
  ].map(a => entryFromArticle(a, a.importedAt)),
  positions: [{ articleId: '00000000000000a1', position: 12, updatedAt: 7 }],
  // v7's rows: a queued edit, the changes-feed checkpoint and a Needs-your-decision entry.
  syncOutbox: [{ seq: 1, docId: 'highlight:h0', table: 'highlights', key: 'h0' }],
  syncState: [{ key: 'checkpoint', value: 5 }],
  syncConflicts: [{ id: 'highlight:h0|note', docId: 'highlight:h0', field: 'note', values: [] }],
  // v8's saved search index: one piece.
  searchIndex: [{ id: 'piece-0', data: '{"documentCount":0}' }],
};

describe('ReadoutDB upgrades', () => {
  const latest = new ReadoutDB('never-opened').verno;
  const earlier = SHIPPED.map(([v]) => v).filter(v => v < latest);

  it('knows the stores of every version up to the latest', () => {
    expect(SHIPPED.at(-1)?.[0]).toBe(latest);
    expect(earlier).toHaveLength(SHIPPED.length - 1);
  });

  it.each(earlier)(
    'opens a version %i database at the latest version with every row and index intact',
    async version => {
      const name = `t-${Math.random()}`;
      const old = new Dexie(name);
      const tables: string[] = [];
      SHIPPED.filter(([v]) => v <= version).forEach(([v, stores]) => {
        old.version(v).stores(stores);
        for (const [table, schema] of Object.entries(stores)) {
          // A table a version dropped (v9's `trash`) holds no rows at that version.
          if (schema === null) tables.splice(tables.indexOf(table), 1);
          else if (!tables.includes(table)) tables.push(table);
        }
      });
      for (const table of tables) await old.table(table).bulkAdd(ROWS[table]);
      old.close();

      const db = new ReadoutDB(name);
      await db.open();
      try {
        expect(db.verno).toBe(latest);
        expect(db.tables.map(t => t.name)).not.toContain('trash');
        for (const table of db.tables) {
          const rows = await table.toArray();
          if (table.name === 'library') continue;
          // v9 folded the trash row back into its table, as a trashed record.
          const expected =
            table.name === 'highlights' && tables.includes('trash')
              ? // In primary key order: 'h-deleted' before 'h1'.
                [{ ...trashedHighlight, trashedAt: 4, trashedBy: 'local' }, ...ROWS.highlights]
              : table.name === 'meetings'
                ? // v11 keyed every meeting by its countries and start day.
                  [{ ...meeting, scopeKeys: ['IR|d|2023-04-25', 'RU|d|2023-04-25'] }]
                : ROWS[table.name];
          if (tables.includes(table.name)) expect(rows, table.name).toEqual(expected);
          else expect(rows, table.name).toEqual([]);
        }
        // v6 gave every article a library entry: unread, not archived nor trashed, added when
        // it was imported, with its file's metadata and no text.
        expect(await db.library.toArray()).toEqual(
          (ROWS.articles as StoredArticle[]).map(a => ({
            articleId: a.id,
            title: a.title,
            publisher: a.publisher,
            published: a.published,
            dateline: a.dateline,
            file: a.file,
            source: a.source,
            author: null,
            url: null,
            addedAt: a.importedAt,
            updatedAt: a.importedAt,
          })),
        );
        expect(await db.library.where('addedAt').equals(1000).count()).toBe(2);
        // v10's `published` index holds every dated entry, upgraded ones included.
        expect(await db.library.where('published').equals('2023-04-24').count()).toBe(2);
        expect(await db.library.where('trashedAt').above(0).count()).toBe(0);
        // The indexes the app queries by still answer.
        expect(await db.articles.where('source').equals('seeds/a.txt').count()).toBe(1);
        if (version >= 2) {
          // The live highlight and the trashed one (now a record of this table) share the article.
          // (From version 9 on there is no trash table, so no trashed row to fold.)
          const folded = version < 9 ? 1 : 0;
          expect(await db.highlights.where('articleId').equals('00000000000000a1').count()).toBe(
            1 + folded,
          );
          expect(await db.articleNotes.where('tags').equals('follow-up').count()).toBe(1);
          // The trashed highlight is in the trash, restorable; the live one stays live.
          expect(await db.highlights.where('trashedAt').equals(4).count()).toBe(folded);
          expect((await highlightsOf(db, highlight.articleId)).map(h => h.id)).toEqual(['h1']);
          expect(await untrash(db, 'highlight', 'h-deleted')).toBe(folded === 1);
          expect(await highlightsOf(db, highlight.articleId)).toHaveLength(1 + folded);
        }
        if (version >= 3) {
          expect(await db.meetings.where('countryCodes').equals('IR').count()).toBe(1);
          expect(
            await db.meetings
              .where('scopeKeys')
              .between('RU|d|2023-04-01', 'RU|d|2023-04-30', true, true)
              .count(),
          ).toBe(1);
          expect(await db.meetingDecisions.where('meetingId').equals(meeting.id).count()).toBe(1);
        }
        // v7's sync tables start empty (nothing was queued before a team) and take rows.
        if (version < 7) {
          expect(await db.syncOutbox.count()).toBe(0);
          await db.syncOutbox.add({ docId: 'highlight:h1', table: 'highlights', key: 'h1' });
          expect(await db.syncOutbox.where('docId').equals('highlight:h1').count()).toBe(1);
          await db.syncConflicts.put({
            id: 'highlight:h1|note',
            docId: 'highlight:h1',
            field: 'note',
            values: [],
          });
          expect(await db.syncConflicts.where('docId').equals('highlight:h1').count()).toBe(1);
        }
        // v5's table is there and takes a briefing beside the upgraded data.
        await db.briefings.put(BRIEFING);
        expect(await db.briefings.where('updatedAt').above(0).count()).toBe(1);
        // The per-article cache starts empty (the first sync fills it) and answers its index.
        await db.articleMeetings.put(cached);
        expect(
          await db.articleMeetings.where('contentHash').equals('00000000000000a1').count(),
        ).toBe(1);
      } finally {
        await db.delete();
      }
    },
  );
});

describe('ReadoutDB', () => {
  it('opens a version 1 database at the latest version with its articles intact', async () => {
    const name = `t-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    const articles = [
      storedArticle('00000000000000a1', 'seeds/a.txt'),
      storedArticle('00000000000000b2', 'seeds/b.txt'),
    ];
    await old.table('articles').bulkAdd(articles);
    await old.table('meta').put({ key: 'seeded', value: true });
    old.close();

    const db = new ReadoutDB(name);
    await db.open();
    try {
      expect(db.verno).toBe(11);
      expect(await db.articles.orderBy('id').toArray()).toEqual(articles);
      expect(await db.meta.get('seeded')).toEqual({ key: 'seeded', value: true });
      expect(await db.highlights.count()).toBe(0);
      expect(await db.articleNotes.count()).toBe(0);
      expect(await db.meetings.count()).toBe(0);
      expect(await db.meetingDecisions.count()).toBe(0);
      // The unique source index survived the upgrade.
      await expect(
        db.articles.add(storedArticle('00000000000000c3', 'seeds/a.txt')),
      ).rejects.toThrow();
    } finally {
      await db.delete();
    }
  });

  it('keeps the highlights written at version 2 when opened at version 3', async () => {
    const name = `t-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores(V2_STORES);
    await old.table('articles').add(storedArticle('00000000000000a1', 'seeds/a.txt'));
    await old.table('highlights').add(highlight);
    await old
      .table('articleNotes')
      .add({ articleId: '00000000000000a1', text: 'Note', tags: [], updatedAt: 2 });
    old.close();

    const db = new ReadoutDB(name);
    await db.open();
    try {
      expect(db.verno).toBe(11);
      expect(await db.highlights.toArray()).toEqual([highlight]);
      expect(await db.highlights.where('tags').equals('moscow').count()).toBe(1);
      expect(await db.articleNotes.get('00000000000000a1')).toMatchObject({ text: 'Note' });
      expect(await db.articles.count()).toBe(1);
      expect(await db.meetings.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });

  it('turns every version 8 trash row into a restorable trashed record, keeping live ones live', async () => {
    const name = `t-${Math.random()}`;
    const old = new Dexie(name);
    SHIPPED.filter(([v]) => v <= 8).forEach(([v, stores]) => old.version(v).stores(stores));
    const articleA = '00000000000000a1';
    const live = { ...highlight, id: 'reused', note: 'live copy' };
    const liveNoteB: ArticleNote = { articleId: 'b', text: 'Newer note', tags: [], updatedAt: 9 };
    const emptyNoteC: ArticleNote = { articleId: 'c', text: ' ', tags: [], updatedAt: 9 };
    await old.table('highlights').bulkAdd([live]);
    await old.table('articleNotes').bulkAdd([liveNoteB, emptyNoteC]);
    const rows: LegacyTrashRow[] = [
      // Trashed twice: the later deletion is the one the old Restore would have put back.
      {
        id: 1,
        kind: 'highlight',
        record: { ...highlight, id: 'twice', note: 'old' },
        deletedAt: 5,
      },
      {
        id: 2,
        kind: 'highlight',
        record: { ...highlight, id: 'twice', note: 'new' },
        deletedAt: 6,
      },
      // Its id is used again by a live highlight.
      {
        id: 3,
        kind: 'highlight',
        record: { ...highlight, id: 'reused', note: 'trashed copy' },
        deletedAt: 7,
      },
      // Went with its article.
      {
        id: 4,
        kind: 'highlight',
        record: { ...highlight, id: 'with' },
        deletedAt: 8,
        withArticle: articleA,
      },
      {
        id: 5,
        kind: 'article-note',
        record: { articleId: 'a', text: 'Alone', tags: [], updatedAt: 1 },
        deletedAt: 9,
      },
      {
        id: 6,
        kind: 'article-note',
        record: { articleId: 'b', text: 'Older', tags: [], updatedAt: 1 },
        deletedAt: 10,
      },
      {
        id: 7,
        kind: 'article-note',
        record: { articleId: 'c', text: 'Kept', tags: ['k'], updatedAt: 1 },
        deletedAt: 11,
      },
    ];
    await old.table('trash').bulkAdd(rows);
    old.close();

    const db = new ReadoutDB(name);
    await db.open();
    try {
      expect(await db.highlights.get('reused')).toEqual(live);
      expect(await db.highlights.get('reused~trashed-7')).toMatchObject({
        note: 'trashed copy',
        trashedAt: 7,
        trashedBy: 'local',
      });
      expect(await db.highlights.get('twice')).toMatchObject({ note: 'new', trashedAt: 6 });
      expect(await db.highlights.get('with')).toMatchObject({ trashedWithArticle: articleA });
      expect(await liveNote(db, 'b')).toEqual(liveNoteB);
      expect(await db.articleNotes.get('c')).toMatchObject({ text: 'Kept', trashedAt: 11 });
      expect((await trashedItems(db)).map(i => `${i.kind}:${i.key}`)).toEqual([
        'article-note:c',
        'article-note:a',
        'highlight:reused~trashed-7',
        'highlight:twice',
      ]);
      // Every one of them restores.
      for (const item of await trashedItems(db)) {
        expect(await untrash(db, item.kind, item.key)).toBe(true);
      }
      expect((await highlightsOf(db, highlight.articleId)).map(h => h.id).sort()).toEqual([
        'reused',
        'reused~trashed-7',
        'twice',
      ]);
      expect(await liveNote(db, 'a')).toMatchObject({ text: 'Alone' });
      expect(await db.highlights.where('trashedWithArticle').equals(articleA).count()).toBe(1);
    } finally {
      await db.delete();
    }
  });

  it('gives every version 10 meeting its scope keys, which the merge scope then finds it by', async () => {
    const name = `t-${Math.random()}`;
    const old = new Dexie(name);
    SHIPPED.filter(([v]) => v <= 10).forEach(([v, stores]) => old.version(v).stores(stores));
    const undatedMention = { ...meeting.mentions[0], date: { ...meeting.date, start: null } };
    const rows = [
      // Undated, with two countries.
      {
        ...meeting,
        id: 'm-undated',
        date: { start: null, end: null, precision: 'unknown', text: null },
        dateStart: '',
        countryCodes: ['CN', 'US'],
        // Of another article: the scope of one meeting's article does not bring in the other.
        mentions: [{ ...meeting.mentions[0], articleId: '00000000000000b2' }],
        articleIds: ['00000000000000b2'],
      },
      // A month date ("in March"), one of whose reports gave no date.
      {
        ...meeting,
        id: 'm-march',
        date: { start: '2023-03-01', end: '2023-03-31', precision: 'month', text: 'in March' },
        dateStart: '2023-03-01',
        countryCodes: ['FR'],
        participants: { ...meeting.participants, countries: [{ code: 'FR', name: 'France' }] },
        mentions: [meeting.mentions[0], undatedMention],
      },
      // A row without countries (no report can share one with it).
      { id: 'm-bare', status: 'held' },
    ];
    await old.table('meetings').bulkAdd(rows);
    old.close();

    const db = new ReadoutDB(name);
    await db.open();
    try {
      const keys = Object.fromEntries((await db.meetings.toArray()).map(m => [m.id, m.scopeKeys]));
      expect(keys).toEqual({
        'm-bare': [],
        'm-march': ['FR|d|2023-03-01', 'FR|w|2023-03-01', 'FR|n|2023-03-01'],
        'm-undated': ['CN|u', 'US|u'],
      });
      // A French report of 20 March reaches the March meeting; one with the US and China
      // reaches the undated one; neither reaches the other's.
      const report = (countries: string[]) => ({
        articleId: 'new',
        file: 'new.txt',
        published: '2023-03-21',
        dateResolvedVia: null,
        mentions: [],
        purpose: null,
        lastSentence: 0,
        order: 0,
        status: 'held' as const,
        date: { start: '2023-03-20', end: null, precision: 'day' as const, text: 'on Monday' },
        monthHint: null,
        countries,
        people: [],
        organizations: [],
        levels: [],
        city: null,
        placeCountry: null,
        venue: null,
        separate: false,
      });
      const caps = { meetings: 100, articles: 100 };
      for (const [countries, id] of [
        [['FR'], 'm-march'],
        [['US', 'CN'], 'm-undated'],
      ] as const) {
        const scope = await mergeScope(
          db,
          { changed: ['new'], removed: [], items: [report([...countries])] },
          caps,
        );
        expect('meetings' in scope && scope.meetings.map(m => m.id)).toEqual([id]);
      }
    } finally {
      await db.delete();
    }
  });

  it('creates an empty database at the latest version', async () => {
    const db = new ReadoutDB(`t-${Math.random()}`);
    await db.open();
    try {
      expect(db.verno).toBe(11);
      expect(db.tables.map(t => t.name).sort()).toEqual([
        'articleMeetings',
        'articleNotes',
        'articles',
        'briefings',
        'highlights',
        'library',
        'meetingDecisions',
        'meetings',
        'meta',
        'positions',
        'searchIndex',
        'syncConflicts',
        'syncOutbox',
        'syncState',
      ]);
    } finally {
      await db.delete();
    }
  });
});
