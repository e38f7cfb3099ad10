/**
 * Every IPC channel, declared once: its name (`noun:verb`), the preload method that calls it, and
 * zod schemas for its arguments and its answer. Main parses the arguments where they arrive and
 * checks its own answer before sending it; the renderer checks the answer again on its side.
 */
import { z } from 'zod';
import { ArticleSchema, BytesSchema, UploadFileSchema, type ImportError } from './article';
import {
  AutoBackupEntrySchema,
  AutoBackupIdSchema,
  AutoBackupListSchema,
  MAX_WORK_BACKUP_CHARS,
} from './auto-backup';
import {
  ArticleExtractionSchema,
  ExtractedImportReportSchema,
  MAX_EXTRACT_BATCH,
  MergeRequestSchema,
} from './article-meetings';
import { BriefingInputSchema } from './briefing';
import { DigestInputSchema } from './briefing-digest';
import { BriefingLayoutSchema } from './briefing-layout';
import { CountryRefSchema, MeetingSchema } from './meeting';
import {
  ImportBatchSchema,
  ImportCancelSchema,
  ImportSessionIdSchema,
  ImportSessionSchema,
  ImportStartSchema,
  PathSchema,
  UploadBatchSchema,
} from './import-session';
import { WatchStatusSchema } from './watch';
import { SyncRequestSchema, SyncResponseSchema } from './sync-request';
import { TeamJoinRequestSchema, TeamStatusSchema } from './team';

export { PathSchema };

/**
 * Not a page-facing channel: the preload alone sends it, from a trusted drop event, with the
 * paths Electron gives for the dropped files. Main records them as a short-lived, single-use
 * grant and answers `import:paths` only for granted paths, so the page cannot name a file the
 * analyst did not drop. The preload exposes no function that sends it.
 */
export const DROP_GRANT_CHANNEL = 'import:grant-drop';
export const DropGrantArgsSchema = z.tuple([z.array(PathSchema).min(1).max(1000)]);

/**
 * Most bytes one import reads (desktop paths, or all the batches of one preview upload): enough
 * for thousands of news articles, and a bound on memory when a huge folder is chosen by mistake.
 */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;

/** The one error an import past MAX_IMPORT_BYTES ends with, on the desktop and in the preview. */
export function importLimitError(file: string, notRead: number): ImportError {
  const rest =
    notRead === 0
      ? 'this file was'
      : `this file and the ${notRead.toLocaleString('en')} after it were`;
  return {
    file,
    code: 'too-large',
    message: `Readout reads at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB in one import; ${rest} not read. Import them separately.`,
  };
}

