import type { BoardSpec } from "../../../shared/boards/fields";
import { PIPELINE } from "../../../shared/boards/pipeline";
import type { Member } from "../board/cells";
import { EmbeddedRow } from "../board/EmbeddedRow";
import type { DetailUser } from "../board/RowDetail";
import { CheckSummaryPanel } from "./check";

/** The joint opportunity's fields: links to one city's roadmap have no place in a shared space. */
const JOINT_SPEC: BoardSpec = {
  ...PIPELINE,
  fields: PIPELINE.fields.filter((field) => field.key !== "roadmapItems"),
};

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
  return (
    <EmbeddedRow
      spec={JOINT_SPEC}
      documentId={documentId}
      rowId={rowId}
      user={user}
      members={members}
      mayEdit={mayEdit}
      boardName="Joint"
      loading="Loading the joint opportunity…"
      change="a change to the opportunity"
      gone="The joint opportunity is no longer on the space's pipeline."
      groupField="stage"
      summary={(live) => <CheckSummaryPanel row={live} />}
      className="joint-opportunity"
    />
  );
}
