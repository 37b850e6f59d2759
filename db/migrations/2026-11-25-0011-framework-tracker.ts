import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Every city space holds one framework tracker, a board like the roadmap.
  await db.schema
    .createIndex("documents_one_framework_tracker_per_space")
    .on("documents")
    .column("space_id")
    .unique()
    .where(sql.ref("kind"), "=", "framework")
    .execute();
  await sql`
    insert into documents (space_id, kind, title)
    select spaces.id, 'framework', 'Framework tracker'
    from spaces
    where spaces.kind = 'city'
      and not exists (select 1 from documents where documents.space_id = spaces.id and documents.kind = 'framework')
  `.execute(db);

  // A clause workbook is a rich-text document about one clause; a city has at most one per clause.
  await db.schema.alterTable("documents").addColumn("clause_id", "text").execute();
  await db.schema
    .createIndex("documents_one_workbook_per_clause")
    .on("documents")
    .columns(["space_id", "clause_id"])
    .unique()
    .where(sql.ref("kind"), "=", "workbook")
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from documents where kind in ('framework', 'workbook')`.execute(db);
  await db.schema.dropIndex("documents_one_workbook_per_clause").execute();
  await db.schema.alterTable("documents").dropColumn("clause_id").execute();
  await db.schema.dropIndex("documents_one_framework_tracker_per_space").execute();
}
