/**
 * One-page PDF briefings: plan the content, fit it on one page, draw it with pdfkit; plus the
 * file name to propose and the atomic write that saves it.
 */
export {
  layoutBriefing,
  renderBriefing,
  renderBriefingWithReport,
  type BriefingReport,
  type LaidOutBriefing,
} from './render';
export {
  loadBriefingFonts,
  defaultFontDir,
  defaultCjkFontFile,
  FONT_FILES,
  type BriefingFonts,
  type FontSource,
} from './fonts';
export { faceRuns, PLACEHOLDER, type FaceRun } from './fallback';
export { briefingFileName, uniqueFileName, slugify } from './filename';
export {
  writeFileAtomic,
  AtomicWriteError,
  type AtomicWriteErrorCode,
  type AtomicWriteFs,
} from './atomic-write';
export { planBriefing, type BriefingPlan } from './plan';
export { briefingInputFor } from './input';
export {
  layoutDigest,
  renderDigestWithReport,
  digestFileName,
  writeDigest,
  type WrittenDigest,
} from './digest';
