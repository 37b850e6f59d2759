import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase } from "../../../db/connect";
import { listBoardRows } from "../../../db/repositories/board-rows";
import { findCityBySlug } from "../../../db/repositories/cities";
import { findCityBoard } from "../../../server/boards/commands";
import { run } from "../../../server/cli/main";
import { loadConfig } from "../../../server/config";
import { TRACKER } from "../../../shared/boards/framework";
import { insertRow } from "../../../shared/boards/model";
import { CITY_BOARDS } from "../../../shared/documents";
import { buildRoadmapDoc, storeBoard } from "./support";

/** The CLI opens the database the environment names: a PostgreSQL database or a PGlite directory of its own. */
let cleanup: () => void = () => {};

beforeAll(async () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  let environment: Record<string, string>;
  let remove = () => {};
  if (process.env.TEST_DATABASE_URL) {
    const pg = (await import("pg")).default;
    const name = `scf_test_cli_boards_${process.env.VITEST_POOL_ID ?? "0"}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    environment = { DATABASE_URL: url.toString() };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-cli-boards-"));
    environment = { DATABASE_URL: "", DATA_DIR: dataDir };
    remove = () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  Object.assign(process.env, environment);
  cleanup = () => {
    remove();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
});
afterAll(() => cleanup());

async function scf(...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(args, {
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
  });
  return { code, out, err };
}

/** Opens the CLI's database between commands, which close it when they finish. */
async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>) {
  const handle = await openDatabase(loadConfig().database);
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

describe("scf rebuild-projections", () => {
  it("projects every board of every kind again from its stored state", async () => {
    expect((await scf("city", "create", "--slug", "rebuildham", "--name", "Rebuildham")).code).toBe(0);
    const { roadmapId, trackerId } = await withDatabase(async (db) => {
      const city = (await findCityBySlug(db, { slug: "rebuildham" }))!;
      const roadmap = await findCityBoard(db, { cityId: city.id, kind: "roadmap" });
      const { ydoc } = buildRoadmapDoc([
        { title: "Open data portal", phase: "DELIVER" },
        { title: "Heat network", start: "2026-09-01", end: "2026-03-01" },
      ]);
      await storeBoard(db, roadmap.id, ydoc);
      const tracker = await findCityBoard(db, { cityId: city.id, kind: "framework" });
      const trackerDoc = new Y.Doc();
      insertRow(trackerDoc, TRACKER, { id: "B4c", values: { status: "in-place", target: "2026-06-30" } });
      insertRow(trackerDoc, TRACKER, { id: "B5a", values: { status: "not-applicable" } });
      await storeBoard(db, tracker.id, trackerDoc);
      return { roadmapId: roadmap.id, trackerId: tracker.id };
    });

    const first = await scf("rebuild-projections");
    expect(first).toMatchObject({
      code: 0,
      out: `Projected ${CITY_BOARDS.length} boards with 4 rows (2 with invalid values): 4 written, 0 deleted.\n`,
    });
    const second = await scf("rebuild-projections");
    expect(second.out).toBe(
      `Projected ${CITY_BOARDS.length} boards with 4 rows (2 with invalid values): 0 written, 0 deleted.\n`,
    );

    const rows = await withDatabase((db) => listBoardRows(db, { documentId: roadmapId }));
    expect(rows.map((row) => [row.data.title, row.errors])).toEqual([
      ["Open data portal", {}],
      ["Heat network", { end: "The end comes before the start" }],
    ]);
    const trackerRows = await withDatabase((db) => listBoardRows(db, { documentId: trackerId }));
    expect(trackerRows.map((row) => [row.rowId, row.data.status, row.data.target, row.errors])).toEqual([
      ["B4c", "in-place", "2026-06-30", {}],
      ["B5a", "not-applicable", null, { reason: "Say why this does not apply to the city" }],
    ]);
  });

  it("is listed in the help", async () => {
    const help = await scf("--help");
    expect(help.out).toMatch(/rebuild-projections +Project every board/);
  });
});
