import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A city space holds at most one roadmap: the roadmap page finds it by kind.
  await db.schema
    .createIndex("documents_one_roadmap_per_space")
    .on("documents")
    .column("space_id")
    .unique()
    .where(sql.ref("kind"), "=", "roadmap")
    .execute();
  await sql`
    insert into documents (space_id, kind, title)
    select spaces.id, 'roadmap', 'Roadmap'
    from spaces
    where spaces.kind = 'city'
      and not exists (select 1 from documents where documents.space_id = spaces.id and documents.kind = 'roadmap')
  `.execute(db);

  // The rows of each board as of its last projection: derived from the Yjs state, rebuildable.
  await db.schema
    .createTable("board_rows")
    .addColumn("document_id", "uuid", (col) => col.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("row_id", "text", (col) => col.notNull())
    .addColumn("position", "integer", (col) => col.notNull())
    // Only the values that pass validation; field key → value.
    .addColumn("data", "jsonb", (col) => col.notNull())
    // Field key → why its value is not valid.
    .addColumn("errors", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("board_rows_pkey", ["document_id", "row_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("board_rows").execute();
  await sql`delete from documents where kind = 'roadmap'`.execute(db);
  await db.schema.dropIndex("documents_one_roadmap_per_space").execute();
}
