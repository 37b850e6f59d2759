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
