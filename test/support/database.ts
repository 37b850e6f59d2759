import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/connect";
import { EmbeddedDatabaseBusyError } from "../../db/embedded-lock";
import { isDeadlock } from "../../db/errors";
import { migrateToLatest } from "../../db/migrate";

const MIGRATIONS_DIR = path.resolve("db/migrations");

/** Changes whenever a migration does, so a reused test database never carries an older schema. */
function schemaFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return hash.digest("hex").slice(0, 12);
}

const workerId = process.env.VITEST_POOL_ID ?? "0";

/** Which database the suite runs on: PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? "postgres" : "embedded";

async function openPostgres(baseUrl: string): Promise<DatabaseHandle> {
  // Named after the base database too, so two checkouts testing against one server never share one.
  const base = new URL(baseUrl).pathname.slice(1).replace(/[^a-z0-9_]/gi, "") || "postgres";
  const name = `scf_test_${base}_${schemaFingerprint()}_${workerId}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
}

/** The worker's PGlite directory; when another test run holds it, one of this process's own. */
async function openEmbedded(): Promise<DatabaseHandle> {
  const base = path.join(os.tmpdir(), "scf-test", `pglite-${schemaFingerprint()}-${workerId}`);
  try {
    return await openDatabase({ kind: "embedded", dataDir: base });
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseBusyError)) throw error;
    return openDatabase({ kind: "embedded", dataDir: `${base}-${process.pid}` });
  }
}

/**
 * One database per test worker, opened once per file and reused across runs (a fresh PGlite
 * spends seconds in initdb); every table is emptied before each test.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const handle = process.env.TEST_DATABASE_URL
    ? await openPostgres(process.env.TEST_DATABASE_URL)
    : await openEmbedded();
  await migrateToLatest(handle.db);
  return handle;
}

export async function truncateAll(handle: DatabaseHandle): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_%'
  `.execute(handle.db);
  if (tables.rows.length === 0) return;
  const list = tables.rows.map((row) => `"${row.tablename}"`).join(", ");
  // Work the previous test's server left running (a projection, a search text) may still write; when
  // PostgreSQL resolves such a deadlock against the truncate, the truncate goes again.
  for (let attempt = 1; ; attempt++) {
    try {
      await sql.raw(`truncate ${list} restart identity cascade`).execute(handle.db);
      return;
    } catch (error) {
      if (!isDeadlock(error) || attempt === 3) throw error;
    }
  }
}

/**
 * Opens the worker's database for this file (in a beforeAll registered first, so later hooks can
 * use it) and empties it before each test.
 */
export function useTestDatabase(): { readonly handle: DatabaseHandle } {
  const state: { handle?: DatabaseHandle } = {};
  beforeAll(async () => {
    state.handle = await openTestDatabase();
  });
  beforeEach(async () => {
    if (state.handle) await truncateAll(state.handle);
  });
  afterAll(async () => {
    await state.handle?.close();
  });
  return {
    get handle() {
      if (!state.handle) throw new Error("The test database is not open yet");
      return state.handle;
    },
  };
}
