import {
  lazy,
  Suspense,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from "react";
import * as Y from "yjs";
import type { BoardSpec, FieldSpec } from "../../../shared/boards/fields";
import { richTextOf, rowsOf } from "../../../shared/boards/model";
import type { CollabSession } from "../../lib/collab-client";
import {
  CheckAnswers,
  currencyOf,
  displayValue,
  EvidenceList,
  FieldEditor,
  formatDate,
  isGroupEditor,
  personColours,
  plural,
  type LinkChoices,
  type Member,
  type RowChoice,
} from "./cells";
import type { BoardActions, RowPresence } from "./types";
import type { LiveRow } from "./use-board";

export interface DetailUser {
  id: string;
  name: string;
  color: string;
}

// The editor is loaded when a panel first shows rich text, not with the page: a board opens sooner.
const RichTextField = lazy(() => import("./RichTextField"));

interface Props {
  spec: BoardSpec;
  rowId: string;
  /** The row as last read; undefined while a new row is on its way, or once it is deleted. */
  row: LiveRow | undefined;
  rows: readonly LiveRow[];
  session: CollabSession;
  user: DetailUser;
  canEdit: boolean;
  members: readonly Member[];
  actions: BoardActions;
  /** The other people at this row. */
  people: readonly RowPresence[];
  /** Put the cursor in the title when the panel opens: the row was just added. */
  focusTitle: boolean;
  /** Where focus goes on closing when whatever opened the panel has gone. */
  fallbackFocus(): void;
  /** The board's name, to start a sentence: "Roadmap". */
  boardName?: string;
  /** What evidence fields may link to. */
  links?: LinkChoices;
  /** Shown above the fields: what the board works out from the row's values. */
  summary?(row: LiveRow): ReactNode;
  /**
   * The row is the page itself (a joint opportunity), not a panel over a board: shown in the flow
   * of the page, with no closing and no deleting.
   */
  embedded?: boolean;
}

function titleOf(row: LiveRow | undefined, spec: BoardSpec): string {
  const title = row?.values[spec.titleField];
  return typeof title === "string" && title.trim() ? title : `Untitled ${spec.rowNoun}`;
}

/**
 * A row's rich-text field. Its fragment is created for someone who may edit it; for anyone else
 * a missing fragment is simply shown as empty, so reading never changes the board.
 */
export function RowRichText({
  session,
  rowId,
  fieldKey,
  editable,
  ...rest
}: {
  session: CollabSession;
  rowId: string;
  fieldKey: string;
  editable: boolean;
  user: DetailUser;
  labelledBy: string;
  describedBy: string | undefined;
}) {
  const [fragment, setFragment] = useState<Y.XmlFragment | null>(null);
  useEffect(() => {
    const doc = session.provider.doc;
    const existing = rowsOf(doc).get(rowId)?.get(fieldKey);
    setFragment(
      existing instanceof Y.XmlFragment ? existing : editable ? richTextOf(doc, rowId, fieldKey) : null,
    );
  }, [session, rowId, fieldKey, editable]);
  if (!fragment) return <p className="row-detail__value">None</p>;
  return (
    <Suspense fallback={<p className="secondary">Loading the description…</p>}>
      <RichTextField fragment={fragment} session={session} editable={editable} {...rest} />
    </Suspense>
  );
}

function CheckpointList({ value }: { value: unknown }) {
  const entries = Array.isArray(value) ? (value as { date?: unknown; label?: unknown }[]) : [];
  if (entries.length === 0) return <p className="row-detail__value">None</p>;
  return (
    <ul className="row-detail__checkpoints">
      {entries.map((entry, index) => (
        <li key={index}>
          {formatDate(entry.date)} — {typeof entry.label === "string" ? entry.label : ""}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  field: FieldSpec;
  row: LiveRow;
  canEdit: boolean;
  members: readonly Member[];
  choices: readonly RowChoice[];
  links: LinkChoices | undefined;
  titles: ReadonlyMap<string, string>;
  actions: BoardActions;
  peer: RowPresence | undefined;
  session: CollabSession;
  user: DetailUser;
  titleInput: RefObject<HTMLDivElement>;
  titleField: string;
}

function DetailField({
  field,
  row,
  canEdit,
  members,
  choices,
  links,
  titles,
  actions,
  peer,
  session,
  user,
  titleInput,
  titleField,
}: FieldProps) {
  const id = `detail-${field.key}`;
  const hintId = field.hint ? `${id}-hint` : undefined;
  const error = row.errors[field.key];
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const value = row.values[field.key];
  const group = isGroupEditor(field.kind);
  const className = [
    "field",
    "row-detail__field",
    error ? "field--error" : "",
    peer ? "row-detail__field--peer" : "",
  ]
    .filter(Boolean)
    .join(" ");

  const label =
    group || field.kind === "richText" || !canEdit ? (
      <span className="field__label" id={`${id}-label`}>
        {field.label}
      </span>
    ) : (
      <label className="field__label" htmlFor={id} id={`${id}-label`}>
        {field.label}
      </label>
    );
  const notes = (
    <>
      {peer ? (
        <span className="cell-peer row-detail__peer" style={personColours(peer.color)}>
          {peer.name} is editing
        </span>
      ) : null}
      {field.hint ? (
        <div className="field__hint" id={hintId}>
          {field.hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );

  let control;
  if (field.kind === "richText") {
    control = (
      <RowRichText
        session={session}
        rowId={row.id}
        fieldKey={field.key}
        editable={canEdit}
        user={user}
        labelledBy={`${id}-label`}
        describedBy={describedBy}
      />
    );
  } else if (!canEdit) {
    control =
      field.kind === "checkpoints" ? (
        <CheckpointList value={value} />
      ) : field.kind === "evidence" ? (
        <EvidenceList value={value} links={links} labelledBy={`${id}-label`} />
      ) : field.kind === "check" ? (
        <CheckAnswers value={value} describedBy={describedBy} />
      ) : (
        <p className="row-detail__value" aria-describedby={describedBy}>
          {displayValue(field, value, titles, currencyOf(row)) || "Not set"}
        </p>
      );
  } else {
    control = (
      <FieldEditor
        mode="form"
        field={field}
        value={value}
        id={id}
        describedBy={describedBy}
        invalid={Boolean(error)}
        members={members}
        choices={choices}
        links={links}
        onCommit={(next) => actions.setCell(row.id, field.key, next)}
      />
    );
  }

  const focusProps = canEdit
    ? {
        onFocus: () => actions.focus(row.id, field.key),
        onBlur: () => actions.focus(null),
      }
    : {};

  if (group && canEdit) {
    return (
      <fieldset className={className} style={peer ? { outlineColor: peer.color } : undefined} {...focusProps}>
        <legend className="field__label">{field.label}</legend>
        {notes}
        {control}
      </fieldset>
    );
  }
  if (field.kind === "flag" && canEdit) {
    return (
      <div className={className} style={peer ? { outlineColor: peer.color } : undefined} {...focusProps}>
        <div className="board-checkbox-field">
          {control}
          <label htmlFor={id}>{field.label}</label>
        </div>
        {notes}
      </div>
    );
  }
  return (
    <div
      className={className}
      style={peer ? { outlineColor: peer.color } : undefined}
      ref={field.key === titleField ? titleInput : undefined}
      {...focusProps}
    >
      {label}
      {notes}
      {control}
    </div>
  );
}

/**
 * Every field of one row, beside whichever view is showing: labels, hints and errors, the
 * description as live rich text, and deletion after a confirmation. Focus moves into the panel
 * when it opens and back to where it came from when it closes (Escape or Close).
 */
export function RowDetail({
  spec,
  rowId,
  row,
  rows,
  session,
  user,
  canEdit,
  members,
  actions,
  people,
  focusTitle,
  fallbackFocus,
  boardName = "Roadmap",
  links,
  summary,
  embedded = false,
}: Props) {
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleInput = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const focusedFor = useRef<string | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const cancelled = useRef(false);
  const title = titleOf(row, spec);
  const exists = Boolean(row) || rowsOf(session.provider.doc).has(rowId);

  // Whatever had focus outside the panel opened it, and gets focus back when it closes.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !panel.current?.contains(active)) opener.current = active;
    setConfirming(false);
  }, [rowId]);

  useLayoutEffect(
    () => () => {
      const back = opener.current;
      if (back?.isConnected) back.focus();
      else fallbackFocus();
    },
    // Runs once, when the panel closes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  useEffect(() => {
    if (embedded || focusedFor.current === rowId) return;
    if (!row && exists) return;
    focusedFor.current = rowId;
    const input = focusTitle ? titleInput.current?.querySelector<HTMLElement>("input") : null;
    (input ?? heading.current)?.focus();
  }, [row, rowId, exists, focusTitle, embedded]);

  useEffect(() => {
    if (confirming) confirmTitle.current?.focus();
    else if (cancelled.current) deleteButton.current?.focus();
    cancelled.current = false;
  }, [confirming]);

  const cancelDelete = () => {
    cancelled.current = true;
    setConfirming(false);
  };

  const choices = useMemo<RowChoice[]>(
    () =>
      rows
        .filter((other) => other.id !== rowId)
        .map((other) => ({ id: other.id, title: titleOf(other, spec) })),
    [rows, rowId, spec],
  );
  const titles = useMemo(() => new Map(choices.map((choice) => [choice.id, choice.title])), [choices]);

  const close = () => actions.select(null);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (embedded || event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    if (confirming) cancelDelete();
    else close();
  };

  const peopleHere = people.length > 0 ? people.map((person) => person.name).join(", ") : null;

  return (
    <aside
      className={embedded ? "row-detail row-detail--embedded" : "row-detail"}
      role={embedded ? undefined : "dialog"}
      aria-modal={embedded ? undefined : "false"}
      aria-labelledby="row-detail-title"
      ref={panel}
      onKeyDown={onKeyDown}
      data-testid="row-detail"
    >
      <div className="row-detail__header">
        <span className="caption row-detail__caption">
          {boardName} {spec.rowNoun}
        </span>
        <h2 className="row-detail__title" id="row-detail-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        {embedded ? null : (
          <button type="button" className="button button--secondary button--small" onClick={close}>
            Close<span className="visually-hidden"> the details of {title}</span>
          </button>
        )}
      </div>
      {peopleHere ? (
        <p className="row-detail__people">
          <span className="row-peers" aria-hidden="true">
            {people.map((person) => (
              <span key={person.clientId} className="row-peers__person" style={personColours(person.color)}>
                {person.name.charAt(0).toUpperCase()}
              </span>
            ))}
          </span>
          Also here: {peopleHere}
        </p>
      ) : null}
      {!row ? (
        <p className="row-detail__gone">
          {exists
            ? `Opening the ${spec.rowNoun}…`
            : `This ${spec.rowNoun} has been deleted. Close the panel to go back to the ${boardName.toLowerCase()}.`}
        </p>
      ) : (
        <div className="row-detail__body">
          {summary?.(row)}
          {spec.fields.map((field) => (
            <DetailField
              key={field.key}
              field={field}
              row={row}
              canEdit={canEdit}
              members={members}
              choices={choices}
              links={links}
              titles={titles}
              actions={actions}
              peer={people.find((person) => person.field === field.key)}
              session={session}
              user={user}
              titleInput={titleInput}
              titleField={spec.titleField}
            />
          ))}
          {canEdit && !embedded ? (
            confirming ? (
              <div className="error-summary" role="alertdialog" aria-labelledby="delete-row-title">
                <h3 className="error-summary__title" id="delete-row-title" tabIndex={-1} ref={confirmTitle}>
                  Delete “{title}”?
                </h3>
                <p>
                  {spec.fields.some((field) => field.kind === "rowRefs")
                    ? `It disappears for everyone, and other ${plural(spec.rowNoun)} stop depending on it.`
                    : "It disappears for everyone."}{" "}
                  You can bring it back with Undo.
                </p>
                <div className="inline-form">
                  <button
                    type="button"
                    className="button button--warning"
                    onClick={() => actions.deleteRow(rowId)}
                  >
                    Delete {spec.rowNoun}
                  </button>
                  <button type="button" className="button button--secondary" onClick={cancelDelete}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                className="button button--warning"
                ref={deleteButton}
                onClick={() => setConfirming(true)}
              >
                Delete {spec.rowNoun}
              </button>
            )
          ) : null}
        </div>
      )}
    </aside>
  );
}
