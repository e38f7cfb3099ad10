import { useState } from 'react';
import type { Meeting } from '../../../src-main/contract/meeting';
import { db } from '../../db/db';
import { shownToMeeting } from '../../meetings/decisions';
import { loadShown, type MeetingList } from '../../meetings/meeting-query';
import { DigestDialog } from '../briefing/DigestDialog';

/**
 * **Digest…** above the list: the digest of the meetings the list shows. The list holds only
 * their order, so their records are read when the analyst asks for a digest, not before.
 */
export function ListDigestButton({ list }: { list: MeetingList | undefined }) {
  const [open, setOpen] = useState<Meeting[] | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async () => {
    if (!list || busy) return;
    setBusy(true);
    try {
      const shown = await loadShown(db, list.ids, list.known);
      setOpen(
        list.ids.flatMap(id => {
          const m = shown.get(id);
          return m && !m.deleted ? [shownToMeeting(m)] : [];
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void choose()}
        // Not disabled while reading: a disabled button drops the focus the dialog gives back.
        aria-busy={busy || undefined}
        disabled={!list || list.ids.length === 0}
      >
        Digest…
      </button>
      {open && <DigestDialog meetings={open} onClose={() => setOpen(null)} />}
    </>
  );
}
