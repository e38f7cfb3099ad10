/**
 * The file names the import picker offers (the desktop dialog's "Articles" filter): every
 * format a reader exists for. Files of other names are still read when chosen through
 * "All files" or inside a folder, by their content.
 */
export const IMPORT_EXTENSIONS = [
  'txt',
  'text',
  'md',
  'markdown',
  'html',
  'htm',
  'xhtml',
  'mht',
  'mhtml',
  'pdf',
  'docx',
  'eml',
];
