import type { Kysely } from "kysely";
import * as Y from "yjs";
import { saveSnapshot } from "../../../db/repositories/doc-updates";
import type { Database } from "../../../db/schema";
import { findCityBoard } from "../../../server/boards/commands";
import { createStarterDocuments } from "../../../server/documents/commands";
import { insertRow } from "../../../shared/boards/model";
import { ROADMAP } from "../../../shared/boards/roadmap";
import { buildCityWithMembers } from "../../support/factories";

/** A city with one member of each role and the documents a new city gets, its roadmap among them. */
export async function buildCityWithRoadmap(
  db: Kysely<Database>,
  overrides: Parameters<typeof buildCityWithMembers>[1] = {},
) {
  const { city, members } = await buildCityWithMembers(db, overrides);
  await createStarterDocuments(db, { cityId: city.id, createdBy: null });
  const roadmap = await findCityBoard(db, { cityId: city.id, kind: "roadmap" });
  return { city, members, roadmapId: roadmap.id };
}

/** A roadmap board with these items, in this order; returns the doc and the new rows' ids. */
export function buildRoadmapDoc(items: Record<string, unknown>[]): { ydoc: Y.Doc; ids: string[] } {
  const ydoc = new Y.Doc();
  const ids = items.map((values) => insertRow(ydoc, ROADMAP, { values }));
  return { ydoc, ids };
}

/** Stores a board's whole state as its document's snapshot, as if it had been compacted. */
export async function storeBoard(db: Kysely<Database>, documentId: string, ydoc: Y.Doc): Promise<void> {
  await saveSnapshot(db, {
    documentId,
    state: Y.encodeStateAsUpdate(ydoc),
    stateVector: Y.encodeStateVector(ydoc),
    folded: 0,
  });
}
