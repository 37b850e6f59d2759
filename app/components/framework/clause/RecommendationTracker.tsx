import type { FieldSpec } from "../../../../shared/boards/fields";
import { isOverdue, TRACKER, type TrackerEntry } from "../../../../shared/boards/framework";
import { fieldOf } from "../../../../shared/boards/fields";
import { displayValue, FieldEditor, formatDate, personColours } from "../../board/cells";
import type { BoardActions, RowPresence } from "../../board/types";
import type { LiveRow } from "../../board/use-board";
import { EvidenceList } from "./EvidenceList";
import { resolveEvidence, type Artefacts } from "./links";

const STATUS = fieldOf(TRACKER, "status");
const REASON = fieldOf(TRACKER, "reason");

interface Props {
  recommendationId: string;
  /** The tracker's row for the recommendation; undefined until the tracker has arrived. */
  row: LiveRow | undefined;
  /** The tracker has arrived from the server at least once. */
  synced: boolean;
  canEdit: boolean;
  actions: BoardActions;
  /** The other people at this recommendation in the tracker. */
  people: readonly RowPresence[];
  artefacts: Artefacts;
  /** YYYY-MM-DD, for marking a passed target date. */
  today: string;
}

/** The tracker page's colour for a status, so a status looks the same on both pages. */
function statusColour(value: unknown): string {
  return typeof value === "string" ? `status--${value}` : "";
}

/** One field of the row as a labelled control with its hint and the board's message for it. */
function TrackerField({
  field,
  row,
  canEdit,
  actions,
  peer,
  hint,
}: {
  field: FieldSpec;
  row: LiveRow;
  canEdit: boolean;
  actions: BoardActions;
  peer: RowPresence | undefined;
  hint?: string;
}) {
  const id = `tracker-${row.id}-${field.key}`;
  const error = row.errors[field.key];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const value = row.values[field.key];
  return (
    <div
      className={[
        "field",
        "clause-field",
        `clause-field--${field.key}`,
        field.key === STATUS.key ? statusColour(value) : "",
        error ? "field--error" : "",
        peer ? "clause-field--peer" : "",
      ]
        .filter(Boolean)
        .join(" ")}
      style={peer ? { outlineColor: peer.color } : undefined}
      onFocus={canEdit ? () => actions.focus(row.id, field.key) : undefined}
      onBlur={canEdit ? () => actions.focus(null) : undefined}
    >
      {canEdit ? (
        <label className="field__label" htmlFor={id}>
          {field.label}
          <span className="visually-hidden">, {row.id}</span>
        </label>
      ) : (
        <span className="field__label">{field.label}</span>
      )}
      {peer ? (
        <span className="cell-peer clause-field__peer" style={personColours(peer.color)}>
          {peer.name} is editing
        </span>
      ) : null}
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
      {canEdit ? (
        <FieldEditor
          mode="form"
          field={field}
          value={value}
          id={id}
          describedBy={describedBy}
          invalid={Boolean(error)}
          members={[]}
          onCommit={(next) => actions.setCell(row.id, field.key, next)}
        />
      ) : field.key === STATUS.key ? (
        <p className="clause-field__value tracker-status tracker-status--text">
          {displayValue(field, value) || "Not set"}
        </p>
      ) : (
        <p className="clause-field__value" aria-describedby={describedBy}>
          {displayValue(field, value) || "Not given"}
        </p>
      )}
    </div>
  );
}

/**
 * Where the city stands on one recommendation, live from its framework tracker: the status (with
 * why it does not apply, when it does not), the owner, the target date, the tracker's notes and the
 * evidence.
 */
export function RecommendationTracker({
  recommendationId,
  row,
  synced,
  canEdit,
  actions,
  people,
  artefacts,
  today,
}: Props) {
  if (!row) {
    return (
      <p className="clause-rec__loading secondary" role={synced ? undefined : "status"}>
        {synced ? `${recommendationId} is not on the city's tracker yet.` : "Loading the city's progress…"}
      </p>
    );
  }
  const entry = row.valid as TrackerEntry;
  const peerAt = (key: string) => people.find((person) => person.field === key);
  const showReason =
    row.values.status === "not-applicable" || Boolean(row.values.reason) || Boolean(row.errors.reason);
  const overdue = isOverdue(entry, today);
  const evidence = (entry.evidence ?? []).map((item) => resolveEvidence(item, artefacts));

  return (
    <div className="clause-rec__tracker">
      <div className="clause-rec__controls">
        <TrackerField
          field={STATUS}
          row={row}
          canEdit={canEdit}
          actions={actions}
          peer={peerAt(STATUS.key)}
        />
        {showReason ? (
          <TrackerField
            field={REASON}
            row={row}
            canEdit={canEdit}
            actions={actions}
            peer={peerAt(REASON.key)}
            hint={canEdit ? REASON.hint : undefined}
          />
        ) : null}
      </div>
      <dl className="clause-rec__facts">
        <div>
          <dt>Owner</dt>
          <dd>{entry.owner?.name ?? <span className="secondary">No owner yet</span>}</dd>
        </div>
        <div>
          <dt>Target date</dt>
          <dd>
            {entry.target ? (
              <>
                <time dateTime={entry.target}>{formatDate(entry.target)}</time>
                {overdue ? <strong className="tag tag--overdue clause-overdue">Overdue</strong> : null}
              </>
            ) : (
              <span className="secondary">None set</span>
            )}
          </dd>
        </div>
        {entry.notes ? (
          <div>
            <dt>Notes</dt>
            <dd className="clause-rec__notes">{entry.notes}</dd>
          </div>
        ) : null}
        <div>
          <dt>Evidence</dt>
          <dd>
            {evidence.length > 0 ? (
              <EvidenceList evidence={evidence} label={`Evidence for ${row.id}`} />
            ) : (
              <span className="secondary">None linked yet</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
