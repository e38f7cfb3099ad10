/**
 * Keeps one upload in flight ahead of the page (issue 14). Without it an upload import ran in
 * strict turns: the page sent a batch, waited while the browser streamed the files and main
 * parsed and extracted them, then stored the answer while main sat idle, and only then sent the
 * next. With the next batch already sent when an answer arrives, main reads and extracts batch
 * k + 1 while the page stores batch k.
 *
 * Only an answer that is complete (not `more`: no pieces left for `import:next`) and not `done`
 * starts the next send, so main never gets an upload while pieces of the last one wait, and
 * nothing is sent after the last batch. At most two batches are held: the one being stored and
 * the one in flight. When the page stops early (a cancel, a failure) the send in flight is
 * simply never taken; main's session is closed by the caller.
 */
import type { ImportBatch } from '../../../src-main/contract/import-session';
import type { Result } from '../../../src-main/contract/result';

export type SendBatch = () => Promise<Result<ImportBatch>>;

/** A `take` that answers the next batch, `send` having been called for it in advance. */
export function readAhead(send: SendBatch): () => Promise<Result<ImportBatch>> {
  let ahead: Promise<Result<ImportBatch>> | null = null;
  return () => {
    const taken = ahead ?? send();
    ahead = null;
    // Chained on the batch taken, not on every send: one send ahead at most, never replaced
    // before it is taken, however early its answer arrives.
    return taken.then(answer => {
      if (answer.ok && !answer.value.more && !answer.value.done) {
        ahead = send();
        // Marked handled: a send that fails untaken (the page stopped first) is no stray error;
        // taken, its failure still reaches the caller.
        ahead.catch(() => {});
      }
      return answer;
    });
  };
}
