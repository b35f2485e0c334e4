import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** The message under the field; the control is aria-invalid and described by it. */
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
  required?: boolean;
  className?: string;
}

/** A labelled control with its hint and its error right next to it. */
export function Field({ label, error, hint, children, required, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true" className="required"> *</span>}
      </label>
      {hint && <p id={hintId} className="hint">{hint}</p>}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && <p id={errorId} className="field-error">{error}</p>}
    </div>
  );
}
