import path from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { lockDataDir } from "./embedded-lock";
import type { Database } from "./schema";

export type DatabaseOptions =
  { kind: "postgres"; url: string; poolSize?: number } | { kind: "embedded"; dataDir: string };

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseOptions["kind"];
  /** What it was opened with: a worker thread opens its own connection to PostgreSQL from it. */
  options: DatabaseOptions;
  /** Human-readable location, for logs: never includes a password. */
  location: string;
  close(): Promise<void>;
}

function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgresql://${parsed.host}${parsed.pathname}`;
  } catch {
    return "postgresql (unparseable URL)";
  }
}

/**
 * bytea in and out of PGlite, which speaks its hex text form. PGlite's own conversion goes byte by
 * byte through strings: loading a 300 KB document snapshot took 30 ms; Buffer's hex codec takes 1.
 */
function parseBytea(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text.slice(2), "hex"));
}

function serializeBytea(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new TypeError("bytea parameter is not a Uint8Array");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

/** Opens PostgreSQL through a pool, or the embedded PGlite database in a data directory. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: "postgres",
      options,
      location: describePostgresUrl(options.url),
      close: () => db.destroy(),
    };
  }

  const dataDir = path.resolve(options.dataDir);
  const release = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(path.join(dataDir, "pglite"), {
      parsers: { [types.BYTEA]: parseBytea },
      serializers: { [types.BYTEA]: serializeBytea },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: "embedded",
      options,
      location: dataDir,
      close: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
