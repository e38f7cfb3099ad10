export { importPaths, importFiles, articlesFromBytes, nodeReadFs, type ReadFs } from './import';
export { decodeText } from './decode';
export { parseArticle, normaliseText, contentId } from './parse';
export { collectFiles } from './walk';
