import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("comment_threads")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("document_id", "uuid", (col) => col.notNull().references("documents.id").onDelete("cascade"))
    // Yjs relative positions of the commented range, as JSON: they follow the text as it is edited.
    .addColumn("anchor", "text", (col) => col.notNull())
    .addColumn("quote", "text", (col) => col.notNull())
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolved_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("comment_threads_document_id")
    .on("comment_threads")
    .column("document_id")
    .execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("thread_id", "uuid", (col) =>
      col.notNull().references("comment_threads.id").onDelete("cascade"),
    )
    .addColumn("author_id", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("comments_thread_id")
    .on("comments")
    .columns(["thread_id", "created_at"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("comments").execute();
  await db.schema.dropTable("comment_threads").execute();
}
