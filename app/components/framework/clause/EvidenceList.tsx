import { Link } from "@remix-run/react";
import type { ResolvedEvidence } from "./links";

/** Links to the documents and roadmap items that show the work was done; gone ones by name only. */
export function EvidenceList({
  evidence,
  label,
  detail,
}: {
  evidence: readonly ResolvedEvidence[];
  label: string;
  /** A note after each link, such as which recommendations it supports. */
  detail?: (item: ResolvedEvidence) => string;
}) {
  return (
    <ul className="clause-evidence" aria-label={label}>
      {evidence.map((item) => (
        <li key={item.key} className="clause-evidence__item">
          <span className="clause-evidence__kind">{item.kind}</span>{" "}
          {item.href ? (
            <Link to={item.href}>{item.title}</Link>
          ) : (
            <span>
              {item.title} <span className="secondary">(no longer in the workspace)</span>
            </span>
          )}
          {detail ? <span className="secondary"> {detail(item)}</span> : null}
        </li>
      ))}
    </ul>
  );
}
