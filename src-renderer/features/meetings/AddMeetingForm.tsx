import { useEffect, useRef, useState } from 'react';
import type { Mention } from '../../../src-main/contract/meeting';
import { api } from '../../bridge';
import { db } from '../../db/db';
import { addManualMeeting } from '../../meetings/actions';
import { resolveCountryInputs } from '../../meetings/country-inputs';
import { fromInputs, toInputs, type Inputs } from '../../meetings/editing';
import { blankValues, FIELD_NAMES, type FieldName, type FieldValues } from '../../meetings/fields';
import { extractDraft } from '../../meetings/prefill';
import type { MeetingDraft } from '../../meetings/selection';
import { FieldInputs } from './FieldInputs';

type AllInputs = Record<FieldName, Inputs>;

const inputsFor = (values: FieldValues): AllInputs =>
  Object.fromEntries(FIELD_NAMES.map(f => [f, toInputs(f, values)])) as AllInputs;

type Reading =
  | { kind: 'none' }
  | { kind: 'reading' }
  | { kind: 'found' }
  | { kind: 'nothing' }
  | { kind: 'failed'; message: string };

/**
 * A meeting the analyst adds by hand, optionally with a sentence from the reader as its source.
 * With a sentence, the extractor reads it first and the form starts with every field it found;
 * fields the analyst has already typed in are left as typed.
 */
export function AddMeetingForm({
  draft,
  onAdded,
  onCancel,
}: {
  draft: MeetingDraft | null;
  onAdded: (id: string) => void;
  onCancel: () => void;
}) {
  const [inputs, setInputs] = useState<AllInputs>(() => inputsFor(blankValues()));
  const [source, setSource] = useState<Mention | null>(draft?.mention ?? null);
  const [useSource, setUseSource] = useState(draft !== null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<Reading>({ kind: draft ? 'reading' : 'none' });
  const touched = useRef(new Set<FieldName>());

  useEffect(() => {
    if (!draft) return;
    let live = true;
    void (async () => {
      const article = await db.articles.get(draft.mention.articleId);
      const out = await extractDraft(draft, article, input => api.meetingFromText(input));
      if (!live) return;
      if (!out.ok) {
        setReading({ kind: 'failed', message: out.error.message });
        return;
      }
      const filled = inputsFor(out.value.values);
      setInputs(now => {
        const next = { ...now };
        for (const f of FIELD_NAMES) if (!touched.current.has(f)) next[f] = filled[f];
        return next;
      });
      setSource(out.value.mention);
      setReading({ kind: out.value.found ? 'found' : 'nothing' });
    })();
    return () => {
      live = false;
    };
  }, [draft]);

  const submit = async () => {
    const values: Partial<Record<FieldName, unknown>> = {};
    for (const f of FIELD_NAMES) {
      const resolved = await resolveCountryInputs(f, inputs[f], terms =>
        api.resolveCountries(terms),
      );
      const parsed = resolved.ok ? fromInputs(f, resolved.value) : resolved;
      if (!parsed.ok) {
        setError(parsed.error);
        return;
      }
      values[f] = parsed.value;
    }
    const v = values as FieldValues;
    const mentions = source && useSource ? [{ ...source, status: v.status, date: v.date }] : [];
    onAdded(await addManualMeeting(db, v, mentions));
  };

  return (
    <form
      className="add-meeting"
      aria-labelledby="add-meeting-title"
      aria-busy={reading.kind === 'reading'}
      onSubmit={e => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="add-meeting-title">Add a meeting</h2>
      {draft && (
        <div className="draft-source">
          <p className="muted">From “{draft.articleTitle}”:</p>
          <blockquote>{draft.mention.sentence}</blockquote>
          <p className="draft-reading" role="status">
            {reading.kind === 'reading'
              ? 'Reading the sentence…'
              : reading.kind === 'found'
                ? 'Filled in from the sentence: check each field before adding.'
                : reading.kind === 'nothing'
                  ? 'Readout found no meeting in this sentence: fill in the fields.'
                  : reading.kind === 'failed'
                    ? `The sentence could not be read (${reading.message}): fill in the fields.`
                    : ''}
          </p>
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
            onChange={next => {
              touched.current.add(f);
              setInputs(now => ({ ...now, [f]: next }));
            }}
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
