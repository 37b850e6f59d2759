import { sql } from "kysely";
import type { Executor } from "./executor";

export interface DocumentRecord {
  id: string;
  spaceId: string;
  kind: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The city space of a city. */
export async function findCitySpaceId(db: Executor, args: { cityId: string }): Promise<string | null> {
  const row = await db
    .selectFrom("spaces")
    .select("id")
    .where("kind", "=", "city")
    .where("city_id", "=", args.cityId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertDocument(
  db: Executor,
  args: { spaceId: string; kind: string; title: string; createdBy: string | null },
): Promise<DocumentRecord> {
  const row = await db
    .insertInto("documents")
    .values({
      space_id: args.spaceId,
      kind: args.kind,
      title: args.title,
      created_by: args.createdBy,
      updated_by: args.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    spaceId: row.space_id,
    kind: row.kind,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A document with the city whose space holds it: what access decisions need. */
export async function findDocumentOwner(
  db: Executor,
  args: { documentId: string },
): Promise<{ documentId: string; cityId: string | null } | null> {
  const row = await db
    .selectFrom("documents")
    .innerJoin("spaces", "spaces.id", "documents.space_id")
    .select(["documents.id", "spaces.city_id"])
    .where("documents.id", "=", args.documentId)
    .executeTakeFirst();
  return row ? { documentId: row.id, cityId: row.city_id } : null;
}

/** Records who last changed each document, and when, in one statement. */
export async function touchDocuments(
  db: Executor,
  args: { changes: { documentId: string; userId: string }[]; at: Date },
): Promise<void> {
  if (args.changes.length === 0) return;
  const rows = sql.join(
    args.changes.map((change) => sql`(${change.documentId}::uuid, ${change.userId}::uuid)`),
  );
  await sql`
    update documents set updated_by = changes.user_id, updated_at = ${args.at}
    from (values ${rows}) as changes (document_id, user_id)
    where documents.id = changes.document_id
  `.execute(db);
}
