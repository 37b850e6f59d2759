import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { listDocumentsOfCity } from "../../../db/repositories/documents";
import type { Database } from "../../../db/schema";
import { findCityBoard, readStoredBoard } from "../../../server/boards/commands";
import { projectBoard } from "../../../server/boards/projection";
import { CollabHub } from "../../../server/collab/hub";
import { UpdateStore } from "../../../server/collab/persistence";
import { DomainError } from "../../../server/errors";
import { createLogger } from "../../../server/logger";
import {
  openTracker,
  openWorkbook,
  readTrackerEntries,
  roadmapItemsForClause,
  trackerJson,
} from "../../../server/scf/tracker";
import { TRACKER } from "../../../shared/boards/framework";
import { readBoard, richTextOf, setCell } from "../../../shared/boards/model";
import { writePlainText } from "../../../shared/editor/plain-text";
import { RECOMMENDATIONS } from "../../../shared/scf/catalogue";
import { useTestDatabase } from "../../support/database";
import { buildCityWithRoadmap, buildRoadmapDoc } from "../boards/support";

const database = useTestDatabase();

const TODAY = "2026-11-25";
const RECOMMENDATION_IDS = RECOMMENDATIONS.map((recommendation) => recommendation.id);

let hub: CollabHub;
beforeEach(() => {
  const logger = createLogger("silent");
  hub = new CollabHub(database.handle.db, new UpdateStore(database.handle.db, logger), logger, {
    versionAfterQuietMs: 3_600_000,
  });
});
afterEach(async () => {
  await hub.close();
});

/** The tracker's rows as stored: what anyone opening it would receive. */
async function storedTrackerRows(db: Kysely<Database>, trackerId: string) {
  return readStoredBoard(db, trackerId, (ydoc) => readBoard(ydoc, TRACKER));
}

/** Lists a roadmap with these items and projects it, as the hub does a second after a change. */
async function projectRoadmap(db: Kysely<Database>, roadmapId: string, items: Record<string, unknown>[]) {
  const { ydoc } = buildRoadmapDoc(items);
  await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc });
  ydoc.destroy();
}

async function statusError(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.status;
    throw error;
  }
  throw new Error("no error was raised");
}

describe("opening a city's framework tracker", () => {
  it("adds a row for every recommendation, in the framework's order, and keeps them on later openings", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithRoadmap(db);

    const tracker = await openTracker(db, { cityId: city.id, hub });
    expect(tracker).toEqual(await findCityBoard(db, { cityId: city.id, kind: "framework" }));
    const first = await storedTrackerRows(db, tracker.id);
    expect(first.map((row) => row.id)).toEqual(RECOMMENDATION_IDS);
    expect(first.filter((row) => Object.keys(row.errors).length > 0)).toEqual([]);
    expect(first.every((row) => row.valid.status === "not-started")).toBe(true);

    await hub.change(tracker.id, members.editor.id, (ydoc) => setCell(ydoc, "B4c", "status", "in-place"));
    expect(await openTracker(db, { cityId: city.id, hub })).toEqual(tracker);
    const second = await storedTrackerRows(db, tracker.id);
    expect(second.map((row) => row.id)).toEqual(RECOMMENDATION_IDS);
    expect(second.find((row) => row.id === "B4c")!.valid.status).toBe("in-place");
  });

  it("adds each row once when several people open a new tracker at the same moment", async () => {
    const { db } = database.handle;
    const { city } = await buildCityWithRoadmap(db);
    const opened = await Promise.all(
      Array.from({ length: 4 }, () => openTracker(db, { cityId: city.id, hub })),
    );
    expect(new Set(opened.map((board) => board.id)).size).toBe(1);
    const rows = await storedTrackerRows(db, opened[0]!.id);
    expect(rows.map((row) => row.id)).toEqual(RECOMMENDATION_IDS);
    expect(new Set(rows.map((row) => row.order)).size).toBe(44);
  });

  it("adds only the rows a tracker lacks, leaving what the city wrote", async () => {
    const { db } = database.handle;
    const { city } = await buildCityWithRoadmap(db);
    const tracker = await findCityBoard(db, { cityId: city.id, kind: "framework" });
    await hub.change(tracker.id, null, (ydoc) => {
      const rows = ydoc.getMap<Y.Map<unknown>>("rows");
      const row = new Y.Map<unknown>();
      rows.set("D", row);
      row.set("_order", "a0");
      row.set("status", "planned");
      row.set("target", "2027-01-31");
    });
    await openTracker(db, { cityId: city.id, hub });
    const rows = await storedTrackerRows(db, tracker.id);
    expect(rows.map((row) => row.id).sort()).toEqual([...RECOMMENDATION_IDS].sort());
    expect(rows.find((row) => row.id === "D")!.valid).toMatchObject({
      status: "planned",
      target: "2027-01-31",
    });
  });
});

