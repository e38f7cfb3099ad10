/**
 * The reader's article element dressed in the analyst's reading comfort (comfort.ts): size, line
 * width and theme as CSS custom properties and a data attribute, a small "Aa" disclosure with the
 * controls, and the shortcuts for them while an article is open. ReaderView renders its article
 * through this, so the reader itself knows nothing of settings.
 */
import { useId, useSyncExternalStore, type CSSProperties, type ReactNode, type Ref } from 'react';
import { useShortcut } from '../../shortcuts';
import {
  ComfortStore,
  comfortStyle,
  FONT_SIZES,
  LINE_WIDTH_LABEL,
  LINE_WIDTHS,
  nextOf,
  stepFont,
  THEME_LABEL,
  THEMES,
  type LineWidth,
  type ReaderTheme,
} from './comfort';
import './comfort.css';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The app's one store of reading settings. */
export const comfortStore = new ComfortStore(browserStorage());

/** The current reading settings, live. */
export function useComfort() {
  return useSyncExternalStore(comfortStore.subscribe, comfortStore.get);
}

function useComfortKeys(): void {
  const group = 'Reading comfort';
  useShortcut({
    key: '+',
    description: 'Larger text',
    group,
    run: () => comfortStore.update(c => stepFont(c, 1)),
  });
  useShortcut({
    key: '-',
    description: 'Smaller text',
    group,
    run: () => comfortStore.update(c => stepFont(c, -1)),
  });
  useShortcut({
    key: 'w',
    description: 'Next line width (narrow, medium, wide)',
    group,
    run: () => comfortStore.update(c => ({ ...c, lineWidth: nextOf(LINE_WIDTHS, c.lineWidth) })),
  });
  useShortcut({
    key: 't',
    description: 'Next reading theme (system, light, dark, sepia)',
    group,
    run: () => comfortStore.update(c => ({ ...c, theme: nextOf(THEMES, c.theme) })),
  });
}

/** The "Aa" disclosure: text size steps, line width and theme. */
function ComfortControls() {
  const comfort = useComfort();
  const id = useId();
  const percent = Math.round((FONT_SIZES[comfort.fontStep] / FONT_SIZES[3]) * 100);
  return (
    <details className="comfort">
      <summary aria-label="Reading settings" title="Reading settings (+ − W T)">
        Aa
      </summary>
      <div className="comfort-panel" role="group" aria-label="Reading settings">
        <div className="comfort-row" role="group" aria-label="Text size">
          <span className="comfort-label">Text size</span>
          <button
            type="button"
            aria-label="Smaller text"
            disabled={comfort.fontStep === 0}
            onClick={() => comfortStore.update(c => stepFont(c, -1))}
          >
            A−
          </button>
          <output aria-live="polite" aria-label="Text size">
            {percent}%
          </output>
          <button
            type="button"
            aria-label="Larger text"
            disabled={comfort.fontStep === FONT_SIZES.length - 1}
            onClick={() => comfortStore.update(c => stepFont(c, 1))}
          >
            A+
          </button>
        </div>
        <div className="comfort-row">
          <label className="comfort-label" htmlFor={`${id}-width`}>
            Line width
          </label>
          <select
            id={`${id}-width`}
            value={comfort.lineWidth}
            onChange={e =>
              comfortStore.update(c => ({ ...c, lineWidth: e.target.value as LineWidth }))
            }
          >
            {LINE_WIDTHS.map(w => (
              <option key={w} value={w}>
                {LINE_WIDTH_LABEL[w]}
              </option>
            ))}
          </select>
        </div>
        <div className="comfort-row">
          <label className="comfort-label" htmlFor={`${id}-theme`}>
            Theme
          </label>
          <select
            id={`${id}-theme`}
            value={comfort.theme}
            onChange={e =>
              comfortStore.update(c => ({ ...c, theme: e.target.value as ReaderTheme }))
            }
          >
            {THEMES.map(t => (
              <option key={t} value={t}>
                {THEME_LABEL[t]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </details>
  );
}

/**
 * The reader's `<article>` with the reading settings applied and their controls above the text.
 * Props other than children go to the article element.
 */
export function ComfortReader({
  children,
  ...article
}: {
  children: ReactNode;
  className: string;
  'aria-labelledby': string;
  /** The article element, for the reading state (read mark, position) kept by the library. */
  ref?: Ref<HTMLElement>;
}) {
  const comfort = useComfort();
  useComfortKeys();
  const { style, theme } = comfortStyle(comfort);
  return (
    <article
      {...article}
      className={`${article.className} comfort-reader`}
      data-reader-theme={theme}
      data-line-width={comfort.lineWidth}
      style={style as CSSProperties}
    >
      <ComfortControls />
      {children}
    </article>
  );
}
