/**
 * Builds a briefing input from a meeting and the articles it was found in, for the headless
 * command line, where there are no highlights or notes: the sources are the mentions' articles.
 */
import type { Article, BriefingInputDraft, Meeting, PaperSize } from '../contract';

export interface BriefingInputOptions {
  paper?: PaperSize;
  handling?: string | null;
  /** ISO datetime; fixed by callers that need byte-identical output. */
  generatedAt: string;
}

/** Sources in the order the meeting's mentions first cite them; unknown articles are skipped. */
export function briefingInputFor(
  meeting: Meeting,
  articles: ReadonlyMap<string, Article>,
  options: BriefingInputOptions,
): BriefingInputDraft {
  const ids = [...new Set(meeting.mentions.map(m => m.articleId))];
  const sources = ids.flatMap(id => {
    const a = articles.get(id);
    if (!a) return [];
    return [
      {
        articleId: a.id,
        title: a.title,
        publisher: a.publisher,
        published: a.published,
        file: a.file,
      },
    ];
  });
  return {
    meeting,
    sources,
    highlights: [],
    notes: [],
    options: {
      paper: options.paper ?? 'A4',
      handling: options.handling ?? null,
      generatedAt: options.generatedAt,
    },
  };
}
