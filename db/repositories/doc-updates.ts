import { sql } from "kysely";
import type { Executor } from "./executor";

export interface StoredUpdate {
  id: string;
  update: Uint8Array;
}

/** Appends many updates, of any number of documents, in one INSERT; returns the new rows' ids. */
export async function appendUpdates(
  db: Executor,
  args: { updates: { documentId: string; update: Uint8Array }[] },
): Promise<{ id: string; documentId: string }[]> {
  if (args.updates.length === 0) return [];
  const rows = await db
    .insertInto("doc_updates")
    .values(args.updates.map(({ documentId, update }) => ({ document_id: documentId, update })))
    .returning(["id", "document_id"])
    .execute();
  return rows.map((row) => ({ id: String(row.id), documentId: row.document_id }));
}

export interface StoredSnapshot {
  state: Uint8Array;
  /** Null for a snapshot stored before state vectors were kept. */
  stateVector: Uint8Array | null;
  /** How many rows have been folded into it: it changes with every compaction. */
  folded: string;
}

export async function findSnapshot(
  db: Executor,
  args: { documentId: string },
): Promise<StoredSnapshot | null> {
  const row = await db
    .selectFrom("doc_snapshots")
    .select(["state", "state_vector", "updates_folded"])
    .where("document_id", "=", args.documentId)
    .executeTakeFirst();
  return row ? { state: row.state, stateVector: row.state_vector, folded: String(row.updates_folded) } : null;
}

/** The fold count of a document's snapshot, or null when it has none. */
export async function findSnapshotFolded(db: Executor, args: { documentId: string }): Promise<string | null> {
  const row = await db
    .selectFrom("doc_snapshots")
    .select("updates_folded")
    .where("document_id", "=", args.documentId)
    .executeTakeFirst();
  return row ? String(row.updates_folded) : null;
}

export interface StoredDocument {
  snapshot: StoredSnapshot | null;
  /** The update rows after the snapshot, oldest first. */
  updates: StoredUpdate[];
}

/**
 * A document's snapshot and the update rows after it, read by one statement, so they come from one
 * consistent view of the database: a compaction committing meanwhile cannot hide rows it folded.
 */
export async function readStoredDocument(
  db: Executor,
  args: { documentId: string },
): Promise<StoredDocument> {
  const { rows } = await sql<{
    is_snapshot: boolean;
    id: string;
    state: Uint8Array;
    state_vector: Uint8Array | null;
  }>`
    select true as is_snapshot, updates_folded as id, state, state_vector
      from doc_snapshots where document_id = ${args.documentId}
    union all
    select false, id, update, null from doc_updates where document_id = ${args.documentId}
    order by is_snapshot desc, id
  `.execute(db);
  const first = rows[0];
  const snapshot = first?.is_snapshot
    ? { state: first.state, stateVector: first.state_vector, folded: String(first.id) }
    : null;
  const updates = rows.slice(snapshot ? 1 : 0).map((row) => ({ id: String(row.id), update: row.state }));
  return { snapshot, updates };
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
): Promise<string> {
  // The state, megabytes for a large document, is sent once and as the last parameter: `pg` copies
  // each parameter into its message and grows the message by copying what is in it, all on the event
  // loop.
  const row = await db
    .insertInto("doc_snapshots")
    .values({
      document_id: args.documentId,
      state_vector: args.stateVector,
      updates_folded: args.folded,
      state: args.state,
    })
    .onConflict((oc) =>
      oc.column("document_id").doUpdateSet({
        state: sql`excluded.state`,
        state_vector: sql`excluded.state_vector`,
        updates_folded: sql`doc_snapshots.updates_folded + excluded.updates_folded`,
        compacted_at: sql`now()`,
      }),
    )
    .returning("updates_folded")
    .executeTakeFirstOrThrow();
  return String(row.updates_folded);
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
