import { useSyncExternalStore } from 'react';
import type { StoredArticle } from '../../db/db';
import { meetingFromSelection, setPendingDraft } from '../../meetings/selection';
import { viewMemory } from '../../meetings/view-memory';
import { useNavigation } from '../../navigation';
import { useShortcut } from '../../shortcuts';

/**
 * The meetings feature's controls in the reader's top bar. "Add meeting from selection" takes
 * the sentence around the reader's selection to the meetings view's Add form (also `M`). "Back
 * to meeting" shows while the analyst reads a source opened from a meeting card, and returns to
 * that meeting where they left it (also `B`).
 */
export function AddFromSelection({ article }: { article: StoredArticle | null }) {
  const { showView, view } = useNavigation();
  const { returnTo } = useSyncExternalStore(viewMemory.subscribe, viewMemory.get);
  const start = () => {
    if (!article) return;
    setPendingDraft(meetingFromSelection(article));
    showView('meetings');
  };
  const back = () => {
    viewMemory.returned();
    showView('meetings');
  };
  useShortcut(
    {
      key: 'm',
      description: 'Add a meeting from the selected sentence',
      group: 'Meetings',
      run: start,
    },
    view === 'reader' && article !== null,
  );
  useShortcut(
    {
      key: 'b',
      description: 'Back to the meeting a source was opened from',
      group: 'Meetings',
      run: back,
    },
    view === 'reader' && returnTo !== null,
  );
  if (view !== 'reader') return null;
  return (
    <>
      {returnTo && (
        <button
          type="button"
          className="back-to-meeting"
          onClick={back}
          aria-keyshortcuts="B"
          title={`Back to “${returnTo.title}”`}
        >
          <span aria-hidden="true">← </span>
          Back to meeting
        </button>
      )}
      {article && (
        <button
          type="button"
          className="add-from-selection"
          // Keep the reader's selection: a click on the button must not clear it first.
          onMouseDown={e => e.preventDefault()}
          onClick={start}
          aria-keyshortcuts="M"
          title="Select a sentence about a meeting in the article, then add it"
        >
          Add meeting from selection
        </button>
      )}
    </>
  );
}
