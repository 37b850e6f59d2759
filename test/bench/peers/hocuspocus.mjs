// The Hocuspocus peer: @hocuspocus/server with its database extension (default debounce settings),
// storing each document's state in PostgreSQL (DATABASE_URL) or in its own PGlite (DATA_DIR).
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";

const TABLE = "hocuspocus_documents";
let stores = 0;
let storeBytes = 0;

async function openStorage() {
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    await pool.query(`create table if not exists ${TABLE} (name text primary key, data bytea not null)`);
    return {
      query: async (text, params) => (await pool.query(text, params)).rows,
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(process.env.DATA_DIR);
  await db.exec(`create table if not exists ${TABLE} (name text primary key, data bytea not null)`);
  return { query: async (text, params) => (await db.query(text, params)).rows, close: () => db.close() };
}

const storage = await openStorage();
globalThis.__benchStats = () => ({ stores, storeBytes });

const server = new Server({
  port: Number(process.env.PORT),
  address: "127.0.0.1",
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const rows = await storage.query(`select data from ${TABLE} where name = $1`, [documentName]);
        return rows[0] ? new Uint8Array(rows[0].data) : null;
      },
      store: async ({ documentName, state }) => {
        await storage.query(
          `insert into ${TABLE} (name, data) values ($1, $2)
           on conflict (name) do update set data = excluded.data`,
          [documentName, state],
        );
        stores++;
        storeBytes += state.byteLength;
      },
    }),
  ],
});
await server.listen();
process.stderr.write("BENCH_READY\n");
