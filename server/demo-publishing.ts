import type { Kysely } from "kysely";
import * as Y from "yjs";
import { appendUpdates } from "../db/repositories/doc-updates";
import { listMembers } from "../db/repositories/memberships";
import type { Database } from "../db/schema";
import { readBoard, setCell, type BoardRow } from "../shared/boards/model";
import { PIPELINE, type Stage } from "../shared/boards/pipeline";
import { findCityBoard } from "./boards/commands";
import { projectBoard } from "./boards/projection";
import { loadStoredState } from "./collab/persistence";
import { publishingProblem, publishOpportunities, setOcidPrefix } from "./procurement/publishing";

/** Each demo city's ocid prefix: made up, in the form the Open Contracting Partnership registers. */
export const DEMO_OCID_PREFIXES: Record<string, string> = {
  aldermoor: "ocds-a1dm0r",
  brackenford: "ocds-b7k3fd",
  castlebridge: "ocds-c5tb1g",
};

/** The stages of the opportunities a demo city has published: settled enough to announce, not yet bought. */
const PUBLISHED_STAGES: readonly Stage[] = ["pipeline", "market-engagement", "tender"];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The opportunity whose estimate the demo revises after it was published: one that has been to market engagement, if any. */
function revisedOpportunity(published: readonly BoardRow[]): BoardRow | undefined {
  const valued = published.filter((row) => typeof row.valid.value === "number");
  return valued.find((row) => row.valid.stage === "market-engagement") ?? valued[0];
}

/**
 * Publishes a demo city's pipeline as its lead would have: the opportunities at the stages above six
 * weeks ago, then, after one estimate went up, that opportunity again as an update. Whatever is on
 * the city's pipeline board is published, so this works with any demo pipeline, or none.
 */
export async function seedDemoPublishing(
  trx: Kysely<Database>,
  args: { cityId: string; slug: string; now?: Date },
): Promise<void> {
  const prefix = DEMO_OCID_PREFIXES[args.slug];
  if (!prefix) return;
  const now = args.now ?? new Date();
  await setOcidPrefix(trx, { cityId: args.cityId, prefix });
  const lead = (await listMembers(trx, { cityId: args.cityId })).find((member) => member.role === "lead");
  const board = await findCityBoard(trx, { cityId: args.cityId, kind: "pipeline" });
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, await loadStoredState(trx, board.id));
    const published = readBoard(ydoc, PIPELINE).filter(
      (row) => PUBLISHED_STAGES.includes(row.valid.stage as Stage) && publishingProblem(row) === null,
    );
    if (published.length === 0) return;
    const publish = (rowIds: string[], daysAgo: number) =>
      publishOpportunities(trx, {
        cityId: args.cityId,
        userId: lead?.userId ?? null,
        rowIds,
        now: new Date(now.getTime() - daysAgo * DAY_MS),
      });
    await publish(
      published.map((row) => row.id),
      42,
    );

    const revised = revisedOpportunity(published);
    if (!revised) return;
    const before = Y.encodeStateVector(ydoc);
    const estimate = Math.round(((revised.valid.value as number) * 1.15) / 1000) * 1000;
    setCell(ydoc, revised.id, "value", estimate);
    await appendUpdates(trx, {
      updates: [{ documentId: board.id, update: Y.encodeStateAsUpdate(ydoc, before) }],
    });
    await projectBoard(trx, { documentId: board.id, kind: "pipeline", ydoc });
    await publish([revised.id], 9);
  } finally {
    ydoc.destroy();
  }
}
