import type { JSONContent } from "@tiptap/core";
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { saveSnapshot } from "../../../db/repositories/doc-updates";
import * as documents from "../../../db/repositories/documents";
import { findFirstDocumentOfKind } from "../../../db/repositories/publications";
import type { Database } from "../../../db/schema";
import { findCityBoard } from "../../../server/boards/commands";
import { loadStoredState } from "../../../server/collab/persistence";
import { documentSchema } from "../../../server/documents/content";
import { createStarterDocuments } from "../../../server/documents/commands";
import type { BoardKind } from "../../../shared/boards/kinds";
import { boardSpecOf } from "../../../shared/boards/kinds";
import { insertRow, setCell } from "../../../shared/boards/model";
import { EDITOR_FRAGMENT } from "../../../shared/editor/fragment";
import { buildCityWithMembers } from "../../support/factories";
import { storeBoard } from "../boards/support";

/** A city with one member of each role and the documents and boards a new city gets. */
export async function buildCityWithGovernance(
  db: Kysely<Database>,
  overrides: Parameters<typeof buildCityWithMembers>[1] = {},
) {
  const { city, members } = await buildCityWithMembers(db, overrides);
  await createStarterDocuments(db, { cityId: city.id, createdBy: null });
  return { city, members };
}

/** Changes the city's stored board of a kind; returns what `change` returns. */
export async function changeBoard<T>(
  db: Kysely<Database>,
  cityId: string,
  kind: BoardKind,
  change: (ydoc: Y.Doc) => T,
): Promise<T> {
  const board = await findCityBoard(db, { cityId, kind });
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, await loadStoredState(db, board.id));
    const result = change(ydoc);
    await storeBoard(db, board.id, ydoc);
    return result;
  } finally {
    ydoc.destroy();
  }
}

/** Adds rows to the city's board of a kind; returns their ids. */
export function addRows(
  db: Kysely<Database>,
  cityId: string,
  kind: BoardKind,
  rows: Record<string, unknown>[],
): Promise<string[]> {
  return changeBoard(db, cityId, kind, (ydoc) =>
    rows.map((values) => insertRow(ydoc, boardSpecOf(kind), { values })),
  );
}

export function setCells(
  db: Kysely<Database>,
  cityId: string,
  kind: BoardKind,
  rowId: string,
  values: Record<string, unknown>,
): Promise<void> {
  return changeBoard(db, cityId, kind, (ydoc) => {
    for (const [key, value] of Object.entries(values)) setCell(ydoc, rowId, key, value);
  });
}

/** Replaces a rich-text document's content with this ProseMirror JSON (a `doc` node). */
export async function writeDocument(db: Kysely<Database>, documentId: string, content: JSONContent) {
  const ydoc = new Y.Doc();
  try {
    prosemirrorToYXmlFragment(documentSchema.nodeFromJSON(content), ydoc.getXmlFragment(EDITOR_FRAGMENT));
    await saveSnapshot(db, {
      documentId,
      state: Y.encodeStateAsUpdate(ydoc),
      stateVector: Y.encodeStateVector(ydoc),
      folded: 0,
    });
  } finally {
    ydoc.destroy();
  }
}

/** A `doc` of one paragraph per string. */
export function paragraphs(...texts: string[]): JSONContent {
  return {
    type: "doc",
    content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
}

/** Writes the city's vision (or principles) document. */
export async function writeStarter(
  db: Kysely<Database>,
  cityId: string,
  kind: "vision" | "principles",
  content: JSONContent,
) {
  const document = await findFirstDocumentOfKind(db, { cityId, kind });
  if (!document) throw new Error(`The city has no ${kind} document`);
  await writeDocument(db, document.id, content);
}

/** A page of the city with this content; returns its id. */
export async function buildPage(db: Kysely<Database>, cityId: string, title: string, content: JSONContent) {
  const spaceId = await documents.findCitySpaceId(db, { cityId });
  const page = await documents.insertDocument(db, {
    spaceId: spaceId!,
    kind: "page",
    title,
    createdBy: null,
  });
  await writeDocument(db, page.id, content);
  return page.id;
}
