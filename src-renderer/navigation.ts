/**
 * Where the analyst is: which article is open, which passage is marked, which view is showing.
 * Features call `openArticle` (search results, meeting sources, highlight lists) instead of
 * reaching into each other.
 */
import { createContext, useContext } from 'react';
import type { FocusRange } from './features/reader/ReaderView';

export type View = 'reader' | 'highlights' | 'meetings' | 'briefing';

export interface Navigation {
  selectedId: string | null;
  focus: FocusRange | null;
  view: View;
  openArticle(articleId: string, range?: { start: number; end: number }): void;
  showView(view: View): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside <NavigationContext.Provider>');
  return nav;
}
