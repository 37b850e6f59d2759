import { Link, useFetcher } from "@remix-run/react";
import { ROLE_LABELS, type Role } from "../../shared/roles";

interface Version {
  id: string;
  number: number;
}

interface Person {
  userId: string;
  name: string;
  role: Role;
  agreement: { version: Version; agreedAt: string } | null;
}

/** What the server says about agreement with a guiding principles document, as the page receives it. */
export interface AgreementData {
  currentVersion: Version | null;
  latestVersion: Version | null;
  agreed: Person[];
  notYet: Person[];
}

/** What agreeing answers: the version agreed with, or why not. */
export type AgreeResult = { ok: true; version: Version } | { ok: false; message: string };

interface Props {
  agreement: AgreementData;
  /** Where versions are opened and agreement is posted: `/c/<city>/docs/<id>`. */
  base: string;
  userId: string;
  mayAgree: boolean;
  archived: boolean;
  /** The answer to a form posted without JavaScript, shown like the fetcher's. */
  result?: AgreeResult | undefined;
  /** Whether the section has a heading of its own; a page all about agreement has it already. */
  heading?: boolean;
}

const formatDate = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium" });

function VersionLink({ base, version }: { base: string; version: Version }) {
  return <Link to={`${base}/versions/${version.id}`}>version {version.number}</Link>;
}

/**
 * Who of the city's leads and editors agree with its guiding principles, as of which version, and
 * the button that records the reader's own agreement with the text as it reads now.
 */
export function PrincipleAgreement({
  agreement,
  base,
  userId,
  mayAgree,
  archived,
  result,
  heading = true,
}: Props) {
  const fetcher = useFetcher<AgreeResult>();
  const answer = fetcher.data ?? result;
  const { currentVersion, latestVersion, agreed, notYet } = agreement;
  const total = agreed.length + notYet.length;
  const mine = agreed.find((person) => person.userId === userId);
  const busy = fetcher.state !== "idle";
  const reason = archived
    ? "This document is archived, so it cannot be agreed with."
    : mine?.agreement
      ? `You agreed with version ${mine.agreement.version.number} on ${formatDate(mine.agreement.agreedAt)}.`
      : null;
  const currentName = currentVersion ? `version ${currentVersion.number}` : "the text as it reads now";

  return (
    <section
      className="inset"
      id="agreement"
      aria-label={heading ? undefined : "Agreement"}
      aria-labelledby={heading ? "agreement-title" : undefined}
    >
      {heading ? <h2 id="agreement-title">Agreement</h2> : null}
      <p>
        Agreed by {agreed.length} of {total} leads and editors{" "}
        {currentVersion ? (
          <>
            as of <VersionLink base={base} version={currentVersion} />.
          </>
        ) : latestVersion ? (
          <>
            as it reads now. The text has changed since <VersionLink base={base} version={latestVersion} />;
            agreeing saves it as version {latestVersion.number + 1}.
          </>
        ) : (
          <>so far. Agreeing saves the text as version 1.</>
        )}
      </p>
      {agreed.length > 0 ? (
        <>
          <h3>Agreed with {currentName}</h3>
          <ul>
            {agreed.map((person) => (
              <li key={person.userId}>
                {person.name}, {ROLE_LABELS[person.role].toLowerCase()}
                {person.agreement ? (
                  <span className="secondary"> – agreed on {formatDate(person.agreement.agreedAt)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {notYet.length > 0 ? (
        <>
          <h3>Not yet agreed with {currentName}</h3>
          <ul>
            {notYet.map((person) => (
              <li key={person.userId}>
                {person.name}, {ROLE_LABELS[person.role].toLowerCase()}
                <span className="secondary">
                  {" "}
                  –{" "}
                  {person.agreement ? (
                    <>
                      agreed with <VersionLink base={base} version={person.agreement.version} /> on{" "}
                      {formatDate(person.agreement.agreedAt)}
                    </>
                  ) : (
                    "has not agreed with any version"
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mayAgree ? (
        <fetcher.Form method="post" action={`${base}/agreement`}>
          <button
            type="submit"
            className="button"
            disabled={busy || reason !== null}
            aria-describedby={reason ? "agree-reason" : undefined}
          >
            I agree with this version
          </button>
          {reason ? (
            <p className="field__hint" id="agree-reason">
              {reason}
            </p>
          ) : null}
        </fetcher.Form>
      ) : (
        <p className="secondary">Leads and editors record here that they agree with the principles.</p>
      )}
      {answer && !busy ? (
        answer.ok ? (
          <p role="status">You agreed with version {answer.version.number}.</p>
        ) : (
          <p className="field__error" role="alert">
            {answer.message}
          </p>
        )
      ) : null}
    </section>
  );
}
