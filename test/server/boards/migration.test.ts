import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../../db/connect";
import { migrateToLatest } from "../../../db/migrate";
import { migrationProvider } from "../../../db/migrations";

/** A database of its own, so the schema can be taken back to before boards existed. */
let handle: DatabaseHandle;
let cleanup = async () => {};

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    const pg = (await import("pg")).default;
    const name = `scf_test_board_migration_${process.env.VITEST_POOL_ID ?? "0"}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    handle = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 });
    cleanup = () => handle.close();
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-board-migration-"));
    handle = await openDatabase({ kind: "embedded", dataDir });
    cleanup = async () => {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
});
afterAll(() => cleanup());

const boards = async (kind: string) =>
  (
    await sql<{ city: string; title: string }>`
      select cities.slug as city, documents.title from documents
      join spaces on spaces.id = documents.space_id join cities on cities.id = spaces.city_id
      where documents.kind = ${kind} order by cities.slug
    `.execute(handle.db)
  ).rows;
const roadmaps = () => boards("roadmap");

describe("the boards migration", () => {
  it("gives every existing city one roadmap and one framework tracker, allows no second one, and removes them on the way down", async () => {
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    const before = await migrator.migrateTo("2026-11-25-0008-snapshot-state-vectors");
    expect(before.error).toBeUndefined();
    for (const slug of ["eastholm", "westholm"]) {
      await sql`
        with city as (insert into cities (slug, name, country) values (${slug}, ${slug}, 'UK') returning id, name)
        insert into spaces (kind, city_id, name) select 'city', id, name from city
      `.execute(handle.db);
    }

    await migrateToLatest(handle.db);
    expect(await roadmaps()).toEqual([
      { city: "eastholm", title: "Roadmap" },
      { city: "westholm", title: "Roadmap" },
    ]);
    expect(await boards("framework")).toEqual([
      { city: "eastholm", title: "Framework tracker" },
      { city: "westholm", title: "Framework tracker" },
    ]);
    for (const kind of ["roadmap", "framework"]) {
      await expect(
        sql`insert into documents (space_id, kind, title) select id, ${kind}, 'Another' from spaces limit 1`.execute(
          handle.db,
        ),
      ).rejects.toThrow();
    }

    expect((await migrator.migrateTo("2026-11-25-0008-snapshot-state-vectors")).error).toBeUndefined();
    expect(await roadmaps()).toEqual([]);
    expect(await boards("framework")).toEqual([]);
    await migrateToLatest(handle.db);
    expect(await roadmaps()).toHaveLength(2);
    expect(await boards("framework")).toHaveLength(2);
  });
});
