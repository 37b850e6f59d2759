import { Link } from "@remix-run/react";
import { memo, useEffect, useState, type KeyboardEvent } from "react";
import { TRACKER_STATUSES, isOverdue, type TrackerEntry } from "../../../shared/boards/framework";
import type { Evidence } from "../../../shared/boards/fields";
import type { CatalogueRecommendation } from "../../../shared/scf/catalogue";
import type { CollabSession } from "../../lib/collab-client";
import { formatDate, personColours, type Member } from "../board/cells";
import { RowRichText, type DetailUser } from "../board/RowDetail";
import type { BoardActions, RowPresence } from "../board/types";
import type { LiveRow } from "../board/use-board";

export interface EvidenceChoices {
  documents: readonly { id: string; title: string }[];
  roadmapItems: readonly { id: string; title: string }[];
}

interface Props {
  recommendation: CatalogueRecommendation;
  row: LiveRow | undefined;
  citySlug: string;
  canEdit: boolean;
  actions: BoardActions;
  members: readonly Member[];
  choices: EvidenceChoices;
  today: string;
  people: readonly RowPresence[] | undefined;
  session: CollabSession;
  user: DetailUser;
}

export function evidenceHref(citySlug: string, evidence: Evidence): string {
  return evidence.type === "document"
    ? `/c/${citySlug}/docs/${evidence.id}`
    : `/c/${citySlug}/roadmap?view=list&item=${encodeURIComponent(evidence.id)}`;
}

/** The title of what a piece of evidence links to now, or as it was when linked if it is gone. */
export function evidenceTitle(
  choices: EvidenceChoices,
  evidence: Evidence,
): { title: string; gone: boolean } {
  const list = evidence.type === "document" ? choices.documents : choices.roadmapItems;
  const found = list.find((choice) => choice.id === evidence.id);
  return found ? { title: found.title, gone: false } : { title: evidence.title, gone: true };
}

