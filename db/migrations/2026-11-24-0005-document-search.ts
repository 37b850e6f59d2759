import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The plain text of the document's Yjs state, written by the collaboration server as it stores edits.
  await db.schema
    .alterTable("documents")
    .addColumn("plain_text", "text", (col) => col.notNull().defaultTo(""))
    .execute();
  // Title and text, kept current by PostgreSQL itself whenever either changes.
  await sql`
    alter table documents add column search_vector tsvector
      generated always as (to_tsvector('english'::regconfig, title || ' ' || plain_text)) stored
  `.execute(db);
  await db.schema
    .createIndex("documents_search_vector")
    .on("documents")
    .using("gin")
    .column("search_vector")
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("documents_search_vector").execute();
  await db.schema.alterTable("documents").dropColumn("search_vector").execute();
  await db.schema.alterTable("documents").dropColumn("plain_text").execute();
}
