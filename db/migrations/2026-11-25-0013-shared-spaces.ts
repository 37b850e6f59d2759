import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A shared space has an address (`/s/<slug>`), a purpose, and the city that convened it; an open
  // one (a network) may be joined by any city without an invitation.
  await db.schema
    .alterTable("spaces")
    .addColumn("slug", "text")
    .addColumn("purpose", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("convener_city_id", "uuid", (col) => col.references("cities.id").onDelete("set null"))
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("open", "boolean", (col) => col.notNull().defaultTo(false))
    .execute();
  await sql`alter table spaces add constraint spaces_shared_slug check ((kind = 'shared') = (slug is not null))`.execute(
    db,
  );
  await db.schema.createIndex("spaces_slug").on("spaces").column("slug").unique().execute();

  // Which cities take part in a shared space. Only `member` gives access; the other states are kept
  // so that a city's leads see what they declined or left, and the convener sees the answers.
  await db.schema
    .createTable("space_cities")
    .addColumn("space_id", "uuid", (col) => col.notNull().references("spaces.id").onDelete("cascade"))
    .addColumn("city_id", "uuid", (col) => col.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("invited_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("invited_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("answered_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "timestamptz")
    .addPrimaryKeyConstraint("space_cities_pkey", ["space_id", "city_id"])
    .addCheckConstraint(
      "space_cities_status",
      sql`status in ('invited', 'member', 'declined', 'left', 'removed')`,
    )
    .execute();
  await db.schema
    .createIndex("space_cities_by_city")
    .on("space_cities")
    .columns(["city_id", "status"])
    .execute();

  // A document in a shared space may belong to one of its cities: only that city's members change
  // it, every member city reads it (a lesson is written by its city and read by the network).
  await db.schema
    .alterTable("documents")
    .addColumn("owner_city_id", "uuid", (col) => col.references("cities.id").onDelete("cascade"))
    .execute();

  // A space's discussion: threads of posts, each post signed with the author's city at the time.
  await db.schema
    .createTable("discussion_threads")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("space_id", "uuid", (col) => col.notNull().references("spaces.id").onDelete("cascade"))
    // The document the thread is about (a lesson), or null for the space's general discussion.
    .addColumn("document_id", "uuid", (col) => col.references("documents.id").onDelete("cascade"))
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("last_post_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("discussion_threads_by_space")
    .on("discussion_threads")
    .columns(["space_id", "last_post_at"])
    .execute();
  await db.schema
    .createTable("discussion_posts")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("thread_id", "uuid", (col) =>
      col.notNull().references("discussion_threads.id").onDelete("cascade"),
    )
    .addColumn("author_id", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("city_id", "uuid", (col) => col.references("cities.id").onDelete("set null"))
    .addColumn("body", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("discussion_posts_by_thread")
    .on("discussion_posts")
    .columns(["thread_id", "created_at"])
    .execute();

  // A joint procurement: one opportunity bought together by the cities of its space, with one lead buyer.
  await db.schema
    .createTable("joint_procurements")
    .addColumn("space_id", "uuid", (col) => col.primaryKey().references("spaces.id").onDelete("cascade"))
    .addColumn("lead_city_id", "uuid", (col) => col.notNull().references("cities.id").onDelete("cascade"))
    // The opportunity it grew from, on the proposing city's pipeline.
    .addColumn("origin_city_id", "uuid", (col) => col.references("cities.id").onDelete("set null"))
    .addColumn("origin_row_id", "text")
    // The joint opportunity: its row id on the space's pipeline board.
    .addColumn("row_id", "text", (col) => col.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("joint_procurements").execute();
  await db.schema.dropTable("discussion_posts").execute();
  await db.schema.dropTable("discussion_threads").execute();
  await db.schema.alterTable("documents").dropColumn("owner_city_id").execute();
  await db.schema.dropTable("space_cities").execute();
  await sql`delete from spaces where kind = 'shared'`.execute(db);
  await db.schema.dropIndex("spaces_slug").execute();
  await sql`alter table spaces drop constraint spaces_shared_slug`.execute(db);
  for (const column of ["open", "created_by", "convener_city_id", "purpose", "slug"])
    await db.schema.alterTable("spaces").dropColumn(column).execute();
}
