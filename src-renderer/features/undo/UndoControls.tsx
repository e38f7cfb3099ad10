import { useState } from 'react';
import { useShortcut } from '../../shortcuts';
import { undoStack, useUndoState } from './desk';

/**
 * Undo and Redo buttons for the top bar, their Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z shortcuts, and a
 * status line that says what was undone. Inside a text field the browser's own text undo applies.
 */
export function UndoControls() {
  const state = useUndoState();
  const [said, setSaid] = useState('');
  const run = (which: 'undo' | 'redo') => {
    const action = which === 'undo' ? undoStack.undo() : undoStack.redo();
    action.then(
      label => setSaid(label ? `${which === 'undo' ? 'Undid' : 'Redid'}: ${label}` : ''),
      (error: unknown) => setSaid(`Could not ${which}: ${String(error)}`),
    );
  };
  useShortcut({
    key: 'z',
    mod: true,
    description: 'Undo',
    group: 'Editing',
    run: () => run('undo'),
  });
  useShortcut({
    key: 'z',
    mod: true,
    shift: true,
    description: 'Redo',
    group: 'Editing',
    run: () => run('redo'),
  });
  return (
    <div className="undo-controls">
      <button
        type="button"
        onClick={() => run('undo')}
        disabled={!state.canUndo}
        title={state.undoLabel ? `Undo ${state.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => run('redo')}
        disabled={!state.canRedo}
        title={state.redoLabel ? `Redo ${state.redoLabel} (Shift+Ctrl+Z)` : 'Nothing to redo'}
      >
        Redo
      </button>
      <span className="undo-status" role="status">
        {said}
      </span>
    </div>
  );
}
