import { Link } from "@remix-run/react";
import { useMemo } from "react";
import type { Evidence } from "../../../../shared/boards/fields";
import { TRACKER, type TrackerEntry } from "../../../../shared/boards/framework";
import { STATUSES } from "../../../../shared/boards/roadmap";
import {
  CLAUSES,
  COMPONENTS,
  PROCESS_AREAS,
  clauseById,
  type Clause,
} from "../../../../shared/scf/catalogue";
import type { Member } from "../../board/cells";
import type { RowPresence } from "../../board/types";
import { useBoard, type LiveRow } from "../../board/use-board";
import { DocumentEditor, type EditorUser } from "../../editor/DocumentEditor";
import { SaveStatus } from "../../editor/SaveStatus";
import { useCollabSession } from "../../editor/use-collab-session";
import { EvidenceList } from "./EvidenceList";
import { clauseHref, resolveEvidence, roadmapItemHref, type Artefacts, type ResolvedEvidence } from "./links";
import { RecommendationTracker } from "./RecommendationTracker";

interface Props {
  city: { slug: string; name: string };
  clauseId: string;
  /** The city's framework tracker board. */
  trackerId: string;
  /** The city's rich-text workbook on this clause. */
  workbookId: string;
  /** The city's roadmap items that refer to this clause or one of its recommendations. */
  roadmapItems: readonly { id: string; title: string; status: string | null; refs: readonly string[] }[];
  /** The city's documents and roadmap items, to name and link evidence. */
  documents: readonly { id: string; title: string }[];
  roadmapTitles: readonly { id: string; title: string }[];
  user: EditorUser;
  members: Member[];
  mayEdit: boolean;
}

const NOBODY: readonly RowPresence[] = [];

