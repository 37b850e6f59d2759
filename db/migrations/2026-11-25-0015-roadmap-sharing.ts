import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A city's roadmap shared read-only with one peer city or with a shared space (a network). Each
  // row names exactly one target; stopping a share deletes its row.
  await db.schema
    .createTable("roadmap_shares")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("city_id", "uuid", (col) => col.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("target_city_id", "uuid", (col) => col.references("cities.id").onDelete("cascade"))
    .addColumn("space_id", "uuid", (col) => col.references("spaces.id").onDelete("cascade"))
    .addColumn("shared_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("shared_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("roadmap_shares_one_target", sql`(target_city_id is null) <> (space_id is null)`)
    .addCheckConstraint("roadmap_shares_not_itself", sql`target_city_id is distinct from city_id`)
    .execute();
  await db.schema
    .createIndex("roadmap_shares_city_target")
    .on("roadmap_shares")
    .columns(["city_id", "target_city_id"])
    .unique()
    .where(sql.ref("target_city_id"), "is not", null)
    .execute();
  await db.schema
    .createIndex("roadmap_shares_city_space")
    .on("roadmap_shares")
    .columns(["city_id", "space_id"])
    .unique()
    .where(sql.ref("space_id"), "is not", null)
    .execute();
  // The questions asked on every read: what has been shared with this city, or with this space.
  await db.schema
    .createIndex("roadmap_shares_by_target")
    .on("roadmap_shares")
    .column("target_city_id")
    .execute();
  await db.schema.createIndex("roadmap_shares_by_space").on("roadmap_shares").column("space_id").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("roadmap_shares").execute();
}