describe("reading a city's tracker", () => {
  it("shows an edit made through the hub in the entries and the JSON, with the coverage it makes", async () => {
    const { db } = database.handle;
    const { city, members, roadmapId } = await buildCityWithRoadmap(db);
    const tracker = await openTracker(db, { cityId: city.id, hub });
    const [vision] = (await listDocumentsOfCity(db, { cityId: city.id, archived: false })).filter(
      (document) => document.kind === "vision",
    );
    const evidence = [
      { type: "document", id: vision!.id, title: "Vision" },
      { type: "roadmapItem", id: "5b6f0c3e-0000-4000-8000-000000000001", title: "Stakeholder register" },
    ];
    const owner = { type: "member", userId: members.editor.id, name: members.editor.name };

    await hub.change(tracker.id, members.editor.id, (ydoc) => {
      setCell(ydoc, "B4c", "status", "in-progress");
      setCell(ydoc, "B4c", "owner", owner);
      setCell(ydoc, "B4c", "target", "2026-10-31");
      setCell(ydoc, "B4c", "evidence", evidence);
      writePlainText(richTextOf(ydoc, "B4c", "notes")!, "Peer visits with two cities agreed.");
      setCell(ydoc, "B5a", "status", "not-applicable");
      setCell(ydoc, "B5a", "reason", "The county council buys for the city");
      setCell(ydoc, "B13", "status", "in-place");
    });

    const entries = await readTrackerEntries(db, { cityId: city.id });
    expect(entries.size).toBe(44);
    expect(entries.get("B4c")).toMatchObject({
      status: "in-progress",
      owner,
      target: "2026-10-31",
      evidence,
      notes: "Peer visits with two cities agreed.",
    });

    const json = await trackerJson(db, { city, today: TODAY });
    expect(json.city).toEqual({ slug: city.slug, name: city.name });
    expect(json.asOf).toBe(TODAY);
    expect(json.recommendations.map((recommendation) => recommendation.id)).toEqual(RECOMMENDATION_IDS);
    expect(json.recommendations.find((recommendation) => recommendation.id === "B4c")).toEqual({
      id: "B4c",
      clause: "B4",
      recommendation: RECOMMENDATIONS.find((recommendation) => recommendation.id === "B4c")!.text,
      status: "in-progress",
      reason: null,
      owner: { userId: members.editor.id, name: members.editor.name },
      target: "2026-10-31",
      evidence,
      notes: "Peer visits with two cities agreed.",
    });
    expect(json.recommendations.find((recommendation) => recommendation.id === "B5a")).toMatchObject({
      status: "not-applicable",
      reason: "The county council buys for the city",
      owner: null,
      target: null,
      evidence: [],
      notes: null,
    });
    expect(json.coverage.overall).toMatchObject({ total: 44, inPlace: 1, applicable: 43 });
    expect(json.coverage.overall.counts).toEqual({
      "not-started": 41,
      planned: 0,
      "in-progress": 1,
      "in-place": 1,
      "not-applicable": 1,
    });
    expect(json.coverage.processAreas.map((area) => [area.id, area.inPlace, area.applicable])).toEqual([
      ["business", 0, 26],
      ["service", 0, 9],
      ["technology", 1, 2],
    ]);
    expect(json.coverage.overdue).toEqual(["B4c"]);
    expect(roadmapId).not.toBe(tracker.id);
  });

  it("reads a tracker nobody has opened yet as every recommendation not started", async () => {
    const { db } = database.handle;
    const { city } = await buildCityWithRoadmap(db);
    expect((await readTrackerEntries(db, { cityId: city.id })).size).toBe(0);
    const json = await trackerJson(db, { city, today: TODAY });
    expect(json.recommendations).toHaveLength(44);
    expect(json.recommendations.every((recommendation) => recommendation.status === "not-started")).toBe(
      true,
    );
    expect(json.coverage.overall.counts["not-started"]).toBe(44);
  });

  it("never shows one city's tracker to another", async () => {
    const { db } = database.handle;
    const home = await buildCityWithRoadmap(db);
    const other = await buildCityWithRoadmap(db);
    const homeTracker = await openTracker(db, { cityId: home.city.id, hub });
    const otherTracker = await openTracker(db, { cityId: other.city.id, hub });
    expect(otherTracker.id).not.toBe(homeTracker.id);
    await hub.change(homeTracker.id, home.members.lead.id, (ydoc) =>
      setCell(ydoc, "D", "status", "in-place"),
    );

    expect((await readTrackerEntries(db, { cityId: home.city.id })).get("D")!.status).toBe("in-place");
    expect((await readTrackerEntries(db, { cityId: other.city.id })).get("D")!.status).toBe("not-started");
    const json = await trackerJson(db, { city: other.city, today: TODAY });
    expect(json.coverage.overall.inPlace).toBe(0);
  });
});

