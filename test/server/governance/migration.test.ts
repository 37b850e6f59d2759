import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../../db/connect";
import { migrateToLatest } from "../../../db/migrate";
import { migrationProvider } from "../../../db/migrations";

/** A database of its own, so the schema can be taken back to before governance boards existed. */
let handle: DatabaseHandle;
let cleanup = async () => {};

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    const pg = (await import("pg")).default;
    const name = `scf_test_governance_migration_${process.env.VITEST_POOL_ID ?? "0"}`;
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
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-governance-migration-"));
    handle = await openDatabase({ kind: "embedded", dataDir });
    cleanup = async () => {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
});
afterAll(() => cleanup());

const BEFORE = "2026-11-25-0013-shared-spaces";

const boards = async () =>
  (
    await sql<{ city: string; kind: string; title: string }>`
      select cities.slug as city, documents.kind, documents.title from documents
      join spaces on spaces.id = documents.space_id join cities on cities.id = spaces.city_id
      where documents.kind in ('leadership', 'decisions') order by cities.slug, documents.kind desc
    `.execute(handle.db)
  ).rows;

const publicationsTable = async () =>
  (await sql<{ name: string | null }>`select to_regclass('publications')::text as name`.execute(handle.db))
    .rows[0]!.name;

describe("the governance and publications migration", () => {
  it("gives every existing city a leadership team and a decisions log, and takes them away again on the way down", async () => {
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    for (const slug of ["eastholm", "westholm"]) {
      await sql`
        with city as (insert into cities (slug, name, country) values (${slug}, ${slug}, 'UK') returning id, name)
        insert into spaces (kind, city_id, name) select 'city', id, name from city
      `.execute(handle.db);
    }

    await migrateToLatest(handle.db);
    expect(await boards()).toEqual([
      { city: "eastholm", kind: "leadership", title: "Leadership team" },
      { city: "eastholm", kind: "decisions", title: "Decisions log" },
      { city: "westholm", kind: "leadership", title: "Leadership team" },
      { city: "westholm", kind: "decisions", title: "Decisions log" },
    ]);
    expect(await publicationsTable()).toBe("publications");

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await boards()).toEqual([]);
    expect(await publicationsTable()).toBeNull();
    await migrateToLatest(handle.db);
    expect(await boards()).toHaveLength(4);
  });
});
