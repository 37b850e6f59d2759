import { useCallback, useEffect, useRef } from "react";
import type { BoardSpec } from "../../../shared/boards/fields";
import { PIPELINE } from "../../../shared/boards/pipeline";
import type { Member } from "../board/cells";
import { HistoryButtons } from "../board/HistoryButtons";
import { RowDetail, type DetailUser } from "../board/RowDetail";
import type { RowPresence } from "../board/types";
import { useBoard } from "../board/use-board";
import { useUndoShortcuts } from "../board/use-undo-shortcuts";
import { Presence } from "../editor/Presence";
import { SaveStatus } from "../editor/SaveStatus";
import { useCollabSession } from "../editor/use-collab-session";
import { CheckSummaryPanel } from "./check";

/** The joint opportunity's fields: links to one city's roadmap have no place in a shared space. */
const JOINT_SPEC: BoardSpec = {
  ...PIPELINE,
  fields: PIPELINE.fields.filter((field) => field.key !== "roadmapItems"),
};

const NOBODY: readonly RowPresence[] = [];

interface Props {
  documentId: string;
  rowId: string;
  user: DetailUser;
  /** The members of every taking-part city, who may own the opportunity. */
  members: readonly Member[];
  mayEdit: boolean;
}

/**
 * The joint opportunity, co-edited live by the members of every city in the space: the same
 * fields and smart-procurement check as a city's pipeline, with presence and per-person undo.
 */
export function JointOpportunity({ documentId, rowId, user, members, mayEdit }: Props) {
  const { session, state } = useCollabSession(documentId, user.id);
  const board = useBoard(session, JOINT_SPEC, user.id, "stage");
  const { rows, synced, actions, presence, history } = board;
  const canEdit = mayEdit && !state?.readOnly && !state?.closed;
  const row = rows.find((candidate) => candidate.id === rowId);
  const message = useRef<HTMLParagraphElement>(null);
  const say = useCallback((text: string) => {
    if (message.current) message.current.textContent = text;
  }, []);
  useUndoShortcuts(history, canEdit, say);
  // Presence shows where each person is; this page is always at the one opportunity.
  const { select } = actions;
  useEffect(() => {
    if (synced) select(rowId);
  }, [synced, select, rowId]);
  const noop = useCallback(() => {}, []);

  if (!session || !synced) return <p className="editor__loading">Loading the joint opportunity…</p>;
  return (
    <div className="joint-opportunity">
      <div className="editor__bar">
        <SaveStatus state={state} />
        <Presence awareness={session.provider.awareness} />
        {canEdit ? <HistoryButtons history={history} change="a change to the opportunity" /> : null}
      </div>
      <p className="visually-hidden" role="status" ref={message} />
      <RowDetail
        spec={JOINT_SPEC}
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
        boardName="Joint"
        summary={(live) => <CheckSummaryPanel row={live} />}
        embedded
      />
    </div>
  );
}
