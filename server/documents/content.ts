import { getSchema, type JSONContent } from "@tiptap/core";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import * as docUpdates from "../../db/repositories/doc-updates";
import type { Executor } from "../../db/repositories/executor";
import type { Database } from "../../db/schema";
import { documentExtensions } from "../../shared/editor/extensions";
import { EDITOR_FRAGMENT } from "../../shared/editor/fragment";

/** The editor's schema, built once from the extensions the browser's editor uses. */
export const documentSchema = getSchema(documentExtensions());

/**
 * A document's content as ProseMirror JSON, from what is stored: its snapshot and the updates
 * after it, read in one repeatable-read transaction so a compaction in between cannot hide rows.
 */
export async function loadDocumentContent(
  db: Kysely<Database>,
  args: { documentId: string },
): Promise<JSONContent> {
  const read = async (trx: Executor) => ({
    snapshot: await docUpdates.findSnapshot(trx, args),
    rows: await docUpdates.listUpdates(trx, args),
  });
  const { snapshot, rows } = await db.transaction().setIsolationLevel("repeatable read").execute(read);
  const ydoc = new Y.Doc();
  try {
    ydoc.transact(() => {
      if (snapshot) Y.applyUpdate(ydoc, snapshot);
      for (const row of rows) Y.applyUpdate(ydoc, row.update);
    });
    // Content the schema does not know is left out (y-tiptap removes it from this throwaway copy).
    const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(EDITOR_FRAGMENT), documentSchema);
    return root.toJSON() as JSONContent;
  } finally {
    ydoc.destroy();
  }
}
