import { useEffect, useRef } from 'react';
import type { UploadFile } from '../../../src-main/contract/article';
import type { PickedFile } from './importer';
import { pastedUpload, pastesIntoField, readClipboard } from './paste';

export interface PasteHandlers {
  /** Text or HTML pasted: import it as one article. */
  onContent: (upload: UploadFile) => void;
  /** Files pasted (copied in a file manager): import them as an upload of files. */
  onFiles: (files: PickedFile[]) => void;
}

/**
 * Ctrl/Cmd+V anywhere outside a field, while `enabled` (the library is on screen and no import
 * runs), imports what was pasted. A paste into an input, a textarea or an editable element is
 * left to it; an empty clipboard does nothing.
 */
export function usePasteToCreate(enabled: boolean, handlers: PasteHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || !event.clipboardData || pastesIntoField(event.target)) return;
      const clip = readClipboard(event.clipboardData);
      if (clip.files.length > 0) {
        event.preventDefault();
        latest.current.onFiles(clip.files.map(file => ({ file, name: file.name })));
        return;
      }
      const upload = pastedUpload(clip, new Date());
      if (!upload) return;
      event.preventDefault();
      latest.current.onContent(upload);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [enabled]);
}
