import { useRef } from 'react';
import { desktop } from '../../bridge';
import { pickedFromFileList, type PickedFiles } from './importer';

interface Props {
  busy: boolean;
  onDialog: (folders: boolean) => void;
  onUpload: (files: PickedFiles) => void;
}

/**
 * Import buttons. On the desktop they open main's file dialog; in the browser preview they use
 * file inputs (one of them picks a whole folder) and upload the bytes.
 */
export function ImportControls({ busy, onDialog, onUpload }: Props) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    // Not copied into an array here: a 100,000-file folder is planned in chunks (importUploads).
    // Clearing the input gives it a new, empty list; the one taken keeps its files.
    const picked = pickedFromFileList(input.files);
    input.value = '';
    if (picked.length > 0) onUpload(picked);
  };
  const open = (folders: boolean) => {
    if (desktop) onDialog(folders);
    else (folders ? folderInput : filesInput).current?.click();
  };
  return (
    <div className="import-controls">
      <button type="button" onClick={() => open(false)} disabled={busy}>
        Import files…
      </button>
      <button type="button" onClick={() => open(true)} disabled={busy}>
        Import folder…
      </button>
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        aria-label="Choose article files"
        onChange={e => take(e.currentTarget)}
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        aria-label="Choose a folder of articles"
        {...{ webkitdirectory: '' }}
        onChange={e => take(e.currentTarget)}
      />
    </div>
  );
}
