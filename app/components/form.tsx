import {
  useEffect,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import type { FieldErrors } from "../../shared/validation";

interface FrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** The control, given the ids that describe it. */
  children(describedBy: string | undefined): ReactNode;
}

/** A field's label, hint and error message around its control, the message announced with it. */
function FieldFrame({ id, label, hint, error, children }: FrameProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children([hintId, errorId].filter(Boolean).join(" ") || undefined)}
    </div>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled input whose error message sits next to it and is announced with it. */
export function TextField({ name, label, hint, error, id = name, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          className="input"
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled text area whose error message sits next to it and is announced with it. */
export function TextAreaField({ name, label, hint, error, id = name, rows = 5, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          className="textarea"
          id={id}
          name={name}
          rows={rows}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  error?: string | undefined;
  options: { value: string; label: string }[];
}

export function SelectField({ name, label, error, options, id = name, ...select }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      {(describedBy) => (
        <select
          className="select"
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/**
 * The list of problems at the top of a form, focused when it appears so screen readers and
 * keyboard users land on it; each problem links to its field.
 */
export function ErrorSummary({ message, fieldErrors }: { message?: string; fieldErrors?: FieldErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors ?? {}).filter(([field]) => field !== "form");
  const formError = fieldErrors?.form;
  const visible = Boolean(message || entries.length > 0);
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, message, fieldErrors]);
  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {formError ? <li>{formError}</li> : null}
        {entries.length === 0 && !formError && message ? <li>{message}</li> : null}
        {entries.map(([field, error]) => (
          <li key={field}>
            <a href={`#${field}`}>{error}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
