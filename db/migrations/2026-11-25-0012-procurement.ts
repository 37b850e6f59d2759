import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Every city space holds one procurement pipeline, a board like the roadmap.
  await db.schema
    .createIndex("documents_one_pipeline_per_space")
    .on("documents")
    .column("space_id")
    .unique()
    .where(sql.ref("kind"), "=", "pipeline")
    .execute();
  await sql`
    insert into documents (space_id, kind, title)
    select spaces.id, 'pipeline', 'Procurement pipeline'
    from spaces
    where spaces.kind = 'city'
      and not exists (select 1 from documents where documents.space_id = spaces.id and documents.kind = 'pipeline')
  `.execute(db);

  // The prefix of the city's open contracting ids (ocid); null until a lead sets one.
  await db.schema.alterTable("cities").addColumn("ocid_prefix", "text").execute();

  // Every release a lead published, kept for good: the public package lists them all.
  await db.schema
    .createTable("procurement_releases")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("city_id", "uuid", (col) => col.notNull().references("cities.id").onDelete("cascade"))
    // The opportunity: its row id on the city's pipeline board.
    .addColumn("row_id", "text", (col) => col.notNull())
    .addColumn("ocid", "text", (col) => col.notNull())
    .addColumn("release_id", "text", (col) => col.notNull().unique())
    .addColumn("tag", "text", (col) => col.notNull())
    // The OCDS release as published.
    .addColumn("release", "jsonb", (col) => col.notNull())
    // A digest of what the release says, to tell a changed opportunity from an unchanged one.
    .addColumn("digest", "text", (col) => col.notNull())
    .addColumn("published_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("procurement_releases_by_city")
    .on("procurement_releases")
    .columns(["city_id", "row_id", "published_at"])
    .execute();

  // Suppliers' interest in a published opportunity, and the city's answer.
  await db.schema
    .createTable("supplier_interests")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("city_id", "uuid", (col) => col.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("row_id", "text", (col) => col.notNull())
    .addColumn("user_id", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("organisation", "text", (col) => col.notNull())
    .addColumn("contact", "text", (col) => col.notNull())
    .addColumn("message", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("answer", "text")
    .addColumn("answered_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("supplier_interests_by_opportunity")
    .on("supplier_interests")
    .columns(["city_id", "row_id", "created_at"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("supplier_interests").execute();
  await db.schema.dropTable("procurement_releases").execute();
  await db.schema.alterTable("cities").dropColumn("ocid_prefix").execute();
  await sql`delete from documents where kind = 'pipeline'`.execute(db);
  await db.schema.dropIndex("documents_one_pipeline_per_space").execute();
}
