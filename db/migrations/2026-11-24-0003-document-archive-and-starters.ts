import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("documents").addColumn("archived_at", "timestamptz").execute();
  // Every city starts with its vision, guiding principles and operating model.
  await sql`
    insert into documents (space_id, kind, title)
    select spaces.id, starter.kind, starter.title
    from spaces
    cross join (values ('vision', 'Vision', 1), ('principles', 'Guiding principles', 2),
                       ('operating-model', 'Operating model', 3)) as starter (kind, title, position)
    where spaces.kind = 'city'
      and not exists (select 1 from documents where documents.space_id = spaces.id and documents.kind = starter.kind)
    order by spaces.id, starter.position
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("documents").dropColumn("archived_at").execute();
}
