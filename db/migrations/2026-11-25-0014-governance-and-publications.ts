import { sql, type Kysely } from "kysely";

const GOVERNANCE_BOARDS = [
  { kind: "leadership", title: "Leadership team" },
  { kind: "decisions", title: "Decisions log" },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Every city space holds one leadership team register and one decisions log, boards like the roadmap.
  for (const board of GOVERNANCE_BOARDS) {
    await db.schema
      .createIndex(`documents_one_${board.kind}_per_space`)
      .on("documents")
      .column("space_id")
      .unique()
      .where(sql.ref("kind"), "=", board.kind)
      .execute();
    await sql`
      insert into documents (space_id, kind, title)
      select spaces.id, ${board.kind}, ${board.title}
      from spaces
      where spaces.kind = 'city'
        and not exists (select 1 from documents where documents.space_id = spaces.id and documents.kind = ${board.kind})
    `.execute(db);
  }

  // What a lead made public, as it was rendered then: the public pages read these, never the live documents.
  await db.schema
    .createTable("publications")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("city_id", "uuid", (col) => col.notNull().references("cities.id").onDelete("cascade"))
    // 1, 2, 3… within the city: the version the public sees and compares.
    .addColumn("number", "integer", (col) => col.notNull())
    .addColumn("published_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    // The publisher's name at the time, which stays with the publication.
    .addColumn("publisher_name", "text", (col) => col.notNull())
    .addColumn("published_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    // Every section of the public page as published, sanitised; sections not published anew are carried over.
    .addColumn("sections", "jsonb", (col) => col.notNull())
    // The keys of the sections published anew this time.
    .addColumn("republished", "jsonb", (col) => col.notNull())
    .addUniqueConstraint("publications_number_per_city", ["city_id", "number"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publications").execute();
  await sql`delete from documents where kind in ('leadership', 'decisions')`.execute(db);
  for (const board of GOVERNANCE_BOARDS) {
    await db.schema.dropIndex(`documents_one_${board.kind}_per_space`).execute();
  }
}
