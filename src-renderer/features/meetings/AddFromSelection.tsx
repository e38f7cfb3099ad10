import type { StoredArticle } from '../../db/db';
import { meetingFromSelection, setPendingDraft } from '../../meetings/selection';
import { useNavigation } from '../../navigation';
import { useShortcut } from '../../shortcuts';

/**
 * "Add meeting from selection": takes the sentence around the reader's selection to the
 * meetings view's Add form. Also on the `M` key while reading.
 */
export function AddFromSelection({ article }: { article: StoredArticle | null }) {
  const { showView, view } = useNavigation();
  const start = () => {
    if (!article) return;
    setPendingDraft(meetingFromSelection(article));
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
  if (view !== 'reader' || !article) return null;
  return (
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
  );
}
