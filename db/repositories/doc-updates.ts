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

export async function findSnapshot(db: Executor, args: { documentId: string }): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom("doc_snapshots")
    .select("state")
    .where("document_id", "=", args.documentId)
    .executeTakeFirst();
  return row?.state ?? null;
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
  args: { documentId: string; state: Uint8Array; folded: number },
): Promise<void> {
  await db
    .insertInto("doc_snapshots")
    .values({ document_id: args.documentId, state: args.state, updates_folded: args.folded })
    .onConflict((oc) =>
      oc.column("document_id").doUpdateSet({
        state: args.state,
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