/** A text field committed when the user leaves it or presses Enter; Escape puts back what is stored. */
function ReasonField({
  id,
  stored,
  error,
  onCommit,
  onFocus,
}: {
  id: string;
  stored: string;
  error: string | undefined;
  onCommit(value: string): void;
  onFocus(): void;
}) {
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  const commit = () => {
    if (draft.trim() !== stored) onCommit(draft.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape") {
      setDraft(stored);
    }
  };
  return (
    <div className={`field tracker-row__reason${error ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        Why it does not apply
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        className="input"
        value={draft}
        maxLength={500}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

function AddEvidence({
  id,
  choices,
  linked,
  onAdd,
}: {
  id: string;
  choices: EvidenceChoices;
  linked: readonly Evidence[];
  onAdd(evidence: Evidence): void;
}) {
  const isLinked = (type: Evidence["type"], itemId: string) =>
    linked.some((evidence) => evidence.type === type && evidence.id === itemId);
  const documents = choices.documents.filter((document) => !isLinked("document", document.id));
  const items = choices.roadmapItems.filter((item) => !isLinked("roadmapItem", item.id));
  if (documents.length === 0 && items.length === 0) return null;
  return (
    <select
      id={id}
      className="select tracker-row__add-evidence"
      value=""
      aria-label="Add evidence"
      onChange={(event) => {
        const [type, itemId] = event.target.value.split(":", 2) as [Evidence["type"], string];
        const list = type === "document" ? choices.documents : choices.roadmapItems;
        const chosen = list.find((choice) => choice.id === itemId);
        if (chosen) onAdd({ type, id: chosen.id, title: chosen.title });
      }}
    >
      <option value="">Add evidence…</option>
      {documents.length > 0 ? (
        <optgroup label="Documents">
          {documents.map((document) => (
            <option key={document.id} value={`document:${document.id}`}>
              {document.title}
            </option>
          ))}
        </optgroup>
      ) : null}
      {items.length > 0 ? (
        <optgroup label="Roadmap items">
          {items.map((item) => (
            <option key={item.id} value={`roadmapItem:${item.id}`}>
              {item.title}
            </option>
          ))}
        </optgroup>
      ) : null}
    </select>
  );
}

/**
 * One recommendation of the framework and where the city stands on it: status, owner, target date,
 * evidence and notes, each changed in place and seen by everyone at once.
 */
export const TrackerRow = memo(function TrackerRow({
  recommendation,
  row,
  citySlug,
  canEdit,
  actions,
  members,
  choices,
  today,
  people,
  session,
  user,
}: Props) {
  const [notesOpen, setNotesOpen] = useState(false);
  const id = recommendation.id;
  const entry = (row?.valid ?? {}) as TrackerEntry;
  const values = row?.values ?? {};
  const errors = row?.errors ?? {};
  const status = typeof values.status === "string" ? values.status : "not-started";
  const owner = entry.owner ?? null;
  const evidence = entry.evidence ?? [];
  const overdue = isOverdue(entry, today);
  const editable = canEdit && row !== undefined;
  const set = (key: string, value: unknown) => actions.setCell(id, key, value);
  const focus = (field: string) => () => actions.focus(id, field);
  const statusLabel = TRACKER_STATUSES.find((candidate) => candidate.value === status)?.label ?? status;

  return (
    <li className="tracker-row" data-testid={`tracker-row-${id}`} onBlur={() => actions.focus(null)}>
      <div className="tracker-row__what">
        <span className="tracker-row__id">{id}</span>
        <div>
          <p className="tracker-row__text">{recommendation.text}</p>
          {recommendation.items?.length ? (
            <ol className="tracker-row__items">
              {recommendation.items.map((item) => (
                <li key={item.number} value={item.number}>
                  {item.text}
                </li>
              ))}
            </ol>
          ) : null}
        </div>
        {people?.length ? (
          <ul className="tracker-row__people" aria-label={`Also at ${id}`}>
            {people.map((person) => (
              <li key={person.clientId} className="cell-peer" style={personColours(person.color)}>
                {person.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      <div className="tracker-row__fields">
        <div className="field tracker-row__field">
          <label className="field__label" htmlFor={`status-${id}`}>
            Status
          </label>
          {editable ? (
            <select
              id={`status-${id}`}
              className={`select tracker-status status--${status}`}
              value={status}
              onChange={(event) => set("status", event.target.value)}
              onFocus={focus("status")}
            >
              {TRACKER_STATUSES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <p id={`status-${id}`} className={`tracker-status tracker-status--text status--${status}`}>
              {statusLabel}
            </p>
          )}
        </div>

        <div className="field tracker-row__field">
          <label className="field__label" htmlFor={`owner-${id}`}>
            Owner
          </label>
          {editable ? (
            <select
              id={`owner-${id}`}
              className="select"
              value={owner?.userId ?? ""}
              onFocus={focus("owner")}
              onChange={(event) => {
                const member = members.find((candidate) => candidate.id === event.target.value);
                set("owner", member ? { type: "member", userId: member.id, name: member.name } : null);
              }}
            >
              <option value="">No owner</option>
              {owner && !members.some((member) => member.id === owner.userId) ? (
                <option value={owner.userId}>{owner.name} (no longer a member)</option>
              ) : null}
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          ) : (
            <p id={`owner-${id}`}>{owner?.name ?? "No owner"}</p>
          )}
        </div>

        <div className={`field tracker-row__field${errors.target ? " field--error" : ""}`}>
          <label className="field__label" htmlFor={`target-${id}`}>
            Target date
          </label>
          {errors.target ? (
            <p className="field__error" id={`target-${id}-error`}>
              {errors.target}
            </p>
          ) : null}
          {editable ? (
            <input
              id={`target-${id}`}
              type="date"
              className="input"
              value={typeof values.target === "string" ? values.target : ""}
              aria-describedby={overdue ? `overdue-${id}` : errors.target ? `target-${id}-error` : undefined}
              onFocus={focus("target")}
              onChange={(event) => set("target", event.target.value || null)}
            />
          ) : (
            <p id={`target-${id}`}>{entry.target ? formatDate(entry.target) : "None"}</p>
          )}
          {overdue ? (
            <p className="tag tag--overdue" id={`overdue-${id}`}>
              Overdue
            </p>
          ) : null}
        </div>
      </div>

      {status === "not-applicable" ? (
        editable ? (
          <ReasonField
            id={`reason-${id}`}
            stored={typeof values.reason === "string" ? values.reason : ""}
            error={errors.reason}
            onCommit={(value) => set("reason", value)}
            onFocus={focus("reason")}
          />
        ) : (
          <p className="tracker-row__reason-text">
            <strong>Why it does not apply:</strong> {entry.reason || "No reason given yet"}
          </p>
        )
      ) : null}

      <div className="tracker-row__evidence">
        <span className="tracker-row__evidence-label" id={`evidence-${id}`}>
          Evidence
        </span>
        {evidence.length === 0 ? <span className="secondary"> None yet</span> : null}
        <ul className="tracker-row__evidence-list" aria-labelledby={`evidence-${id}`}>
          {evidence.map((item) => {
            const shown = evidenceTitle(choices, item);
            return (
              <li key={`${item.type}:${item.id}`} className="evidence-chip">
                {shown.gone ? (
                  <span>
                    {shown.title} <span className="secondary">(no longer there)</span>
                  </span>
                ) : (
                  <Link to={evidenceHref(citySlug, item)}>{shown.title}</Link>
                )}
                {editable ? (
                  <button
                    type="button"
                    className="evidence-chip__remove"
                    aria-label={`Remove ${shown.title} from the evidence for ${id}`}
                    onClick={() =>
                      set(
                        "evidence",
                        evidence.filter((other) => other !== item),
                      )
                    }
                  >
                    ×
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
        {editable ? (
          <AddEvidence
            id={`add-evidence-${id}`}
            choices={choices}
            linked={evidence}
            onAdd={(added) => set("evidence", [...evidence, added])}
          />
        ) : null}
      </div>

      <details
        className="tracker-row__notes"
        onToggle={(event) => setNotesOpen((event.currentTarget as HTMLDetailsElement).open)}
      >
        <summary id={`notes-${id}`}>
          Notes{entry.notes ? "" : <span className="secondary"> (none yet)</span>}
        </summary>
        {notesOpen && row ? (
          <RowRichText
            session={session}
            rowId={id}
            fieldKey="notes"
            editable={editable}
            user={user}
            labelledBy={`notes-${id}`}
            describedBy={undefined}
          />
        ) : null}
      </details>
    </li>
  );
});
