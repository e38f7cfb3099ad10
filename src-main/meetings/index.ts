/**
 * Meetings engine entry points: extract per article, merge across articles, and shape the
 * `readout meetings --json` report. Pure and deterministic: the same articles give the same
 * meetings with the same ids.
 */
import type { ImportReport, Article } from '../contract/article';
import type { ArticleExtraction } from '../contract/article-meetings';
import type { Meeting } from '../contract/meeting';
import { borrowedReferences, resolveWithReference } from './borrow';
import { buildMeeting } from './build';
import { extractArticle } from './extract';
import { countryRef } from './gazetteer';
import { clusterMeetings, type MergeItem } from './merge';

export interface MeetingsReport {
  articles: {
    file: string;
    id: string | null;
    title: string | null;
    published: string | null;
    error: string | null;
  }[];
  meetings: Meeting[];
}

const countryName = (code: string): string => countryRef(code).name;

const partiesOf = (m: MergeItem): string[] => [
  ...m.countries.map(c => `c:${c}`),
  ...m.people.map(p => `p:${p.name.split(/\s+/).pop()?.toLowerCase() ?? ''}`),
  ...m.organizations.map(o => `o:${o}`),
];

/**
 * Groups, after undated articles borrowed a reference date from the dated source they share
 * their strongest meeting with (see `borrow.ts`). Only the groups the re-read meetings were in,
 * and those that share a party with them, are clustered again; the rest stay as they were.
 */
function clusterWithBorrowedDates(items: MergeItem[]): MergeItem[][] {
  const groups = clusterMeetings(items);
  const references = borrowedReferences(groups);
  if (references.size === 0) return groups;
  const byArticle = new Map<string, MergeItem[]>();
  for (const m of items) {
    if (!references.has(m.articleId)) continue;
    const list = byArticle.get(m.articleId);
    if (list) list.push(m);
    else byArticle.set(m.articleId, [m]);
  }
  const changed = new Map<MergeItem, MergeItem>();
  for (const [id, list] of byArticle) {
    const ref = references.get(id);
    if (ref) for (const [from, to] of resolveWithReference(list, ref)) changed.set(from, to);
  }
  if (changed.size === 0) return groups;
  const parties = new Set([...changed.keys()].flatMap(partiesOf));
  const again: MergeItem[] = [];
  const kept: MergeItem[][] = [];
  for (const g of groups) {
    if (g.some(m => changed.has(m) || partiesOf(m).some(p => parties.has(p))))
      again.push(...g.map(m => changed.get(m) ?? m));
    else kept.push(g);
  }
  return [...kept, ...clusterMeetings(again)];
}

/**
 * Merges per-article meetings (fresh or from a cache) into meetings, ordered by the first
 * mention in `articleOrder` (article ids; unknown ids go last). The grouping itself does not
 * depend on the order: the same items in any order give the same meetings with the same ids.
 */
export function mergeArticleMeetings(items: MergeItem[], articleOrder: string[] = []): Meeting[] {
  const order = new Map(articleOrder.map((id, i) => [id, i]));
  const first = (g: MergeItem[]): number =>
    g.reduce(
      (min, m) =>
        Math.min(min, (order.get(m.articleId) ?? order.size) * 1e7 + (m.mentions[0]?.start ?? 0)),
      Infinity,
    );
  const starts = new Set<string>();
  const shared = new Set<string>();
  for (const m of items) {
    const key = `${m.articleId}:${m.mentions[0]?.start ?? 0}`;
    if (starts.has(key)) shared.add(key);
    starts.add(key);
  }
  return clusterWithBorrowedDates(items)
    .filter(g => g.some(m => m.mentions.length > 0))
    .map(g => ({ g, at: first(g), meeting: buildMeeting(g, countryName, shared) }))
    .sort((a, b) => a.at - b.at || a.meeting.id.localeCompare(b.meeting.id))
    .map(({ meeting }) => meeting);
}

/**
 * The version of what `extractArticle` reports for a given text. Per-article results are cached
 * under it (in the renderer's database), so bump it with every change to extraction that changes
 * any result: a stale version makes every library re-extract once, a forgotten bump keeps old
 * results until the article's text changes.
 */
export const EXTRACTOR_VERSION = 'extract-32';

/** Per-article results for a batch of articles, tagged with the extractor version. */
export function extractArticleResults(articles: Article[]): ArticleExtraction[] {
  return articles.map(a => ({
    articleId: a.id,
    extractorVersion: EXTRACTOR_VERSION,
    meetings: extractArticle(a),
  }));
}

/**
 * Meetings from stored per-article results, in the order of `results`. Results of another
 * extractor version are left out and named in `stale`; so is a second result for one article.
 */
export function mergeArticleResults(results: ArticleExtraction[]): {
  meetings: Meeting[];
  stale: string[];
} {
  const stale: string[] = [];
  const current = new Map<string, ArticleExtraction>();
  for (const r of results) {
    if (r.extractorVersion !== EXTRACTOR_VERSION) stale.push(r.articleId);
    else if (!current.has(r.articleId)) current.set(r.articleId, r);
  }
  const items = [...current.values()].flatMap(r =>
    r.meetings.filter(m => m.articleId === r.articleId),
  );
  return { meetings: mergeArticleMeetings(items, [...current.keys()]), stale };
}

/** All meetings the articles report, merged across articles, in first-mention order. */
export function extractMeetings(articles: Article[]): Meeting[] {
  const seen = new Set<string>();
  const unique = articles.filter(a =>
    seen.has(a.id + a.source) ? false : (seen.add(a.id + a.source), true),
  );
  return mergeArticleMeetings(
    unique.flatMap(a => extractArticle(a)),
    unique.map(a => a.id),
  );
}

/** The `readout meetings --json` report for an import: every file with its error, and the meetings. */
export function meetingsReport(report: ImportReport): MeetingsReport {
  return {
    articles: [
      ...report.articles.map(a => ({
        file: a.source,
        id: a.id,
        title: a.title,
        published: a.published,
        error: null,
      })),
      ...report.errors.map(e => ({
        file: e.file,
        id: null,
        title: null,
        published: null,
        error: e.message,
      })),
    ],
    meetings: extractMeetings(report.articles),
  };
}
