import { useCallback, useEffect, useRef, type ReactNode } from "react";
import type { BoardSpec } from "../../../shared/boards/fields";
import { Presence } from "../editor/Presence";
import { SaveStatus } from "../editor/SaveStatus";
import { useCollabSession } from "../editor/use-collab-session";
import type { Member } from "./cells";
import { HistoryButtons } from "./HistoryButtons";
import { RowDetail, type DetailUser } from "./RowDetail";
import type { RowPresence } from "./types";
import { useBoard, type LiveRow } from "./use-board";
import { useUndoShortcuts } from "./use-undo-shortcuts";

const NOBODY: readonly RowPresence[] = [];

interface Props {
  spec: BoardSpec;
  documentId: string;
  rowId: string;
  user: DetailUser;
  /** Who may own the row, for an owner field. */
  members?: readonly Member[];
  mayEdit: boolean;
  /** The board's name, to start a sentence: "Joint". */
  boardName: string;
  /** Said while the board loads: "Loading the lesson…". */
  loading: string;
  /** What one undo step is, for the undo buttons: "a change to the lesson". */
  change: string;
  /** Said when the row is no longer on the board. */
  gone: string;
  /** The field a board groups its rows by. */
  groupField?: string;
  /** Shown above the fields: what the board works out from the row's values. */
  summary?(row: LiveRow): ReactNode;
  className?: string;
}

/**
 * One row of a live board as a page of its own (a joint opportunity, a lesson): its fields co-edited
 * by whoever may edit the board, with saved state, presence and per-person undo, and read live by
 * everyone else.
 */
export function EmbeddedRow({
  spec,
  documentId,
  rowId,
  user,
  members = [],
  mayEdit,
  boardName,
  loading,
  change,
  gone,
  groupField,
  summary,
  className,
}: Props) {
  const { session, state } = useCollabSession(documentId, user.id);
  const { rows, synced, actions, presence, history } = useBoard(session, spec, user.id, groupField);
  const canEdit = mayEdit && !state?.readOnly && !state?.closed;
  const row = rows.find((candidate) => candidate.id === rowId);
  const message = useRef<HTMLParagraphElement>(null);
  const say = useCallback((text: string) => {
    if (message.current) message.current.textContent = text;
  }, []);
  useUndoShortcuts(history, canEdit, say);
  // Presence shows where each person is; this page is always at the one row.
  const { select } = actions;
  useEffect(() => {
    if (synced) select(rowId);
  }, [synced, select, rowId]);
  const noop = useCallback(() => {}, []);

  if (!session || !synced) return <p className="editor__loading">{loading}</p>;
  if (!row) return <p className="empty-state">{gone}</p>;
  return (
    <div className={className}>
      <div className="editor__bar">
        <SaveStatus state={state} />
        <Presence awareness={session.provider.awareness} />
        {canEdit ? <HistoryButtons history={history} change={change} /> : null}
      </div>
      <p className="visually-hidden" role="status" ref={message} />
      <RowDetail
        spec={spec}
        rowId={rowId}
        row={row}
        rows={rows}
        session={session}
        user={user}
        canEdit={canEdit}
        members={members}
        actions={actions}
        people={presence.get(rowId) ?? NOBODY}
        focusTitle={false}
        fallbackFocus={noop}
        boardName={boardName}
        summary={summary}
        embedded
      />
    </div>
  );
}
