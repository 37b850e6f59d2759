import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A lead or editor agreeing with a city's guiding principles as they read in one version. Earlier
  // agreements are kept when the same person agrees with a later version.
  await db.schema
    .createTable("principle_agreements")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("document_id", "uuid", (col) => col.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("version_id", "uuid", (col) =>
      col.notNull().references("document_versions.id").onDelete("cascade"),
    )
    .addColumn("user_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("agreed_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("principle_agreements_version_user", ["version_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("principle_agreements_document_id")
    .on("principle_agreements")
    .columns(["document_id", "agreed_at"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("principle_agreements").execute();
}