export const channels = {
  'seeds:load': {
    method: 'loadSeeds',
    args: z.tuple([]),
    result: ExtractedImportReportSchema,
  },
  /** Desktop only: main shows the open dialog; the renderer never names the paths. */
  'import:pick': {
    method: 'pickAndImport',
    args: z.tuple([z.object({ folders: z.boolean() }).strict()]),
    /** null when the analyst cancels the dialog. */
    result: ExtractedImportReportSchema.nullable(),
  },
  /**
   * Desktop only: paths of files or folders dropped on the window. Main reads them only when a
   * drop granted them moments before (see DROP_GRANT_CHANNEL); the preview refuses paths.
   */
  'import:paths': {
    method: 'importPaths',
    args: z.tuple([z.array(PathSchema).min(1).max(1000)]),
    result: ExtractedImportReportSchema,
  },
  /** Files sent as bytes: browser preview uploads. */
  'import:files': {
    method: 'importFiles',
    args: z.tuple([z.array(UploadFileSchema).min(1).max(2000)]),
    result: ExtractedImportReportSchema,
  },
  /**
   * Opens a streaming import (see import-session.ts): the dialog's or the dropped paths (desktop;
   * dropped paths only when a drop granted them), or an upload the page will push (preview).
   * Answers at once, before the folders are walked; null when the analyst cancels the dialog.
   */
  'import:start': {
    method: 'startImport',
    args: z.tuple([ImportStartSchema]),
    result: ImportSessionSchema.nullable(),
  },
  /** The next bounded batch of a dialog or paths session, waiting until it is read. */
  'import:next': {
    method: 'nextImportBatch',
    args: z.tuple([ImportSessionIdSchema]),
    result: ImportBatchSchema,
  },
  /** Preview: one batch of an upload session's files, answered with its articles. */
  'import:upload': {
    method: 'uploadImportBatch',
    args: z.tuple([ImportSessionIdSchema, UploadBatchSchema]),
    result: ImportBatchSchema,
  },
  /** Stops a session: nothing more is read, batches read ahead are dropped. */
  'import:cancel': {
    method: 'cancelImport',
    args: z.tuple([ImportSessionIdSchema]),
    result: ImportCancelSchema,
  },
  /**
   * Finds the meetings each article of a batch reports, article by article, without merging.
   * The renderer caches the answers by content hash and extractor version and sends only
   * articles it has no current answer for, a batch at a time.
   */
  'meetings:extractArticles': {
    method: 'extractArticleMeetings',
    args: z.tuple([z.array(ArticleSchema).max(MAX_EXTRACT_BATCH)]),
    result: z.object({ results: z.array(ArticleExtractionSchema) }),
  },
  /**
   * One step of the incremental merge (see MergeRequestSchema): main merges the per-article
   * results it is sent (no article text) and keeps no state; the answer replaces the stored
   * meetings the request names. Results of another extractor version are not merged; `stale`
   * names their articles so the renderer extracts them again. Before issue 14 the argument was
   * every cached result of the library; now it is bounded by what one change touches.
   */
  'meetings:merge': {
    method: 'mergeArticleMeetings',
    args: z.tuple([MergeRequestSchema]),
    result: z.object({ meetings: z.array(MeetingSchema), stale: z.array(z.string()) }),
  },
  /**
   * "Add meeting from selection": the meeting the extractor reads in one sentence of one article
   * (offsets into its text), with mentions narrowed to that sentence; null when it finds none.
   * One article per call, so the message never grows with the library.
   */
  'meetings:fromText': {
    method: 'meetingFromText',
    args: z.tuple([
      z
        .object({
          article: ArticleSchema,
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
        })
        .strict(),
    ]),
    result: z.object({ meeting: MeetingSchema.nullable() }),
  },
  /**
   * What the analyst typed in country fields (a name, a demonym or an ISO code) as countries,
   * from main's gazetteer; null for each term that names none.
   */
  'countries:resolve': {
    method: 'resolveCountries',
    args: z.tuple([z.array(z.string().max(200)).max(300)]),
    result: z.object({ countries: z.array(CountryRefSchema.nullable()) }),
  },
  /**
   * Desktop: renders the one-page briefing, asks where to save it in main's own save dialog
   * (which asks before replacing a file) and writes it atomically. null when cancelled.
   */
  'briefing:export': {
    method: 'exportBriefing',
    args: z.tuple([BriefingInputSchema]),
    result: z.object({ path: z.string() }).nullable(),
  },
  /** Browser preview: renders the briefing and returns the bytes to download. */
  'briefing:render': {
    method: 'renderBriefing',
    args: z.tuple([BriefingInputSchema]),
    result: z.object({ fileName: z.string(), bytes: BytesSchema }),
  },
  /**
   * The fitted, positioned page (every line of text, rule and panel in points) that the PDF is
   * painted from, for the Briefing view to draw; nothing is written.
   */
  'briefing:layout': {
    method: 'layoutBriefing',
    args: z.tuple([BriefingInputSchema]),
    result: BriefingLayoutSchema,
  },
  /** A digest of several meetings on one page, laid out as the PDF will print it. */
  'digest:layout': {
    method: 'layoutDigest',
    args: z.tuple([DigestInputSchema]),
    result: BriefingLayoutSchema,
  },
  /** Browser preview: renders the digest and returns the bytes to download. */
  'digest:render': {
    method: 'renderDigest',
    args: z.tuple([DigestInputSchema]),
    result: z.object({ fileName: z.string(), bytes: BytesSchema }),
  },
  /** Desktop: renders the digest, asks where to save it and writes it atomically; null when cancelled. */
  'digest:export': {
    method: 'exportDigest',
    args: z.tuple([DigestInputSchema]),
    result: z.object({ path: z.string() }).nullable(),
  },
  /** The automatic backups in the profile's backups folder, newest first, damaged ones marked. */
  'backups:list': {
    method: 'listAutoBackups',
    args: z.tuple([]),
    result: AutoBackupListSchema,
  },
  /**
   * Saves a work backup's text as a new automatic backup and prunes old ones. Main names the
   * file from its own clock and checks the text is a work backup; the renderer sends no name.
   */
  'backups:write': {
    method: 'writeAutoBackup',
    args: z.tuple([z.string().min(1).max(MAX_WORK_BACKUP_CHARS)]),
    result: AutoBackupEntrySchema,
  },
  /** The text of one automatic backup, by id (checked against a strict pattern). */
  'backups:read': {
    method: 'readAutoBackup',
    args: z.tuple([AutoBackupIdSchema]),
    result: z.object({ id: AutoBackupIdSchema, text: z.string().max(MAX_WORK_BACKUP_CHARS) }),
  },
  /** Desktop only: the inbox folder and whether it is being watched. */
  'watch:status': {
    method: 'watchStatus',
    args: z.tuple([]),
    result: WatchStatusSchema,
  },
  /** Desktop only: main's folder dialog names the inbox (the page sends no path); cancel keeps it. */
  'watch:choose': {
    method: 'chooseWatchFolder',
    args: z.tuple([]),
    result: WatchStatusSchema,
  },
  /** Desktop only: stops watching and forgets the inbox folder. */
  'watch:stop': {
    method: 'stopWatchFolder',
    args: z.tuple([]),
    result: WatchStatusSchema,
  },
  /**
   * Team sync: one HTTP request of the page's PouchDB (or the cancel of one), which main sends to
   * the team's database with the profile's credentials. The page names a path, never a host; with
   * no team configured main answers `unsupported` and nothing leaves the machine.
   */
  'sync:request': {
    method: 'syncRequest',
    args: z.tuple([SyncRequestSchema]),
    result: SyncResponseSchema,
  },
  /**
   * Joins a team: main checks the user name and password against the team's database, keeps them
   * for the profile (the password with the credential store) and answers without echoing either.
   */
  'team:join': {
    method: 'teamJoin',
    args: z.tuple([TeamJoinRequestSchema]),
    result: TeamStatusSchema,
  },
  /** The profile's team: its id and the analyst's user name, or not joined. Never the server or password. */
  'team:status': {
    method: 'teamStatus',
    args: z.tuple([]),
    result: TeamStatusSchema,
  },
  /** Leaves the team: forgets the server and the password and stops every sync request. */
  'team:leave': {
    method: 'teamLeave',
    args: z.tuple([]),
    result: TeamStatusSchema,
  },
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelArgs<C extends Channel> = z.input<Channels[C]['args']>;
export type ChannelResult<C extends Channel> = z.output<Channels[C]['result']>;
export type MethodName = Channels[Channel]['method'];
export type ChannelOfMethod<M extends MethodName> = {
  [C in Channel]: Channels[C]['method'] extends M ? C : never;
}[Channel];

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
