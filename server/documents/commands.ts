import type { Kysely } from "kysely";
import { findCitySpaceId, insertDocument, type DocumentRecord } from "../../db/repositories/documents";
import type { Database } from "../../db/schema";
import { createDocumentSchema, fieldErrors } from "../../shared/validation";
import { notFound, validationError } from "../errors";

/** Creates an empty document in a city's own space. */
export async function createDocument(
  db: Kysely<Database>,
  args: { cityId: string; createdBy: string | null; input: unknown },
): Promise<DocumentRecord> {
  const parsed = createDocumentSchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const spaceId = await findCitySpaceId(db, { cityId: args.cityId });
  if (!spaceId) throw notFound("That city has no space");
  return insertDocument(db, { spaceId, ...parsed.data, createdBy: args.createdBy });
}
