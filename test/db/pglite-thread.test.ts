import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/connect";
import { isUniqueViolation } from "../../db/errors";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "scf-pglite-thread-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the embedded database in its own thread", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ kind: "embedded", dataDir: path.join(root, "shared") });
    await sql`create table blobs (id int primary key, data bytea not null)`.execute(handle.db);
  }, 60_000);
  afterAll(() => handle.close());

  it("stores and returns bytea byte for byte, large and small, and counts the rows a change touched", async () => {
    const large = new Uint8Array(300_000).map((_, index) => (index * 31) % 256);
    const small = new Uint8Array([0, 1, 254, 255]);
    const inserted = await sql`insert into blobs values (1, ${large}), (2, ${small})`.execute(handle.db);
    expect(inserted.numAffectedRows).toBe(2n);

    const { rows } = await sql<{
      id: number;
      data: Uint8Array;
    }>`select id, data from blobs order by id`.execute(handle.db);
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
    expect(rows[0]!.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(rows[0]!.data).equals(Buffer.from(large))).toBe(true);
    expect([...rows[1]!.data]).toEqual([0, 1, 254, 255]);
  });

  it("rejects with PostgreSQL's error and its code, and goes on answering", async () => {
    await sql`insert into blobs values (10, ${new Uint8Array([1])})`.execute(handle.db);
    const failed = await sql`insert into blobs values (10, ${new Uint8Array([2])})`
      .execute(handle.db)
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/duplicate key/);
    expect(isUniqueViolation(failed)).toBe(true);

    const { rows } = await sql<{ data: Uint8Array }>`select data from blobs where id = 10`.execute(handle.db);
    expect([...rows[0]!.data]).toEqual([1]);
  });

  it("keeps other queries out of a transaction and rolls it back whole when it fails", async () => {
    const inside = handle.db.transaction().execute(async (trx) => {
      await sql`insert into blobs values (20, ${new Uint8Array([20])})`.execute(trx);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sql`insert into blobs values (20, ${new Uint8Array([21])})`.execute(trx);
    });
    // Queued behind the transaction: it sees the table after the rollback.
    const outside = sql<{ count: number }>`select count(*)::int as count from blobs where id = 20`.execute(
      handle.db,
    );
    await expect(inside).rejects.toThrow(/duplicate key/);
    expect((await outside).rows[0]!.count).toBe(0);
  });
});

describe("opening the embedded database in its own thread", () => {
  it("rejects with PGlite's error when the data directory cannot hold a database, and frees the lock", async () => {
    const dataDir = path.join(root, "blocked");
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, "pglite"), "not a directory");
    await expect(openDatabase({ kind: "embedded", dataDir })).rejects.toThrow();
    expect(fs.existsSync(path.join(dataDir, "scf.lock"))).toBe(false);
  });

  it("keeps the process alive while a query waits, and lets it end once nothing does", async () => {
    const dataDir = path.join(root, "child");
    const connect = path.resolve("db/connect.ts");
    const script = path.join(root, "answer.mts");
    fs.writeFileSync(
      script,
      `
      const { openDatabase } = await import(${JSON.stringify(connect)});
      const handle = await openDatabase({ kind: "embedded", dataDir: ${JSON.stringify(dataDir)} });
      const row = await handle.db.selectNoFrom((eb) => eb.lit(42).as("answer")).executeTakeFirstOrThrow();
      console.log(row.answer);
    `,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect({ code, stdout: stdout.trim(), stderr }).toEqual({ code: 0, stdout: "42", stderr: "" });
  }, 60_000);
});
