import { useState } from 'react';
import { db } from '../../db/db';
import { addManualMeeting } from '../../meetings/actions';
import { fromInputs, toInputs, type Inputs } from '../../meetings/editing';
import { blankValues, FIELD_NAMES, type FieldName, type FieldValues } from '../../meetings/fields';
import type { MeetingDraft } from '../../meetings/selection';
import { FieldInputs } from './FieldInputs';

/** A meeting the analyst adds by hand, optionally with a sentence from the reader as its source. */
export function AddMeetingForm({
  draft,
  onAdded,
  onCancel,
}: {
  draft: MeetingDraft | null;
  onAdded: (id: string) => void;
  onCancel: () => void;
}) {
  const [inputs, setInputs] = useState<Record<FieldName, Inputs>>(() => {
    const blank = blankValues();
    return Object.fromEntries(FIELD_NAMES.map(f => [f, toInputs(f, blank)])) as Record<
      FieldName,
      Inputs
    >;
  });
  const [useSource, setUseSource] = useState(draft !== null);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const values: Partial<Record<FieldName, unknown>> = {};
    for (const f of FIELD_NAMES) {
      const parsed = fromInputs(f, inputs[f]);
      if (!parsed.ok) {
        setError(parsed.error);
        return;
      }
      values[f] = parsed.value;
    }
    const v = values as FieldValues;
    const mentions =
      draft && useSource ? [{ ...draft.mention, status: v.status, date: v.date }] : [];
    void addManualMeeting(db, v, mentions).then(onAdded);
  };

  return (
    <form
      className="add-meeting"
      aria-labelledby="add-meeting-title"
      onSubmit={e => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="add-meeting-title">Add a meeting</h2>
      {draft && (
        <div className="draft-source">
          <p className="muted">From “{draft.articleTitle}”:</p>
          <blockquote>{draft.mention.sentence}</blockquote>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={useSource}
              onChange={e => setUseSource(e.target.checked)}
            />
            Keep this sentence as the meeting’s source
          </label>
        </div>
      )}
      {FIELD_NAMES.map(f => (
        <div key={f} className="add-field">
          <FieldInputs
            field={f}
            inputs={inputs[f]}
            onChange={next => setInputs({ ...inputs, [f]: next })}
            autoFocus={f === 'title'}
          />
        </div>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          Add meeting
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
