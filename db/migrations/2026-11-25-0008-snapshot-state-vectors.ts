import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The snapshot's Yjs state vector, so a document can greet its first client without decoding the
  // snapshot. Null for snapshots written before this column existed: it is then worked out on load.
  await db.schema.alterTable("doc_snapshots").addColumn("state_vector", "bytea").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("doc_snapshots").dropColumn("state_vector").execute();
}
