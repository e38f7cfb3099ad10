/**
 * What the team server enforces, whoever writes: the database name and role of a team, and the
 * design document whose `validate_doc_update` CouchDB runs on every write, replicated or not.
 *
 * The desk checks the same rules before it writes, but the server is the one that counts: a
 * modified desk must not be able to forge another analyst's authorship or rewrite a decision.
 * The function is ES5 source because CouchDB 3 runs it in its own JavaScript engine (and the test
 * server in PouchDB's), so it must not use anything newer.
 */
import { z } from 'zod';

/** A team id: lower-case letters, digits and dashes, so it is safe in a CouchDB database name. */
export const TeamId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,47}$/, 'a team id is lower-case letters, digits and dashes');
export type TeamId = z.infer<typeof TeamId>;

/** The one database a team shares: CouchDB names must start with a letter, as this does. */
export function teamDatabaseName(teamId: TeamId): string {
  return `readout-team-${teamId}`;
}

/** The CouchDB role every member of the team holds; `_security` admits only this role. */
export function teamRole(teamId: TeamId): string {
  return `readout-team-${teamId}`;
}

/** The `_security` object of a team's database: members by role, admins left to server admins. */
export function teamSecurity(teamId: TeamId): {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
} {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [teamRole(teamId)] },
  };
}

/** Kinds of document a desk may write; anything else is refused by the server. */
export const SYNCED_KINDS = [
  'highlight',
  'article-note',
  'decision',
  'briefing',
  'colour-meanings',
  'article',
] as const;

/** Largest article text the server takes (UTF-16 units): the import's 5 MiB file limit. */
export const MAX_ARTICLE_TEXT = 5 * 1024 * 1024;

/** Fields an article document's `data` and `data.content` may hold; anything else is refused. */
const ARTICLE_FIELDS = [
  'id',
  'content',
  'title',
  'publisher',
  'author',
  'published',
  'url',
  'trashedAt',
  'trashedBy',
];
const ARTICLE_CONTENT_FIELDS = [
  'contentHash',
  'storedAt',
  'title',
  'publisher',
  'published',
  'dateline',
  'author',
  'url',
  'text',
  'paragraphs',
  'wordCount',
  'metaSources',
  'dateOrder',
  'format',
];

/** The document schema version this build writes; the server refuses versions it does not know. */
export const SYNC_SCHEMA = 1;

export const DESIGN_DOC_ID = '_design/readout';

/**
 * Rules: a known kind and schema; `authorId` is the writer on create, and after that either the
 * author on record or the writer, so nobody can attribute a document to a third analyst;
 * `editedBy` is the writer on every write, so nobody can pass an edit off as a colleague's (the
 * "by" beside each value in Needs your decision); a decision, once written, is never edited or
 * deleted (a new decision supersedes it); an article holds only the fields a desk writes (never a
 * file path), with its text and paragraphs capped. Deletions of other kinds are allowed: the
 * team trusts its members with their shared work, not with history. An article's deletion is
 * allowed too, because resolving a conflict deletes the losing leaf (two desks that imported the
 * same file offline make one) and validation cannot tell a losing leaf from the winner; desks
 * never apply an article's deletion (article-docs.ts `storeTeamArticle`), so deleting one removes nothing from
 * anyone's library (trash is a field).
 */
const validateDocUpdate = `function (newDoc, oldDoc, userCtx) {
  var kinds = ${JSON.stringify(SYNCED_KINDS)};
  function refuse(reason) { throw { forbidden: reason }; }
  function only(obj, allowed, what) {
    if (!obj || typeof obj !== 'object' || Object.prototype.toString.call(obj) === '[object Array]') {
      refuse(what + ' must be an object');
    }
    for (var key in obj) {
      if (Object.prototype.hasOwnProperty.call(obj, key) && allowed.indexOf(key) === -1) {
        refuse(what + ' may not hold ' + key);
      }
    }
  }
  function checkArticle(doc) {
    only(doc.data, ${JSON.stringify(ARTICLE_FIELDS)}, 'an article');
    only(doc.data.content, ${JSON.stringify(ARTICLE_CONTENT_FIELDS)}, 'an article text');
    if (typeof doc.data.id !== 'string' || !/^[0-9a-f]{16}$/.test(doc.data.id)) { refuse('an article id is 16 hex characters'); }
    if (doc._id !== 'article:' + doc.data.id) { refuse('an article document is named article:<its id>'); }
    var content = doc.data.content;
    if (typeof content.contentHash !== 'string' || !/^[0-9a-f]{16}$/.test(content.contentHash)) { refuse('an article text has a content hash'); }
    if (typeof content.text !== 'string') { refuse('an article has its text'); }
    if (content.text.length > ${MAX_ARTICLE_TEXT}) { refuse('an article text is at most ${MAX_ARTICLE_TEXT} characters'); }
    if (typeof content.title !== 'string' || content.title.length > 400) { refuse('an article title is at most 400 characters'); }
    if (Object.prototype.toString.call(content.paragraphs) !== '[object Array]' || content.paragraphs.length > 200000) { refuse('an article has at most 200000 paragraphs'); }
  }
  if (oldDoc && !oldDoc._deleted && oldDoc.kind === 'decision') {
    refuse('decisions are immutable: write a new decision that supersedes this one');
  }
  if (newDoc._deleted) { return; }
  if (kinds.indexOf(newDoc.kind) === -1) { refuse('unknown document kind'); }
  if (newDoc.schema !== ${SYNC_SCHEMA}) { refuse('unknown document schema version'); }
  if (typeof newDoc.authorId !== 'string' || newDoc.authorId === '') { refuse('authorId is required'); }
  if (typeof newDoc.updatedAt !== 'number') { refuse('updatedAt is required'); }
  if (newDoc.editedBy !== userCtx.name) { refuse('editedBy must be the writer'); }
  var previousAuthor = oldDoc && !oldDoc._deleted ? oldDoc.authorId : null;
  if (newDoc.authorId !== userCtx.name && newDoc.authorId !== previousAuthor) {
    refuse('authorId must be the writer or the author on record');
  }
  if (newDoc.kind === 'article') { checkArticle(newDoc); }
  if (newDoc.kind === 'decision' && Object.prototype.toString.call(newDoc.supersedes) !== '[object Array]') {
    refuse('a decision names the decisions it supersedes');
  }
}`;

/** The design document `readout team` installs in every team database. */
export function teamDesignDoc(): { _id: string; language: string; validate_doc_update: string } {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdate };
}
