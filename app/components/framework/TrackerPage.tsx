import { Link } from "@remix-run/react";
import { useMemo, useState } from "react";
import { TRACKER, TRACKER_STATUSES, isOverdue, type TrackerEntry } from "../../../shared/boards/framework";
import { CLAUSES, COMPONENTS, PROCESS_AREAS, RECOMMENDATIONS } from "../../../shared/scf/catalogue";
import { trackerCoverage } from "../../../shared/scf/coverage";
import type { Member } from "../board/cells";
import type { DetailUser } from "../board/RowDetail";
import { HistoryButtons } from "../board/HistoryButtons";
import { useBoard } from "../board/use-board";
import { useUndoShortcuts } from "../board/use-undo-shortcuts";
import { Presence } from "../editor/Presence";
import { SaveStatus } from "../editor/SaveStatus";
import { useCollabSession } from "../editor/use-collab-session";
import { CoverageCharts } from "./CoverageCharts";
import { TrackerRow, type EvidenceChoices } from "./TrackerRow";

interface Props {
  city: { slug: string; name: string };
  documentId: string;
  user: DetailUser;
  members: readonly Member[];
  mayEdit: boolean;
  /** The date overdue is judged against, YYYY-MM-DD. */
  today: string;
  choices: EvidenceChoices;
}

const NO_OWNER = "none";

/**
 * The city's live framework tracker: every recommendation of the framework with where the city
 * stands on it, coverage charts that follow every change, and filters.
 */