/** Today in the browser's own time zone, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function clauseName(clause: Clause): string {
  return `${clause.id} ${clause.title}`;
}

function roadmapStatusLabel(status: string | null): string | null {
  return STATUSES.find((candidate) => candidate.value === status)?.label ?? null;
}

/** What the clause belongs to: "Component B, City-wide governance … · Business management". */
function placeOf(clause: Clause): string {
  const component = COMPONENTS.find((candidate) => candidate.id === clause.component);
  const area = PROCESS_AREAS.find((candidate) => candidate.id === clause.area);
  const parts = [`Component ${clause.component}${component ? `: ${component.title}` : ""}`];
  if (area) parts.push(`${area.title} (${area.clauses})`);
  return parts.join(" · ");
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function countOf(count: number, noun: string): string {
  return `${NUMBER_WORDS[count] ?? count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Every piece of evidence given for the clause's recommendations, once each, with the
 * recommendations it supports.
 */
function gatherEvidence(
  clause: Clause,
  rowsById: ReadonlyMap<string, LiveRow>,
  artefacts: Artefacts,
): { evidence: ResolvedEvidence; recommendations: string[] }[] {
  const byKey = new Map<string, { evidence: ResolvedEvidence; recommendations: string[] }>();
  for (const recommendation of clause.recommendations) {
    const entry = (rowsById.get(recommendation.id)?.valid ?? {}) as TrackerEntry;
    for (const item of entry.evidence ?? ([] as Evidence[])) {
      const resolved = resolveEvidence(item, artefacts);
      const gathered = byKey.get(resolved.key) ?? { evidence: resolved, recommendations: [] };
      gathered.recommendations.push(recommendation.id);
      byKey.set(resolved.key, gathered);
    }
  }
  return [...byKey.values()];
}

/**
 * A clause of the framework as the city works on it: the clause in our words, its
 * recommendations with the city's live progress on each, what on the roadmap and in the documents
 * bears on it, the clauses it links to, and the city's own notes on it.
 */
export function ClausePage({
  city,
  clauseId,
  trackerId,
  workbookId,
  roadmapItems,
  documents,
  roadmapTitles,
  user,
  members,
  mayEdit,
}: Props) {
  const clause = clauseById(clauseId);
  const { session, state } = useCollabSession(trackerId, user.id);
  const { rows, synced, actions, presence } = useBoard(session, TRACKER, user.id);
  const canEdit = mayEdit && !state?.readOnly && !state?.closed;
  const today = useMemo(localToday, []);

  const rowsById = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);
  const artefacts = useMemo<Artefacts>(
    () => ({
      citySlug: city.slug,
      documents: new Map(documents.map((document) => [document.id, document.title])),
      roadmapItems: new Map(roadmapTitles.map((item) => [item.id, item.title])),
    }),
    [city.slug, documents, roadmapTitles],
  );

  if (!clause) return null;
  const position = CLAUSES.findIndex((candidate) => candidate.id === clause.id);
  const previous = CLAUSES[position - 1];
  const next = CLAUSES[position + 1];
  const evidence = gatherEvidence(clause, rowsById, artefacts);
  const supports = new Map(evidence.map((item) => [item.evidence.key, item.recommendations.join(", ")]));
  const recommendationCount = clause.recommendations.length;

  return (
    <div className="clause-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to={`/c/${city.slug}/framework`}>Framework tracker</Link>
          </li>
          <li aria-current="page">{clauseName(clause)}</li>
        </ol>
      </nav>

      <div className="clause-heading">
        <span className="caption">{placeOf(clause)}</span>
        <h1>{clauseName(clause)}</h1>
      </div>

      <section className="clause-section" aria-labelledby="clause-words">
        <h2 id="clause-words">The clause in our words</h2>
        <dl className="clause-summary">
          <div>
            <dt>Context</dt>
            <dd>{clause.context}</dd>
          </div>
          <div>
            <dt>The need</dt>
            <dd>{clause.need}</dd>
          </div>
        </dl>
        <h3>What it means</h3>
        {clause.explanation.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>

      <section className="clause-section" aria-labelledby="clause-recommendations">
        <div className="clause-section__heading">
          <h2 id="clause-recommendations">Recommendations</h2>
          {session && mayEdit ? <SaveStatus state={state} /> : null}
        </div>
        <p className="secondary">
          {recommendationCount === 1
            ? `What the framework recommends, and where ${city.name} stands on it.`
            : `The framework's ${countOf(recommendationCount, "recommendation")}, and where ${city.name} stands on each.`}{" "}
          {mayEdit
            ? "A change of status is saved at once and everyone with the tracker open sees it."
            : "You can see the city's progress but not change it."}
        </p>
        <ol className="clause-recs">
          {clause.recommendations.map((recommendation) => (
            <li
              key={recommendation.id}
              className="clause-rec"
              id={`recommendation-${recommendation.id}`}
              data-testid={`recommendation-${recommendation.id}`}
            >
              <div className="clause-rec__text">
                <h3 className="clause-rec__title">
                  {recommendation.letter ? (
                    <span className="clause-rec__letter" aria-hidden="true">
                      {recommendation.letter}
                    </span>
                  ) : null}
                  Recommendation {recommendation.id}
                </h3>
                <p>{recommendation.text}</p>
                {recommendation.items ? (
                  <ol className="clause-rec__items">
                    {recommendation.items.map((item) => (
                      <li key={item.number} value={item.number}>
                        {item.text}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </div>
              <RecommendationTracker
                recommendationId={recommendation.id}
                row={rowsById.get(recommendation.id)}
                synced={synced}
                canEdit={canEdit}
                actions={actions}
                people={presence.get(recommendation.id) ?? NOBODY}
                artefacts={artefacts}
                today={today}
              />
            </li>
          ))}
        </ol>
      </section>

      <section className="clause-section" aria-labelledby="clause-artefacts">
        <h2 id="clause-artefacts">Linked artefacts</h2>
        <h3>On the roadmap</h3>
        {roadmapItems.length > 0 ? (
          <ul className="clause-links" aria-label={`Roadmap items that refer to ${clause.id}`}>
            {roadmapItems.map((item) => {
              const status = roadmapStatusLabel(item.status);
              return (
                <li key={item.id}>
                  <Link to={roadmapItemHref(city.slug, item.id)}>{item.title || "Untitled item"}</Link>
                  {status ? (
                    <>
                      {" "}
                      <span className={`item-status item-status--${item.status}`}>{status}</span>
                    </>
                  ) : null}
                  <span className="secondary"> refers to {item.refs.join(", ")}</span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="secondary">No roadmap item refers to {clause.id} yet.</p>
        )}
        <h3>Evidence</h3>
        {!synced ? (
          <p className="secondary">Loading the city&apos;s evidence…</p>
        ) : evidence.length > 0 ? (
          <EvidenceList
            evidence={evidence.map((item) => item.evidence)}
            label={`Evidence for the recommendations of ${clause.id}`}
            detail={(item) => `for ${supports.get(item.key) ?? ""}`}
          />
        ) : (
          <p className="secondary">No evidence is linked to these recommendations yet.</p>
        )}
      </section>

      {clause.linkages.length > 0 ? (
        <section className="clause-section" aria-labelledby="clause-linkages">
          <h2 id="clause-linkages">Linkages</h2>
          <p className="secondary">Clauses that work hand in hand with this one, and why.</p>
          <ul className="clause-linkages">
            {clause.linkages.map((linkage) => {
              const linked = clauseById(linkage.clause);
              return (
                <li key={linkage.clause}>
                  <Link to={clauseHref(city.slug, linkage.clause)}>
                    {linked ? clauseName(linked) : linkage.clause}
                  </Link>
                  <span className="clause-linkages__why">{linkage.why}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section className="clause-section" aria-labelledby="clause-notes">
        <h2 id="clause-notes">Our notes</h2>
        <p className="secondary">
          {city.name}&apos;s own notes on {clause.id}: how it applies here, what has been decided and what is
          still open. Everyone in the city can read them.
        </p>
        <DocumentEditor
          key={workbookId}
          documentId={workbookId}
          user={user}
          canEdit={mayEdit}
          label={`Workbook notes on ${clause.id}`}
          commentsUrl={`/c/${city.slug}/docs/${workbookId}/comments`}
          members={members}
        />
      </section>

      <nav className="clause-pager" aria-label="Other clauses">
        {previous ? (
          <Link
            className="clause-pager__link clause-pager__link--previous"
            to={clauseHref(city.slug, previous.id)}
            rel="prev"
          >
            <span className="clause-pager__direction">Previous clause</span>
            <span className="clause-pager__name">{clauseName(previous)}</span>
          </Link>
        ) : null}
        {next ? (
          <Link
            className="clause-pager__link clause-pager__link--next"
            to={clauseHref(city.slug, next.id)}
            rel="next"
          >
            <span className="clause-pager__direction">Next clause</span>
            <span className="clause-pager__name">{clauseName(next)}</span>
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
