import type { Executor } from "./executor";

export interface PrincipleAgreement {
  userId: string;
  versionId: string;
  agreedAt: Date;
}

/**
 * Holds the document's row until the transaction ends, so two people agreeing at once take at most
 * one version of the same text between them.
 */
export async function lockDocumentForAgreement(db: Executor, args: { documentId: string }): Promise<void> {
  await db.selectFrom("documents").select("id").where("id", "=", args.documentId).forUpdate().execute();
}

/** Records an agreement; agreeing with the same version twice leaves the first one. */
export async function insertAgreement(
  db: Executor,
  args: { documentId: string; versionId: string; userId: string; agreedAt?: Date },
): Promise<void> {
  await db
    .insertInto("principle_agreements")
    .values({
      document_id: args.documentId,
      version_id: args.versionId,
      user_id: args.userId,
      ...(args.agreedAt ? { agreed_at: args.agreedAt } : {}),
    })
    .onConflict((oc) => oc.columns(["version_id", "user_id"]).doNothing())
    .execute();
}

/** Every agreement with a document, newest first. */
export async function listAgreements(
  db: Executor,
  args: { documentId: string },
): Promise<PrincipleAgreement[]> {
  const rows = await db
    .selectFrom("principle_agreements")
    .select(["user_id", "version_id", "agreed_at"])
    .where("document_id", "=", args.documentId)
    .orderBy("agreed_at", "desc")
    .execute();
  return rows.map((row) => ({ userId: row.user_id, versionId: row.version_id, agreedAt: row.agreed_at }));
}
