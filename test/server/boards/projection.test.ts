import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { listBoardRows } from "../../../db/repositories/board-rows";
import { findDocumentOfCity, listDocumentsOfCity } from "../../../db/repositories/documents";
import { createCity } from "../../../server/cities/commands";
import { projectBoard, rebuildProjections } from "../../../server/boards/projection";
import { BoardProjector } from "../../../server/boards/projector";
import { createDocument } from "../../../server/documents/commands";
import { createLogger } from "../../../server/logger";
import { deleteRow, moveRow, orderedRows, setCell } from "../../../shared/boards/model";
import { ROADMAP } from "../../../shared/boards/roadmap";
import { CITY_BOARDS } from "../../../shared/documents";
import { useTestDatabase } from "../../support/database";
import { buildUser } from "../../support/factories";
import { buildCityWithRoadmap, buildRoadmapDoc, storeBoard } from "./support";

const database = useTestDatabase();

const partner = { type: "partner", name: "Northgate Energy Co-op" };

async function setUp() {
  const { db } = database.handle;
  const { city, roadmapId } = await buildCityWithRoadmap(db);
  const { ydoc, ids } = buildRoadmapDoc([
    {
      title: "Open data portal",
      description: "Publish the first twenty data sets.",
      phase: "DELIVER",
      status: "in-progress",
      owner: partner,
      start: "2026-01-05",
      end: "2026-06-30",
      quickWin: true,
      cost: 45_000,
      risk: "medium",
      clauses: ["B8", "B4c"],
    },
    { title: "Citizen panel", phase: "PLAN" },
  ]);
  return { db, city, roadmapId, ydoc, ids };
}

const rowsWithoutStamps = async (documentId: string) =>
  (await listBoardRows(database.handle.db, { documentId })).map(({ updatedAt: _updatedAt, ...row }) => row);

