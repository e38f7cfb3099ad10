/**
 * Meetings engine entry points: extract per article, merge across articles, and shape the
 * `readout meetings --json` report. Pure and deterministic: the same articles give the same
 * meetings with the same ids.
 */
import type { ImportReport, Article } from '../contract/article';
import type { Meeting } from '../contract/meeting';
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
  return clusterMeetings(items)
    .filter(g => g.some(m => m.mentions.length > 0))
    .map(g => ({ g, at: first(g), meeting: buildMeeting(g, countryName) }))
    .sort((a, b) => a.at - b.at || a.meeting.id.localeCompare(b.meeting.id))
    .map(({ meeting }) => meeting);
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
