import { getSchema, type JSONContent } from "@tiptap/core";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { Database } from "../../db/schema";
import { documentExtensions } from "../../shared/editor/extensions";
import { EDITOR_FRAGMENT } from "../../shared/editor/fragment";
import { loadStoredUpdates } from "../collab/persistence";

/** The editor's schema, built once from the extensions the browser's editor uses. */
export const documentSchema = getSchema(documentExtensions());

/**
 * A document's content as ProseMirror JSON, from what is stored: its snapshot and the updates
 * after it, read together so a compaction in between cannot hide rows.
 */
export async function loadDocumentContent(
  db: Kysely<Database>,
  args: { documentId: string },
): Promise<JSONContent> {
  const { updates } = await loadStoredUpdates(db, args.documentId);
  const ydoc = new Y.Doc();
  try {
    ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(ydoc, update);
    });
    // Content the schema does not know is left out (y-tiptap removes it from this throwaway copy).
    const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(EDITOR_FRAGMENT), documentSchema);
    return root.toJSON() as JSONContent;
  } finally {
    ydoc.destroy();
  }
}
