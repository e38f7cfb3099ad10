/**
 * Gathers what the analyst has on a meeting into the briefing input main renders: the meeting,
 * its sources in mention order, the highlights in those articles (key points are the highlights
 * in the first colour slot, "Key point" by default), the meeting's note and the articles' notes.
 */
import type {
  BriefingInputDraft,
  BriefingNote,
  BriefingSource,
} from '../../../src-main/contract/briefing';
import type { Meeting } from '../../../src-main/contract/meeting';
import type { ArticleNote, Highlight, StoredArticle } from '../../db/db';

/** Print colours of the eight highlight slots (yellow, blue, green, pink, orange, purple, teal, grey). */
export const SLOT_HEX = [
  '#e0b400',
  '#3d7cc9',
  '#3f9d4a',
  '#d6558a',
  '#e07b24',
  '#8a63c9',
  '#2a9d9d',
  '#8a8a8a',
];

/** The slot whose highlights become the briefing's key points. */
export const KEY_POINT_SLOT = 0;

export interface BriefingDraftOptions {
  paper: 'A4' | 'Letter';
  handling: string | null;
  generatedAt: string;
}

/** The meeting's sources as a briefing cites them; an id not in the library is left out. */
export function citedSources(
  ids: readonly string[],
  articles: Map<string, StoredArticle>,
): BriefingSource[] {
  return ids.flatMap(id => {
    const a = articles.get(id);
    return a
      ? [
          {
            articleId: id,
            title: a.title,
            publisher: a.publisher,
            url: a.url ?? null,
            published: a.published,
            file: a.file,
          },
        ]
      : [];
  });
}

export function buildBriefingInput(args: {
  meeting: Meeting;
  articles: Map<string, StoredArticle>;
  highlights: Highlight[];
  articleNotes: ArticleNote[];
  meetingNote: string | null;
  meanings: string[];
  options: BriefingDraftOptions;
  /** Highlights to print; all of the sources' highlights when absent. */
  chosen?: Set<string>;
}): BriefingInputDraft {
  const { meeting, articles, meanings } = args;
  const sourceIds = sourceArticleIds(meeting);
  const inSources = new Set(sourceIds);
  const sources = citedSources(sourceIds, articles);
  const highlights = args.highlights
    .filter(h => inSources.has(h.articleId) && (!args.chosen || args.chosen.has(h.id)))
    .sort(
      (a, b) =>
        sourceIds.indexOf(a.articleId) - sourceIds.indexOf(b.articleId) ||
        a.position.start - b.position.start,
    )
    .map(h => ({
      id: h.id,
      articleId: h.articleId,
      quote: h.quote.exact,
      colour: {
        name: meanings[h.colour] ?? `Colour ${h.colour + 1}`,
        hex: SLOT_HEX[h.colour] ?? '#8a8a8a',
      },
      note: h.note.trim() === '' ? null : h.note,
      keyPoint: h.colour === KEY_POINT_SLOT,
    }));
  const notes: BriefingNote[] = [];
  if (args.meetingNote && args.meetingNote.trim() !== '')
    notes.push({ scope: 'meeting', text: args.meetingNote });
  for (const id of sourceIds) {
    const note = args.articleNotes.find(n => n.articleId === id);
    if (note && note.text.trim() !== '')
      notes.push({ scope: 'article', articleId: id, text: note.text });
  }
  return { meeting, sources, highlights, notes, options: args.options };
}

/** Article ids of the meeting's mentions, first mention first, each once. */
export function sourceArticleIds(meeting: Meeting): string[] {
  return [...new Set(meeting.mentions.map(m => m.articleId))];
}

/** Saves bytes as a download in the browser preview. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type = 'application/pdf'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