export function TrackerPage({ city, documentId, user, members, mayEdit, today, choices }: Props) {
  const { session, state } = useCollabSession(documentId, user.id);
  const { rows, synced, actions, presence, history } = useBoard(session, TRACKER, user.id);
  const canEdit = mayEdit && !state?.readOnly && !state?.closed;
  const [message, setMessage] = useState("");
  const [status, setStatus] = useState("");
  const [owner, setOwner] = useState("");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [query, setQuery] = useState("");
  useUndoShortcuts(history, canEdit, setMessage);

  const rowsById = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);
  const entries = useMemo(() => new Map(rows.map((row) => [row.id, row.valid as TrackerEntry])), [rows]);
  const coverage = useMemo(() => trackerCoverage(entries, today), [entries, today]);

  const words = query.trim().toLowerCase();
  const shown = RECOMMENDATIONS.filter((recommendation) => {
    const entry = entries.get(recommendation.id) ?? {};
    if (status && (entry.status ?? "not-started") !== status) return false;
    if (owner === NO_OWNER && entry.owner) return false;
    if (owner && owner !== NO_OWNER && entry.owner?.userId !== owner) return false;
    if (overdueOnly && !isOverdue(entry, today)) return false;
    if (words) {
      const text = `${recommendation.id} ${recommendation.text} ${recommendation.clause.title}`.toLowerCase();
      if (!text.includes(words)) return false;
    }
    return true;
  });
  const filtered = status !== "" || owner !== "" || overdueOnly || words !== "";
  const ready = session !== null && synced;

  return (
    <div className="tracker" data-testid="tracker" data-ready={ready ? "true" : undefined}>
      <div className="roadmap__heading">
        <h1>Framework tracker</h1>
        <div className="editor__bar roadmap__status">
          <SaveStatus state={state} />
          {session ? <Presence awareness={session.provider.awareness} /> : null}
        </div>
      </div>
      <p className="secondary tracker__intro">
        Every recommendation of the Smart City Framework (PAS 181) and where {city.name} stands on it. Give
        each one a status, an owner and a target date, and link the documents and roadmap items that show the
        work. Open a clause for its explanation and the city&apos;s workbook.
      </p>
      <ul className="roadmap__links" aria-label="Tracker files">
        <li>
          <a href={`/c/${city.slug}/framework/tracker.json`}>Download as JSON</a>
        </li>
        <li>
          <a href="/api/v1/framework.jsonld">The framework as linked data</a>
        </li>
      </ul>
      {!mayEdit ? (
        <p className="tag tag--read-only" data-testid="read-only-badge">
          Read only: you can see the tracker but not change it
        </p>
      ) : null}

      {!ready ? (
        <p role="status">Loading the tracker…</p>
      ) : (
        <>
          <CoverageCharts coverage={coverage} citySlug={city.slug} />

          <section aria-labelledby="recommendations-title" className="tracker__list">
            <h2 id="recommendations-title">Recommendations</h2>
            <div className="tracker__filters" role="group" aria-label="Filter recommendations">
              <div className="field">
                <label className="field__label" htmlFor="filter-query">
                  Find
                </label>
                <input
                  id="filter-query"
                  type="search"
                  className="input"
                  value={query}
                  placeholder="Words or a clause, such as B4"
                  onChange={(event) => setQuery(event.target.value)}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor="filter-status">
                  Status
                </label>
                <select
                  id="filter-status"
                  className="select"
                  value={status}
                  onChange={(event) => setStatus(event.target.value)}
                >
                  <option value="">Any status</option>
                  {TRACKER_STATUSES.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="field__label" htmlFor="filter-owner">
                  Owner
                </label>
                <select
                  id="filter-owner"
                  className="select"
                  value={owner}
                  onChange={(event) => setOwner(event.target.value)}
                >
                  <option value="">Anyone</option>
                  <option value={NO_OWNER}>No owner</option>
                  {members.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="board-checkbox-field">
                <input
                  type="checkbox"
                  id="filter-overdue"
                  className="board-checkbox"
                  checked={overdueOnly}
                  onChange={(event) => setOverdueOnly(event.target.checked)}
                />
                <label htmlFor="filter-overdue">Overdue only</label>
              </div>
              {canEdit ? (
                <div className="tracker__history">
                  <HistoryButtons history={history} change="a tracker change" />
                </div>
              ) : null}
            </div>
            <p className="visually-hidden" role="status">
              {message}
            </p>
            <p className="secondary" aria-live="polite">
              {filtered
                ? `${shown.length} of ${RECOMMENDATIONS.length} recommendations match`
                : `${RECOMMENDATIONS.length} recommendations`}
            </p>

            {shown.length === 0 ? (
              <div className="empty-state">
                <p>No recommendation matches these filters.</p>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setStatus("");
                    setOwner("");
                    setOverdueOnly(false);
                    setQuery("");
                  }}
                >
                  Clear the filters
                </button>
              </div>
            ) : (
              COMPONENTS.map((component) => {
                const clauses = CLAUSES.filter(
                  (clause) =>
                    clause.component === component.id &&
                    shown.some((recommendation) => recommendation.clause === clause),
                );
                if (clauses.length === 0) return null;
                return (
                  <section key={component.id} className="tracker__component">
                    <h3>
                      {component.id} {component.title}
                    </h3>
                    {clauses.map((clause) => (
                      <section
                        key={clause.id}
                        className="tracker__clause"
                        aria-labelledby={`clause-${clause.id}`}
                      >
                        <h4 id={`clause-${clause.id}`}>
                          <Link to={`/c/${city.slug}/framework/${clause.id}`}>
                            {clause.id} {clause.title}
                          </Link>
                          {clause.area ? (
                            <span className="secondary tracker__area">
                              {" "}
                              · {PROCESS_AREAS.find((area) => area.id === clause.area)?.title}
                            </span>
                          ) : null}
                        </h4>
                        <ul className="tracker__rows">
                          {shown
                            .filter((recommendation) => recommendation.clause === clause)
                            .map((recommendation) => (
                              <TrackerRow
                                key={recommendation.id}
                                recommendation={recommendation}
                                row={rowsById.get(recommendation.id)}
                                citySlug={city.slug}
                                canEdit={canEdit}
                                actions={actions}
                                members={members}
                                choices={choices}
                                today={today}
                                people={presence.get(recommendation.id)}
                                session={session}
                                user={user}
                              />
                            ))}
                        </ul>
                      </section>
                    ))}
                  </section>
                );
              })
            )}
          </section>
        </>
      )}
    </div>
  );
}
