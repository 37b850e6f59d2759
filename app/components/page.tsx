import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function PageHeading({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <div className="page-heading">
      {caption ? <span className="caption">{caption}</span> : null}
      <h1>{children}</h1>
    </div>
  );
}

/** A confirmation or outcome message that stands out, announced politely to screen readers. */
export function Notice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="notice" role="status">
      <h2 className="notice__title">{title}</h2>
      {children}
    </div>
  );
}

interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Hidden form fields that say what is confirmed. */
  fields?: Record<string, string>;
  /** Where the form posts; the current page by default. */
  action?: string;
  /** Where Cancel leads: the page without the confirmation. */
  cancelTo: string;
  busy?: boolean;
}

/** Asks before something that cannot be taken back, with the choice to go back. */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  fields = {},
  action,
  cancelTo,
  busy,
}: ConfirmProps) {
  return (
    <div className="error-summary" role="alertdialog" aria-labelledby="confirm-title">
      <h2 className="error-summary__title" id="confirm-title">
        {title}
      </h2>
      {children}
      <Form method="post" action={action} replace className="inline-form">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="button button--warning" disabled={busy}>
          {confirmLabel}
        </button>
        <Link to={cancelTo} replace className="button button--secondary">
          Cancel
        </Link>
      </Form>
    </div>
  );
}
