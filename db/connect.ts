import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir } from "./embedded-lock";
import { PGliteThread, PGliteThreadDialect } from "./pglite-thread";
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
    const pglite = await PGliteThread.open(path.join(dataDir, "pglite"));
    const db = new Kysely<Database>({ dialect: new PGliteThreadDialect(pglite) });
    return {
      db,
      kind: "embedded",
      options,
      location: dataDir,
      close: async () => {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
