// labelled form fields for the editor: the label is tied to its control by id, so its name is the label alone
import { useEffect, useId, useState } from 'react';

const show = (v: unknown) =>
  Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v);

/** a text field that commits on blur or Enter, so typing is not rewritten mid-word by the YAML round trip */
export function TextField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: unknown;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const [v, setV] = useState(show(value));
  useEffect(() => setV(show(value)), [value]);
  const commit = () => {
    if (v !== show(value)) onChange(v);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={v}
        onChange={(e) => setV(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: unknown;
  options: readonly (string | { value: string | number; label: string })[];
  onChange: (v: string) => void;
}) {
  const id = useId();
  const cur = show(value);
  const opts = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={cur} onChange={(e) => onChange(e.target.value)}>
        {cur && !opts.some((o) => String(o.value) === cur) ? <option value={cur}>{cur}</option> : null}
        {!cur ? <option value="">(not set)</option> : null}
        {opts.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