describe("board projection", () => {
  it("gives every city one roadmap, kept out of the documents list and the editor", async () => {
    const { db } = database.handle;
    const lead = await buildUser(db);
    const city = await createCity(db, lead.id, { name: "Roadtown", slug: "roadtown", country: "UK" });
    const listed = await listDocumentsOfCity(db, { cityId: city.id, archived: false });
    expect(listed.map((document) => document.kind)).not.toContain("roadmap");
    const roadmap = await db
      .selectFrom("documents")
      .select(["id", "title"])
      .where("kind", "=", "roadmap")
      .execute();
    expect(roadmap).toEqual([{ id: expect.any(String), title: "Roadmap" }]);
    expect(await findDocumentOfCity(db, { cityId: city.id, documentId: roadmap[0]!.id })).toBeNull();
    await expect(
      db
        .insertInto("documents")
        .values({
          space_id: (await db.selectFrom("spaces").select("id").executeTakeFirstOrThrow()).id,
          kind: "roadmap",
          title: "Second",
        })
        .execute(),
    ).rejects.toThrow();
  });

  it("stores valid values in data and each invalid value's reason in errors, never the value", async () => {
    const { db, roadmapId, ydoc, ids } = await setUp();
    setCell(ydoc, ids[1]!, "phase", "SOMEDAY");
    setCell(ydoc, ids[1]!, "cost", -20);
    setCell(ydoc, ids[1]!, "start", "2026-09-01");
    setCell(ydoc, ids[1]!, "end", "2026-03-01");

    await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc });

    const [portal, panel] = await listBoardRows(db, { documentId: roadmapId });
    expect(portal).toMatchObject({
      rowId: ids[0],
      position: 0,
      errors: {},
      data: {
        title: "Open data portal",
        description: "Publish the first twenty data sets.",
        phase: "DELIVER",
        owner: partner,
        cost: 45_000,
        clauses: ["B8", "B4c"],
        quickWin: true,
      },
    });
    expect(panel!.position).toBe(1);
    expect(panel!.data).toMatchObject({ title: "Citizen panel", start: "2026-09-01" });
    expect(panel!.data).not.toHaveProperty("phase");
    expect(panel!.data).not.toHaveProperty("cost");
    expect(panel!.data).not.toHaveProperty("end");
    expect(panel!.errors).toEqual({
      phase: "Choose a phase",
      cost: "A cost cannot be negative",
      end: "The end comes before the start",
    });
  });

  it("changes nothing when the same state is projected again, and only what changed after an edit", async () => {
    const { db, roadmapId, ydoc, ids } = await setUp();
    expect(await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc })).toEqual({
      written: 2,
      deleted: 0,
    });
    const first = await listBoardRows(db, { documentId: roadmapId });
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc })).toEqual({
      written: 0,
      deleted: 0,
    });
    expect(await listBoardRows(db, { documentId: roadmapId })).toEqual(first);

    setCell(ydoc, ids[1]!, "status", "planned");
    expect(await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc })).toEqual({
      written: 1,
      deleted: 0,
    });
    const [portal, panel] = await listBoardRows(db, { documentId: roadmapId });
    expect(portal).toEqual(first[0]);
    expect(panel!.data.status).toBe("planned");
  });

  it("removes rows deleted from the board and renumbers the rest", async () => {
    const { db, roadmapId, ydoc, ids } = await setUp();
    await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc });
    moveRow(ydoc, ids[1]!, orderedRows(ydoc), 0);
    expect((await rowsWithoutStamps(roadmapId)).map((row) => row.rowId)).toEqual(ids);

    await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc });
    expect((await rowsWithoutStamps(roadmapId)).map((row) => row.rowId)).toEqual([ids[1], ids[0]]);

    deleteRow(ydoc, ROADMAP, ids[1]!);
    expect(await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc })).toEqual({
      written: 1,
      deleted: 1,
    });
    expect(await rowsWithoutStamps(roadmapId)).toEqual([
      expect.objectContaining({ rowId: ids[0], position: 0 }),
    ]);
  });

  it("rebuilds the same rows from storage, whatever the table held", async () => {
    const { db, roadmapId, ydoc, ids } = await setUp();
    setCell(ydoc, ids[1]!, "risk", "extreme");
    await storeBoard(db, roadmapId, ydoc);
    await projectBoard(db, { documentId: roadmapId, kind: "roadmap", ydoc });
    const projected = await rowsWithoutStamps(roadmapId);

    await db.deleteFrom("board_rows").where("row_id", "=", ids[0]!).execute();
    await db
      .insertInto("board_rows")
      .values({ document_id: roadmapId, row_id: "stray", position: 9, data: "{}", errors: "{}" })
      .execute();
    await db
      .updateTable("board_rows")
      .set({ data: '{"title":"Wrong"}' })
      .where("row_id", "=", ids[1]!)
      .execute();

    const other = await buildCityWithRoadmap(db);
    const result = await rebuildProjections(db);
    // Each city has one board of each kind; only the first city's roadmap holds rows.
    expect(result).toEqual({
      boards: 2 * CITY_BOARDS.length,
      rows: 2,
      rowsWithErrors: 1,
      written: 2,
      deleted: 1,
    });
    expect(await rowsWithoutStamps(roadmapId)).toEqual(projected);
    expect(await rowsWithoutStamps(other.roadmapId)).toEqual([]);
    expect(projected[1]!.errors).toEqual({ risk: "Choose a risk level" });
  });
});

describe("the board projector", () => {
  const projector = (delayMs = 30) => new BoardProjector(database.handle.db, createLogger("silent"), delayMs);

  it("projects a changed board once the delay has passed", async () => {
    const { db, roadmapId, ydoc } = await setUp();
    const boards = projector(300);
    boards.changed(roadmapId, ydoc);
    boards.changed(roadmapId, ydoc);
    expect(await listBoardRows(db, { documentId: roadmapId })).toEqual([]);
    await expect.poll(async () => (await listBoardRows(db, { documentId: roadmapId })).length).toBe(2);
    await boards.close();
  });

  it("reads the board when flushed, so the Y.Doc may be destroyed straight after", async () => {
    const { roadmapId, ydoc } = await setUp();
    const boards = projector();
    boards.changed(roadmapId, ydoc);
    const flushed = boards.flush(roadmapId);
    ydoc.destroy();
    await flushed;
    expect(await listBoardRows(database.handle.db, { documentId: roadmapId })).toHaveLength(2);
    await boards.close();
  });

  it("ignores documents that are not boards", async () => {
    const { db, city } = await setUp();
    const vision = await createDocument(db, {
      cityId: city.id,
      createdBy: null,
      input: { kind: "page", title: "Notes" },
    });
    const ydoc = new Y.Doc();
    const boards = projector();
    boards.changed(vision.id, ydoc);
    await boards.flush(vision.id);
    boards.changed(vision.id, ydoc);
    await boards.close();
    expect(await db.selectFrom("board_rows").selectAll().execute()).toEqual([]);
  });
});
