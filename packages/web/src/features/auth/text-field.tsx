export interface TextFieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  value: string;
  /** What is wrong with the value, in plain words. */
  error?: string;
  hint?: string;
  onChange(value: string): void;
}

/** A labelled input with its hint and field errors tied to it for assistive technology. */
export function TextField({
  name,
  label,
  type = 'text',
  autoComplete,
  value,
  error,
  hint,
  onChange,
}: TextFieldProps) {
  const id = `field-${name}`;
  const invalid = Boolean(error);
  const described = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        value={value}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {invalid && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
