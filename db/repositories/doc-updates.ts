import { sql } from "kysely";
import type { Executor } from "./executor";

export interface StoredUpdate {
  id: string;
  update: Uint8Array;
}

/** Appends many updates, of any number of documents, in one INSERT. */
export async function appendUpdates(
  db: Executor,
  args: { updates: { documentId: string; update: Uint8Array }[] },
): Promise<void> {
  if (args.updates.length === 0) return;
  await db
    .insertInto("doc_updates")
    .values(args.updates.map(({ documentId, update }) => ({ document_id: documentId, update })))
    .execute();
}

export interface StoredSnapshot {
  state: Uint8Array;
  /** Null for a snapshot stored before state vectors were kept. */
  stateVector: Uint8Array | null;
}

export async function findSnapshot(db: Executor, args: { documentId: string }): Promise<StoredSnapshot | null> {
  const row = await db
    .selectFrom("doc_snapshots")
    .select(["state", "state_vector"])
    .where("document_id", "=", args.documentId)
    .executeTakeFirst();
  return row ? { state: row.state, stateVector: row.state_vector } : null;
}

export interface StoredDocument {
  snapshot: StoredSnapshot | null;
  /** The update rows after the snapshot, oldest first. */
  updates: Uint8Array[];
}

/**
 * A document's snapshot and the update rows after it, read by one statement, so they come from one
 * consistent view of the database: a compaction committing meanwhile cannot hide rows it folded.
 */
export async function readStoredDocument(db: Executor, args: { documentId: string }): Promise<StoredDocument> {
  const { rows } = await sql<{ is_snapshot: boolean; state: Uint8Array; state_vector: Uint8Array | null }>`
    select true as is_snapshot, null::bigint as id, state, state_vector
      from doc_snapshots where document_id = ${args.documentId}
    union all
    select false, id, update, null from doc_updates where document_id = ${args.documentId}
    order by is_snapshot desc, id
  `.execute(db);
  const first = rows[0];
  const snapshot = first?.is_snapshot ? { state: first.state, stateVector: first.state_vector } : null;
  return { snapshot, updates: rows.slice(snapshot ? 1 : 0).map((row) => row.state) };
}

export async function listUpdates(db: Executor, args: { documentId: string }): Promise<StoredUpdate[]> {
  return db
    .selectFrom("doc_updates")
    .select(["id", "update"])
    .where("document_id", "=", args.documentId)
    .orderBy("id")
    .execute();
}

export async function countUpdates(db: Executor, args: { documentId: string }): Promise<number> {
  const row = await db
    .selectFrom("doc_updates")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("document_id", "=", args.documentId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function saveSnapshot(
  db: Executor,
  args: { documentId: string; state: Uint8Array; stateVector: Uint8Array; folded: number },
): Promise<void> {
  await db
    .insertInto("doc_snapshots")
    .values({
      document_id: args.documentId,
      state: args.state,
      state_vector: args.stateVector,
      updates_folded: args.folded,
    })
    .onConflict((oc) =>
      oc.column("document_id").doUpdateSet({
        state: args.state,
        state_vector: args.stateVector,
        updates_folded: sql`doc_snapshots.updates_folded + ${args.folded}`,
        compacted_at: sql`now()`,
      }),
    )
    .execute();
}

/** Deletes exactly these rows; one array parameter, however many there are. */
export async function deleteUpdates(db: Executor, args: { ids: string[] }): Promise<void> {
  if (args.ids.length === 0) return;
  await db
    .deleteFrom("doc_updates")
    .where(sql<boolean>`id = any(${sql.val(args.ids)}::bigint[])`)
    .execute();
}

/**
 * Serialises compactions of one document across every server process until the transaction ends.
 * The key is the document id's hash, in the advisory-lock space of this table.
 */
export async function lockDocumentForCompaction(db: Executor, args: { documentId: string }): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('doc_snapshots'), hashtext(${args.documentId}))`.execute(
    db,
  );
}
