import type { Kysely } from "kysely";
import * as documents from "../../db/repositories/documents";
import type { DocumentRecord } from "../../db/repositories/documents";
import type { Executor } from "../../db/repositories/executor";
import type { Database } from "../../db/schema";
import { CITY_BOARDS, STARTER_DOCUMENTS, UUID_PATTERN } from "../../shared/documents";
import { createDocumentSchema, documentTitle, fieldErrors } from "../../shared/validation";
import { notFound, validationError } from "../errors";
import { startPrinciples } from "./principles-content";

/** Creates an empty document in a city's own space. */
export async function createDocument(
  db: Executor,
  args: { cityId: string; createdBy: string | null; input: unknown },
): Promise<DocumentRecord> {
  const parsed = createDocumentSchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const spaceId = await documents.findCitySpaceId(db, { cityId: args.cityId });
  if (!spaceId) throw notFound("That city has no space");
  return documents.insertDocument(db, { spaceId, ...parsed.data, createdBy: args.createdBy });
}

/**
 * Gives a new city its vision, guiding principles (started from Annex A) and operating model, and
 * its empty boards.
 */
export async function createStarterDocuments(
  db: Executor,
  args: { cityId: string; createdBy: string | null },
) {
  for (const starter of STARTER_DOCUMENTS) {
    const document = await createDocument(db, {
      cityId: args.cityId,
      createdBy: args.createdBy,
      input: starter,
    });
    if (document.kind === "principles") await startPrinciples(db, { documentId: document.id });
  }
  const spaceId = await documents.findCitySpaceId(db, { cityId: args.cityId });
  if (!spaceId) throw notFound("That city has no space");
  for (const board of CITY_BOARDS) {
    await documents.insertDocument(db, { spaceId, ...board, createdBy: args.createdBy });
  }
}

/** The document, if it is one of the city's; otherwise "not found", however malformed the id. */
export async function requireDocumentOfCity(
  db: Executor,
  args: { cityId: string; documentId: string },
): Promise<DocumentRecord> {
  const document = UUID_PATTERN.test(args.documentId) ? await documents.findDocumentOfCity(db, args) : null;
  if (!document) throw notFound("That document does not exist");
  return document;
}

const requireDocument = (db: Kysely<Database>, cityId: string, documentId: string) =>
  requireDocumentOfCity(db, { cityId, documentId });

export async function renameDocument(
  db: Kysely<Database>,
  args: { cityId: string; documentId: string; userId: string; title: unknown },
): Promise<void> {
  const title = documentTitle.safeParse(args.title);
  if (!title.success) throw validationError({ title: title.error.issues[0]?.message ?? "Enter a title" });
  await requireDocument(db, args.cityId, args.documentId);
  await documents.renameDocument(db, { documentId: args.documentId, title: title.data, userId: args.userId });
}

export async function setArchived(
  db: Kysely<Database>,
  args: { cityId: string; documentId: string; archived: boolean },
): Promise<void> {
  await requireDocument(db, args.cityId, args.documentId);
  await documents.setDocumentArchived(db, { documentId: args.documentId, archived: args.archived });
}

/** Deletes a document and its whole history. */
export async function deleteDocument(
  db: Kysely<Database>,
  args: { cityId: string; documentId: string },
): Promise<DocumentRecord> {
  const document = await requireDocument(db, args.cityId, args.documentId);
  await documents.deleteDocument(db, { documentId: args.documentId });
  return document;
}
