import { Link } from "@remix-run/react";
import { Notice } from "../../page";

interface Report {
  published: { rowId: string; title: string; tag: "planning" | "planningUpdate" }[];
  unchanged: { rowId: string; title: string }[];
  invalid: { rowId: string; title: string | null; reason: string }[];
}

const opportunities = (count: number) => `${count} ${count === 1 ? "opportunity" : "opportunities"}`;

/** What a publication did: what is new, what was updated, what was already public and what was refused. */
export function PublishReportNotice({ report, publicPage }: { report: Report; publicPage: string }) {
  const added = report.published.filter((release) => release.tag === "planning");
  const updated = report.published.filter((release) => release.tag === "planningUpdate");
  const title =
    report.published.length > 0
      ? `Published ${opportunities(report.published.length)}`
      : "Nothing new was published";
  return (
    <Notice title={title}>
      {added.length > 0 ? (
        <>
          <p>Published for the first time:</p>
          <ul>
            {added.map((release) => (
              <li key={release.rowId}>{release.title}</li>
            ))}
          </ul>
        </>
      ) : null}
      {updated.length > 0 ? (
        <>
          <p>Changes published as an update:</p>
          <ul>
            {updated.map((release) => (
              <li key={release.rowId}>{release.title}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.unchanged.length > 0 ? (
        <>
          <p>Already public as they are, so left as they were:</p>
          <ul>
            {report.unchanged.map((entry) => (
              <li key={entry.rowId}>{entry.title}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.invalid.length > 0 ? (
        <>
          <p>Not published:</p>
          <ul>
            {report.invalid.map((entry) => (
              <li key={entry.rowId}>
                {entry.title ?? "An opportunity"}: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.published.length > 0 ? (
        <p>
          <Link to={publicPage}>See the public pipeline</Link>
        </p>
      ) : null}
    </Notice>
  );
}
