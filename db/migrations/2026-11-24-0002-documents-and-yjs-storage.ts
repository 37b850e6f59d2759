import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("spaces")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("city_id", "uuid", (col) => col.references("cities.id").onDelete("cascade"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("spaces_kind", sql`kind in ('city', 'shared')`)
    .addCheckConstraint("spaces_city_owned", sql`(kind = 'city') = (city_id is not null)`)
    .execute();
  // A city has exactly one space of its own.
  await db.schema
    .createIndex("spaces_one_per_city")
    .on("spaces")
    .column("city_id")
    .unique()
    .where(sql.ref("kind"), "=", "city")
    .execute();
  await sql`insert into spaces (kind, city_id, name) select 'city', id, name from cities`.execute(db);

  await db.schema
    .createTable("documents")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("space_id", "uuid", (col) => col.notNull().references("spaces.id").onDelete("cascade"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("documents_space_id").on("documents").column("space_id").execute();

  // Append-only Yjs updates; compaction folds a prefix of them into the snapshot.
  await db.schema
    .createTable("doc_updates")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("document_id", "uuid", (col) => col.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("update", "bytea", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("doc_updates_document_id")
    .on("doc_updates")
    .columns(["document_id", "id"])
    .execute();

  await db.schema
    .createTable("doc_snapshots")
    .addColumn("document_id", "uuid", (col) =>
      col.primaryKey().references("documents.id").onDelete("cascade"),
    )
    .addColumn("state", "bytea", (col) => col.notNull())
    .addColumn("updates_folded", "bigint", (col) => col.notNull().defaultTo(0))
    .addColumn("compacted_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["doc_snapshots", "doc_updates", "documents", "spaces"]) {
    await db.schema.dropTable(table).execute();
  }
}
