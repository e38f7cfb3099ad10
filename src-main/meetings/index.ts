/**
 * Meetings engine entry points: extract per article, merge across articles, and shape the
 * `readout meetings --json` report. Pure and deterministic: the same articles give the same
 * meetings with the same ids.
 */
import type { ImportReport, Article } from '../contract/article';
import type { Meeting } from '../contract/meeting';
import { extractArticle, type ArticleMeeting } from './extract';
import { countryRef } from './gazetteer';
import { buildMeeting, clusterMeetings } from './merge';

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
 * Undated articles: once their meetings merge with meetings from dated articles, their relative
 * dates ("on Tuesday", "earlier this month") are resolved against that source's publication
 * date, and each such mention says so in `dateResolvedVia`.
 */
function borrowReferenceDates(
  articles: Article[],
  items: ArticleMeeting[],
  groups: ArticleMeeting[][],
): ArticleMeeting[] | null {
  const byId = new Map(articles.map(a => [a.id, a]));
  const borrowed = new Map<string, { ref: string; via: string; weight: number }>();
  for (const g of groups) {
    const dated = g
      .filter(m => m.published)
      .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
    if (dated.length === 0) continue;
    for (const m of g) {
      if (m.published) continue;
      const prev = borrowed.get(m.articleId);
      if (!prev || g.length > prev.weight)
        borrowed.set(m.articleId, {
          ref: dated[0].published ?? '',
          via: dated[0].file,
          weight: g.length,
        });
    }
  }
  if (borrowed.size === 0) return null;
  const out = items.filter(m => !borrowed.has(m.articleId));
  for (const [id, b] of borrowed) {
    const article = byId.get(id);
    if (article) out.push(...extractArticle(article, b.ref, b.via));
  }
  return out;
}

/** All meetings the articles report, merged across articles, in first-mention order. */
export function extractMeetings(articles: Article[]): Meeting[] {
  const seen = new Set<string>();
  const unique = articles.filter(a =>
    seen.has(a.id + a.source) ? false : (seen.add(a.id + a.source), true),
  );
  let items = unique.flatMap(a => extractArticle(a));
  let groups = clusterMeetings(items);
  const second = borrowReferenceDates(unique, items, groups);
  if (second) {
    items = second;
    groups = clusterMeetings(items);
  }
  const order = new Map(unique.map((a, i) => [a.id, i]));
  const first = (g: ArticleMeeting[]): number =>
    g.reduce(
      (min, m) => Math.min(min, (order.get(m.articleId) ?? 0) * 1e7 + (m.mentions[0]?.start ?? 0)),
      Infinity,
    );
  return groups
    .filter(g => g.some(m => m.mentions.length > 0))
    .map(g => ({ g, at: first(g) }))
    .sort((a, b) => a.at - b.at)
    .map(({ g }) => buildMeeting(g, countryName));
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
