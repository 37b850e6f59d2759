import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Each city keeps its lessons in a shared space on one board of kind `lessons`, owned by the city.
  await db.schema
    .createIndex("documents_lessons_board")
    .on("documents")
    .columns(["space_id", "owner_city_id"])
    .unique()
    .where(sql.ref("kind"), "=", "lessons")
    .execute();

  // A lesson: one row of its city's lessons board, with who wrote it, for telling them of adoptions.
  await db.schema
    .createTable("lessons")
    .addColumn("document_id", "uuid", (col) => col.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("row_id", "text", (col) => col.notNull())
    .addColumn("space_id", "uuid", (col) => col.notNull().references("spaces.id").onDelete("cascade"))
    .addColumn("city_id", "uuid", (col) => col.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("lessons_pkey", ["document_id", "row_id"])
    .execute();
  await db.schema.createIndex("lessons_by_space").on("lessons").columns(["space_id", "created_at"]).execute();

  // Readers who found a lesson useful: one mark per person.
  await db.schema
    .createTable("lesson_marks")
    .addColumn("document_id", "uuid", (col) => col.notNull())
    .addColumn("row_id", "text", (col) => col.notNull())
    .addColumn("user_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("marked_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("lesson_marks_pkey", ["document_id", "row_id", "user_id"])
    .addForeignKeyConstraint(
      "lesson_marks_lesson",
      ["document_id", "row_id"],
      "lessons",
      ["document_id", "row_id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // A lesson adopted into a city's roadmap, as the item it became.
  await db.schema
    .createTable("lesson_adoptions")
    .addColumn("document_id", "uuid", (col) => col.notNull())
    .addColumn("row_id", "text", (col) => col.notNull())
    .addColumn("city_id", "uuid", (col) => col.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("roadmap_row_id", "text", (col) => col.notNull())
    .addColumn("adopted_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("adopted_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("lesson_adoptions_pkey", ["document_id", "row_id", "city_id", "roadmap_row_id"])
    .addForeignKeyConstraint(
      "lesson_adoptions_lesson",
      ["document_id", "row_id"],
      "lessons",
      ["document_id", "row_id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // A discussion may be about one row of a board document: a lesson.
  await db.schema.alterTable("discussion_threads").addColumn("row_id", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("discussion_threads").dropColumn("row_id").execute();
  await db.schema.dropTable("lesson_adoptions").execute();
  await db.schema.dropTable("lesson_marks").execute();
  await db.schema.dropTable("lessons").execute();
  await db.schema.dropIndex("documents_lessons_board").execute();
  await sql`delete from documents where kind = 'lessons'`.execute(db);
}
