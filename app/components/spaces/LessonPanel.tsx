import { useCallback, useEffect, useRef } from "react";
import { LESSONS } from "../../../shared/boards/lessons";
import { HistoryButtons } from "../board/HistoryButtons";
import { RowDetail, type DetailUser } from "../board/RowDetail";
import type { RowPresence } from "../board/types";
import { useBoard } from "../board/use-board";
import { useUndoShortcuts } from "../board/use-undo-shortcuts";
import { Presence } from "../editor/Presence";
import { SaveStatus } from "../editor/SaveStatus";
import { useCollabSession } from "../editor/use-collab-session";

const NOBODY: readonly RowPresence[] = [];

interface Props {
  /** The lessons board of the lesson's city in the space. */
  documentId: string;
  rowId: string;
  user: DetailUser;
  /** The city that wrote the lesson. */
  cityName: string;
  /** Editors of the lesson's city; everyone else reads it live. */
  mayEdit: boolean;
}

/**
 * A lesson in the framework's pattern form, co-edited live by its city's editors with presence and
 * per-person undo, and read live by everyone else in the space.
 */
export function LessonPanel({ documentId, rowId, user, cityName, mayEdit }: Props) {
  const { session, state } = useCollabSession(documentId, user.id);
  const { rows, synced, actions, presence, history } = useBoard(session, LESSONS, user.id);
  const canEdit = mayEdit && !state?.readOnly && !state?.closed;
  const row = rows.find((candidate) => candidate.id === rowId);
  const message = useRef<HTMLParagraphElement>(null);
  const say = useCallback((text: string) => {
    if (message.current) message.current.textContent = text;
  }, []);
  useUndoShortcuts(history, canEdit, say);
  const { select } = actions;
  useEffect(() => {
    if (synced) select(rowId);
  }, [synced, select, rowId]);
  const noop = useCallback(() => {}, []);

  if (!session || !synced) return <p className="editor__loading">Loading the lesson…</p>;
  if (!row) return <p className="empty-state">This lesson has been taken down by its city.</p>;
  return (
    <div className="lesson-panel">
      <div className="editor__bar">
        <SaveStatus state={state} />
        <Presence awareness={session.provider.awareness} />
        {canEdit ? <HistoryButtons history={history} change="a change to the lesson" /> : null}
      </div>
      <p className="visually-hidden" role="status" ref={message} />
      <RowDetail
        spec={LESSONS}
        rowId={rowId}
        row={row}
        rows={rows}
        session={session}
        user={user}
        canEdit={canEdit}
        members={[]}
        actions={actions}
        people={presence.get(rowId) ?? NOBODY}
        focusTitle={false}
        fallbackFocus={noop}
        boardName={cityName}
        embedded
      />
    </div>
  );
}