describe("a clause's workbook", () => {
  it("is made once per city and clause, however often and however many open it at once", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithRoadmap(db);
    const open = (clauseId: string) =>
      openWorkbook(db, { cityId: city.id, clauseId, userId: members.editor.id });

    const first = await open("B4");
    expect(await open("B4")).toEqual(first);
    const together = await Promise.all(Array.from({ length: 5 }, () => open("B8")));
    expect(new Set(together.map((workbook) => workbook.id)).size).toBe(1);
    expect(together[0]!.id).not.toBe(first.id);

    const workbooks = await db
      .selectFrom("documents")
      .select(["id", "title", "clause_id"])
      .where("kind", "=", "workbook")
      .orderBy("clause_id")
      .execute();
    expect(workbooks).toEqual([
      { id: first.id, title: "Workbook: B4 Stakeholder collaboration", clause_id: "B4" },
      { id: together[0]!.id, title: "Workbook: B8 Smart city roadmap", clause_id: "B8" },
    ]);
  });

  it("is each city's own and stays out of the city's list of documents", async () => {
    const { db } = database.handle;
    const home = await buildCityWithRoadmap(db);
    const other = await buildCityWithRoadmap(db);
    const listed = async (cityId: string) =>
      (await listDocumentsOfCity(db, { cityId, archived: false })).map((document) => document.id);
    const before = await listed(home.city.id);

    const [homeWorkbook, otherWorkbook] = await Promise.all([
      openWorkbook(db, { cityId: home.city.id, clauseId: "C", userId: home.members.lead.id }),
      openWorkbook(db, { cityId: other.city.id, clauseId: "C", userId: other.members.lead.id }),
    ]);
    expect(homeWorkbook.id).not.toBe(otherWorkbook.id);
    expect(await listed(home.city.id)).toEqual(before);
    expect(await listed(home.city.id)).not.toContain(homeWorkbook.id);

    const owners = await db
      .selectFrom("documents")
      .innerJoin("spaces", "spaces.id", "documents.space_id")
      .select(["documents.id", "spaces.city_id"])
      .where("documents.id", "in", [homeWorkbook.id, otherWorkbook.id])
      .execute();
    expect(Object.fromEntries(owners.map((row) => [row.id, row.city_id]))).toEqual({
      [homeWorkbook.id]: home.city.id,
      [otherWorkbook.id]: other.city.id,
    });
  });

  it("is refused for a clause the framework does not have", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithRoadmap(db);
    for (const clauseId of ["B15", "B4c", "E", ""]) {
      expect(
        await statusError(openWorkbook(db, { cityId: city.id, clauseId, userId: members.lead.id })),
      ).toBe(404);
    }
  });
});

describe("roadmap items for a clause", () => {
  it("finds the items that name the clause or one of its recommendations, and no others", async () => {
    const { db } = database.handle;
    const { city, roadmapId } = await buildCityWithRoadmap(db);
    await projectRoadmap(db, roadmapId, [
      { title: "Stakeholder register", status: "done", clauses: ["B4"] },
      { title: "Peer city visits", status: "in-progress", clauses: ["B8", "B4c"] },
      { title: "Open data portal", clauses: ["B14", "B13"] },
      { title: "City vision", clauses: ["B1a", "B10", "B12a"] },
      { title: "Benefits review", clauses: ["Ca", "D"] },
      { title: "Mistyped references", clauses: ["B4", "B40"] },
      { title: "No references", clauses: [] },
    ]);

    const found = (clauseId: string) => roadmapItemsForClause(db, { cityId: city.id, clauseId });
    expect((await found("B4")).map(({ title, status, refs }) => ({ title, status, refs }))).toEqual([
      { title: "Stakeholder register", status: "done", refs: ["B4"] },
      { title: "Peer city visits", status: "in-progress", refs: ["B4c"] },
    ]);
    expect((await found("B1")).map((item) => [item.title, item.refs])).toEqual([["City vision", ["B1a"]]]);
    expect((await found("B14")).map((item) => [item.title, item.refs])).toEqual([
      ["Open data portal", ["B14"]],
    ]);
    expect((await found("C")).map((item) => [item.title, item.refs])).toEqual([["Benefits review", ["Ca"]]]);
    expect(await found("B5")).toEqual([]);
  });

  it("never lists another city's items", async () => {
    const { db } = database.handle;
    const home = await buildCityWithRoadmap(db);
    const other = await buildCityWithRoadmap(db);
    await projectRoadmap(db, other.roadmapId, [{ title: "Their register", clauses: ["B4"] }]);
    await projectRoadmap(db, home.roadmapId, [{ title: "Our register", clauses: ["B4a"] }]);
    expect(
      (await roadmapItemsForClause(db, { cityId: home.city.id, clauseId: "B4" })).map((i) => i.title),
    ).toEqual(["Our register"]);
  });
});
