/**
 * Gathers the analyst's annotations for export: one article's, or every article's that has any.
 * Highlights come in reading order (by position); articles in library order.
 */
import { sortForLibrary } from '../db/articles';
import type { ArticleNote, Highlight, ReadoutDB, StoredArticle } from '../db/db';
import { readColourMeanings } from './colours';

export interface AnnotatedArticle {
  article: StoredArticle;
  highlights: Highlight[];
  note: ArticleNote | null;
}

export interface AnnotationSet {
  articles: AnnotatedArticle[];
  colourMeanings: string[];
}

/** All annotations, or one article's (an article without any is still listed when asked for). */
export async function collectAnnotations(
  db: ReadoutDB,
  articleId?: string,
): Promise<AnnotationSet> {
  return db.transaction('r', db.articles, db.highlights, db.articleNotes, db.meta, async () => {
    const colourMeanings = await readColourMeanings(db);
    const [articles, highlights, notes] = articleId
      ? await Promise.all([
          db.articles.where('id').equals(articleId).toArray(),
          db.highlights.where('articleId').equals(articleId).toArray(),
          db.articleNotes.where('articleId').equals(articleId).toArray(),
        ])
      : await Promise.all([
          db.articles.toArray(),
          db.highlights.toArray(),
          db.articleNotes.toArray(),
        ]);
    // Exports carry the live work only; the trash is in the backups, not in what is shared.
    const notesBy = new Map(
      notes.filter(n => n.trashedAt === undefined).map(n => [n.articleId, n]),
    );
    const highlightsBy = new Map<string, Highlight[]>();
    for (const h of highlights) {
      if (h.trashedAt !== undefined) continue;
      const list = highlightsBy.get(h.articleId) ?? [];
      list.push(h);
      highlightsBy.set(h.articleId, list);
    }
    const result: AnnotatedArticle[] = [];
    for (const article of sortForLibrary(articles)) {
      const hs = (highlightsBy.get(article.id) ?? []).sort(
        (a, b) => a.position.start - b.position.start || a.createdAt - b.createdAt,
      );
      const note = notesBy.get(article.id) ?? null;
      const hasNote = !!note && (note.text.trim() !== '' || note.tags.length > 0);
      if (articleId || hs.length > 0 || hasNote) {
        result.push({ article, highlights: hs, note: hasNote ? note : null });
      }
    }
    return { articles: result, colourMeanings };
  });
}
