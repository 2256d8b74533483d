import { ReactElement, cloneElement, useId } from 'react';

interface FieldProps {
  readonly label: string;
  /** Shown under the label; read with the control (aria-describedby). */
  readonly hint?: string;
  /** The problem with the value, in Chinese; marks the control invalid and is read with it. */
  readonly error?: string | null;
  readonly required?: boolean;
  /** One input, select or textarea: it gets the id, aria-describedby and aria-invalid. */
  readonly children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; required?: boolean }>;
}

/** A labelled form control with its hint and its error tied to it, for screen readers as for eyes. */
export function Field({ label, hint, error, required, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> （必填）</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required })}
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A refusal or failure message that screen readers announce as it appears. */
export function Alert({ children, tone = 'error' }: { readonly children: React.ReactNode; readonly tone?: 'error' | 'info' | 'success' }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
