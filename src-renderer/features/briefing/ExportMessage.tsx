/**
 * What an export of a page (a briefing or a digest) is doing, and the one line that tells the
 * analyst how it ended: an alert for a failure, a status for a saved or downloaded file. The
 * Briefing view and both export dialogs show the same words in the same roles.
 */
import type { DeliveryOutcome } from './deliver';

export type ExportStatus = DeliveryOutcome | { kind: 'working' };

export function ExportMessage({ status }: { status: ExportStatus }) {
  if (status.kind === 'error') {
    return (
      <p role="alert" className="briefing-error">
        {status.message}
      </p>
    );
  }
  return status.kind === 'done' ? <p role="status">{status.message}</p> : null;
}
