import type { Executor } from "./executor";

export interface VersionSummary {
  id: string;
  name: string | null;
  createdAt: Date;
  createdByName: string | null;
}

export async function insertVersion(
  db: Executor,
  args: {
    documentId: string;
    name: string | null;
    state: Uint8Array;
    userId: string | null;
    /** When the version was taken; now unless given (the demo dates its versions in the past). */
    createdAt?: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto("document_versions")
    .values({
      document_id: args.documentId,
      name: args.name,
      state: args.state,
      created_by: args.userId,
      ...(args.createdAt ? { created_at: args.createdAt } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A document's versions, newest first, without their content. */
export async function listVersions(db: Executor, args: { documentId: string }): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom("document_versions")
    .leftJoin("users", "users.id", "document_versions.created_by")
    .select([
      "document_versions.id",
      "document_versions.name",
      "document_versions.created_at",
      "users.name as user_name",
    ])
    .where("document_versions.document_id", "=", args.documentId)
    .orderBy("document_versions.created_at", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    createdByName: row.user_name,
  }));
}

/** One version with its content, only if it belongs to the document. */
export async function findVersion(db: Executor, args: { documentId: string; versionId: string }) {
  return db
    .selectFrom("document_versions")
    .leftJoin("users", "users.id", "document_versions.created_by")
    .select([
      "document_versions.id",
      "document_versions.name",
      "document_versions.state",
      "document_versions.created_at",
      "users.name as user_name",
    ])
    .where("document_versions.id", "=", args.versionId)
    .where("document_versions.document_id", "=", args.documentId)
    .executeTakeFirst();
}
