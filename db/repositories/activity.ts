import { sql } from "kysely";
import type { Executor } from "./executor";

/** Edits by one person on one document closer together than this count as one stretch of work. */
export const ACTIVITY_GAP_MINUTES = 30;

/**
 * Records that people edited documents at `at`: each (document, person) extends their current
 * stretch of editing, or starts a new one after a gap.
 */
export async function recordActivity(
  db: Executor,
  args: { changes: { documentId: string; userId: string }[]; at: Date },
): Promise<void> {
  for (const { documentId, userId } of args.changes) {
    const extended = await db
      .updateTable("document_activity")
      .set({ last_at: args.at })
      .where("document_id", "=", documentId)
      .where("user_id", "=", userId)
      .where(
        "last_at",
        ">",
        sql<Date>`${args.at}::timestamptz - make_interval(mins => ${ACTIVITY_GAP_MINUTES})`,
      )
      .executeTakeFirst();
    if (extended.numUpdatedRows > 0n) continue;
    await db
      .insertInto("document_activity")
      .values({ document_id: documentId, user_id: userId, started_at: args.at, last_at: args.at })
      .execute();
  }
}

/** A city's recent stretches of editing, newest first. */
export async function listCityActivity(db: Executor, args: { cityId: string; limit: number }) {
  const rows = await db
    .selectFrom("document_activity")
    .innerJoin("documents", "documents.id", "document_activity.document_id")
    .innerJoin("spaces", "spaces.id", "documents.space_id")
    .innerJoin("users", "users.id", "document_activity.user_id")
    .select([
      "document_activity.id",
      "document_activity.started_at",
      "document_activity.last_at",
      "documents.id as document_id",
      "documents.title",
      "users.name",
    ])
    .where("spaces.city_id", "=", args.cityId)
    .orderBy("document_activity.last_at", "desc")
    .limit(args.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    documentId: row.document_id,
    title: row.title,
    name: row.name,
    startedAt: row.started_at,
    lastAt: row.last_at,
  }));
}
