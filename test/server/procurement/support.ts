import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { Database } from "../../../db/schema";
import { findCityBoard } from "../../../server/boards/commands";
import { loadStoredState } from "../../../server/collab/persistence";
import { createStarterDocuments } from "../../../server/documents/commands";
import { deleteRow, insertRow, setCell } from "../../../shared/boards/model";
import { PIPELINE, type Opportunity } from "../../../shared/boards/pipeline";
import { buildCityWithMembers } from "../../support/factories";
import { storeBoard } from "../boards/support";

/** A city with one member of each role and the documents a new city gets, its pipeline among them. */
export async function buildCityWithPipeline(
  db: Kysely<Database>,
  overrides: Parameters<typeof buildCityWithMembers>[1] = {},
) {
  const { city, members } = await buildCityWithMembers(db, overrides);
  await createStarterDocuments(db, { cityId: city.id, createdBy: null });
  const pipeline = await findCityBoard(db, { cityId: city.id, kind: "pipeline" });
  return { city, members, pipelineId: pipeline.id };
}

/** A ready-to-publish opportunity; what a test cares about goes in `overrides`. */
export function buildOpportunity(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    title: "Smart parking sensors",
    outcome: "Drivers find a free space without circling the centre.",
    stage: "pipeline",
    category: "goods",
    cpv: "",
    value: 400_000,
    currency: "GBP",
    budgetSource: "Transport capital fund",
    method: "open",
    engagementDate: "2027-02-01",
    tenderDate: "2027-05-01",
    awardDate: "2027-08-01",
    contractStart: "2027-10-01",
    contractEnd: "2029-09-30",
    ...overrides,
  };
}

/** Adds opportunities to the stored pipeline board; returns their row ids. */
export async function addOpportunities(
  db: Kysely<Database>,
  pipelineId: string,
  opportunities: Opportunity[],
): Promise<string[]> {
  return changePipeline(db, pipelineId, (ydoc) =>
    opportunities.map((values) => insertRow(ydoc, PIPELINE, { values: { ...values } })),
  );
}

/** Sets cells of an opportunity on the stored pipeline board. */
export async function updateOpportunity(
  db: Kysely<Database>,
  pipelineId: string,
  rowId: string,
  values: Partial<Opportunity>,
): Promise<void> {
  await changePipeline(db, pipelineId, (ydoc) => {
    for (const [key, value] of Object.entries(values)) setCell(ydoc, rowId, key, value);
  });
}

/** Deletes an opportunity from the stored pipeline board. */
export async function removeOpportunity(
  db: Kysely<Database>,
  pipelineId: string,
  rowId: string,
): Promise<void> {
  await changePipeline(db, pipelineId, (ydoc) => deleteRow(ydoc, PIPELINE, rowId));
}

async function changePipeline<T>(
  db: Kysely<Database>,
  pipelineId: string,
  change: (ydoc: Y.Doc) => T,
): Promise<T> {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, await loadStoredState(db, pipelineId));
    const result = change(ydoc);
    await storeBoard(db, pipelineId, ydoc);
    return result;
  } finally {
    ydoc.destroy();
  }
}
