import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** A sentence under the label, read with the field. */
  hint?: ReactNode;
  error?: string | undefined;
  /** More ids the field is described by (a live checklist). */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  children?: ReactNode;
}

/** A labelled input whose hint and error are tied to it (aria-describedby), so screen readers read them with the field. */
export function Field({ id, label, value, onChange, hint, error, describedBy, inputRef, children, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [errorId, hintId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <input
        id={id}
        name={id}
        ref={inputRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...input}
      />
      {children}
    </div>
  );
}
