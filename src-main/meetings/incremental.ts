/**
 * The main-process side of the incremental merge (issue 14). The renderer keeps the meetings and
 * the per-article results; when articles arrive, change or leave it sends one bounded request:
 * the results of the articles the change touches (the changed articles, and every article of
 * the stored meetings they could join, closed over shared articles) and the ids of those stored
 * meetings. Main merges exactly those results with the merge engine (`clusterMeetings` through
 * `mergeArticleMeetings`) and answers the meetings that replace them. Because the merge is a
 * function of the set of mentions and compares a mention only with meetings in its blocks, the
 * meetings outside the request are the ones the full merge of the library would give as well:
 * the request stays the size of the change, never of the library.
 */
import type { MergeRequest } from '../contract/article-meetings';
import {
  MAX_MERGE_REPLACES,
  MAX_MERGE_RESULTS,
  MAX_MESSAGE_BYTES,
  messageBytes,
} from '../contract/article-meetings';
import type { Meeting } from '../contract/meeting';
import { ServiceError } from '../service-error';
import { mergeArticleResults } from './index';

export interface MergeAnswer {
  /** The meetings that replace the request's `replaces` (the others of those are gone). */
  meetings: Meeting[];
  /** Articles whose results are of another extractor version: extract them again. */
  stale: string[];
}

/**
 * Merges one incremental request. Throws a ServiceError when the request, or its answer, is
 * over a cap: the channel's schema refuses a large request first, this guards callers in main
 * (tools, benchmarks) and the answer, which is never sent half-way and refused by the bridge.
 */
export function mergeIncrement(request: MergeRequest): MergeAnswer {
  if (request.results.length > MAX_MERGE_RESULTS)
    throw new ServiceError(
      'invalid-argument',
      `A merge request carries at most ${MAX_MERGE_RESULTS} article results; this one has ${request.results.length}.`,
    );
  if (request.replaces.length > MAX_MERGE_REPLACES)
    throw new ServiceError(
      'invalid-argument',
      `A merge request replaces at most ${MAX_MERGE_REPLACES} meetings; this one names ${request.replaces.length}.`,
    );
  const answer = mergeArticleResults(request.results);
  const bytes = messageBytes(answer);
  if (bytes > MAX_MESSAGE_BYTES)
    throw new ServiceError(
      'invalid-argument',
      `The merged meetings of one change take ${bytes} bytes, over the ${MAX_MESSAGE_BYTES}-byte cap of one message.`,
    );
  return answer;
}
