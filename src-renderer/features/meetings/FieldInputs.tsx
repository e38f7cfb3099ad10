import { useId } from 'react';
import { inputsOf, type Inputs } from '../../meetings/editing';
import type { FieldName } from '../../meetings/fields';

/** The inputs of one field's editor, labelled; used by the card's Edit and the Add form. */
export function FieldInputs({
  field,
  inputs,
  onChange,
  autoFocus = false,
}: {
  field: FieldName;
  inputs: Inputs;
  onChange: (inputs: Inputs) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="field-inputs">
      {inputsOf(field).map((spec, i) => {
        const inputId = `${id}-${spec.key}`;
        const hintId = spec.hint ? `${inputId}-hint` : undefined;
        const common = {
          id: inputId,
          value: inputs[spec.key] ?? '',
          'aria-describedby': hintId,
          autoFocus: autoFocus && i === 0,
          onChange: (e: { target: { value: string } }) =>
            onChange({ ...inputs, [spec.key]: e.target.value }),
        };
        return (
          <div className="input-row" key={spec.key}>
            <label htmlFor={inputId}>{spec.label}</label>
            {spec.kind === 'select' ? (
              <select {...common}>
                {spec.options?.map(o => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : spec.kind === 'textarea' ? (
              <textarea rows={3} {...common} />
            ) : (
              <input type={spec.kind === 'date' ? 'date' : 'text'} {...common} />
            )}
            {spec.hint && (
              <span className="input-hint" id={hintId}>
                {spec.hint}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
