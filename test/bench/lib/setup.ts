import { sql } from "kysely";
import * as Y from "yjs";
import { openDatabase, type DatabaseOptions } from "../../../db/connect";
import { migrateToLatest } from "../../../db/migrate";
import { findCityBySlug } from "../../../db/repositories/cities";
import { appendUpdates, saveSnapshot } from "../../../db/repositories/doc-updates";
import { findCitySpaceId, insertDocument } from "../../../db/repositories/documents";
import { findCredentialsByEmail } from "../../../db/repositories/users";
import { DEMO_PASSWORD, seedDemo } from "../../../server/demo";

export const BENCH_EMAIL = "amara@aldermoor.example";
export const BENCH_PASSWORD = DEMO_PASSWORD;

export interface OursPlan {
  /** Plain empty documents. */
  documents: number;
  /** Documents whose stored state is one snapshot row: `copies` of each. */
  snapshots: { state: Uint8Array; copies: number }[];
  /** Documents stored as a raw log of update rows, never compacted. */
  rawLogs: Uint8Array[][];
}

export interface OursDocuments {
  documents: string[];
  snapshots: string[][];
  rawLogs: string[];
}

/**
 * Prepares our server's database before it starts (PGlite is single-process): migrations, the demo
 * cities and people, then the documents the scenarios use, all in the city of the signed-in lead.
 */
export async function setupOurs(database: DatabaseOptions, plan: OursPlan): Promise<OursDocuments> {
  const handle = await openDatabase(database);
  try {
    const db = handle.db;
    await migrateToLatest(db);
    if (!(await findCredentialsByEmail(db, { email: BENCH_EMAIL }))) await seedDemo(db);
    const city = await findCityBySlug(db, { slug: "aldermoor" });
    const user = await findCredentialsByEmail(db, { email: BENCH_EMAIL });
    const spaceId = city ? await findCitySpaceId(db, { cityId: city.id }) : null;
    if (!spaceId || !user) throw new Error("the demo city aldermoor is missing after seeding");
    const create = (title: string) =>
      insertDocument(db, { spaceId, kind: "page", title, createdBy: user.user.id }).then((doc) => doc.id);

    const result: OursDocuments = { documents: [], snapshots: [], rawLogs: [] };
    await db.transaction().execute(async (trx) => {
      for (let index = 0; index < plan.documents; index++) {
        result.documents.push(
          (
            await insertDocument(trx, {
              spaceId,
              kind: "page",
              title: `Bench ${index}`,
              createdBy: user.user.id,
            })
          ).id,
        );
      }
    });
    for (const [which, { state, copies }] of plan.snapshots.entries()) {
      const stateVector = Y.encodeStateVectorFromUpdate(state);
      const ids: string[] = [];
      for (let copy = 0; copy < copies; copy++) {
        const documentId = await create(`Bench snapshot ${which}.${copy}`);
        await saveSnapshot(db, { documentId, state, stateVector, folded: 0 });
        ids.push(documentId);
      }
      result.snapshots.push(ids);
    }
    for (const [which, updates] of plan.rawLogs.entries()) {
      const documentId = await create(`Bench raw log ${which}`);
      for (let start = 0; start < updates.length; start += 5000) {
        await appendUpdates(db, {
          updates: updates.slice(start, start + 5000).map((update) => ({ documentId, update })),
        });
      }
      result.rawLogs.push(documentId);
    }
    // What the database would otherwise do in the background during the first measured runs:
    // vacuum and analyse the tables just filled, and write the dirty pages out.
    await sql`vacuum analyze`.execute(db);
    await sql`checkpoint`.execute(db);
    return result;
  } finally {
    await handle.close();
  }
}

/** Update rows and their bytes stored for these documents, including rows folded into snapshots. */
export async function countStored(
  database: DatabaseOptions,
  documentIds: string[],
): Promise<{ rows: number; bytes: number; folded: number; snapshotBytes: number }> {
  const handle = await openDatabase(database);
  try {
    const ids = sql.join(documentIds.map((id) => sql`${id}::uuid`));
    const updates = await sql<{ rows: string; bytes: string | null }>`
      select count(*) as rows, sum(octet_length(update)) as bytes from doc_updates where document_id in (${ids})
    `.execute(handle.db);
    const snapshots = await sql<{ folded: string | null; bytes: string | null }>`
      select sum(updates_folded) as folded, sum(octet_length(state)) as bytes
      from doc_snapshots where document_id in (${ids})
    `.execute(handle.db);
    const folded = Number(snapshots.rows[0]?.folded ?? 0);
    return {
      rows: Number(updates.rows[0]?.rows ?? 0) + folded,
      bytes: Number(updates.rows[0]?.bytes ?? 0),
      folded,
      snapshotBytes: Number(snapshots.rows[0]?.bytes ?? 0),
    };
  } finally {
    await handle.close();
  }
}

const HOCUSPOCUS_TABLE = "hocuspocus_documents";

/** Stores documents where the Hocuspocus peer's database extension will fetch them. */
export async function setupHocuspocus(
  storage: { url: string } | { dataDir: string },
  documents: { name: string; state: Uint8Array }[],
): Promise<void> {
  const create = `create table if not exists ${HOCUSPOCUS_TABLE} (name text primary key, data bytea not null)`;
  const insert = `insert into ${HOCUSPOCUS_TABLE} (name, data) values ($1, $2)
    on conflict (name) do update set data = excluded.data`;
  if ("url" in storage) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: storage.url });
    await client.connect();
    try {
      await client.query(create);
      for (const { name, state } of documents) await client.query(insert, [name, Buffer.from(state)]);
    } finally {
      await client.end();
    }
    return;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(storage.dataDir);
  try {
    await db.exec(create);
    for (const { name, state } of documents) await db.query(insert, [name, state]);
  } finally {
    await db.close();
  }
}
