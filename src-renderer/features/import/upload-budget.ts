/**
 * Request size budget for preview uploads: about 4 MB of file bytes or 100 files, whichever
 * comes first. Each batch's answer is parsed and stored by the page in one transaction, in a
 * few tasks whose length grows with the batch; at 200 files they came near 100 ms on a loaded
 * 2-core machine. Kept apart, with no imports, so the end-to-end tests that reason about whole
 * batches read the same figure the page uses.
 */
export const BATCH_BYTES = 4 * 1024 * 1024;
export const BATCH_FILES = 100;
