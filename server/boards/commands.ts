import type { Kysely } from "kysely";
import * as Y from "yjs";
import { appendUpdates, saveSnapshot } from "../../db/repositories/doc-updates";
import * as documents from "../../db/repositories/documents";
import type { Executor } from "../../db/repositories/executor";
import { listMembers } from "../../db/repositories/memberships";
import type { Database } from "../../db/schema";
import type { BoardKind } from "../../shared/boards/kinds";
import { readBoard, type BoardRow } from "../../shared/boards/model";
import { ROADMAP } from "../../shared/boards/roadmap";
import type { CollabHub } from "../collab/hub";
import { loadStoredState } from "../collab/persistence";
import { DomainError, notFound } from "../errors";
import { projectBoard } from "./projection";
import { appendItems, parseRoadmapCsv, roadmapToCsv, type ImportProblem } from "./csv";

/** The city's board of a kind: every city has one of each, made with the city. */
export async function findCityBoard(
  db: Executor,
  args: { cityId: string; kind: BoardKind },
): Promise<{ id: string }> {
  const board = await documents.findBoardOfCity(db, args);
  if (!board) throw notFound("This city has no such board");
  return board;
}

/**
 * Stores the first state of a board that nobody has opened yet as its snapshot, and projects its
 * rows, in the caller's transaction; the Y.Doc is destroyed afterwards.
 */
export async function storeNewBoard(
  db: Executor,
  args: { documentId: string; kind: BoardKind; ydoc: Y.Doc },
): Promise<void> {
  try {
    await saveSnapshot(db, {
      documentId: args.documentId,
      state: Y.encodeStateAsUpdate(args.ydoc),
      stateVector: Y.encodeStateVector(args.ydoc),
      folded: 0,
    });
    await projectBoard(db, { documentId: args.documentId, kind: args.kind, ydoc: args.ydoc });
  } finally {
    args.ydoc.destroy();
  }
}

/** Reads a board as it is stored, which includes every acknowledged change. */
export async function readStoredBoard<T>(
  db: Kysely<Database>,
  documentId: string,
  read: (ydoc: Y.Doc) => T,
): Promise<T> {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, await loadStoredState(db, documentId));
    return read(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/**
 * Changes a stored board that nobody has open as one appended update, and projects it again, in the
 * caller's transaction: for seeding, where no collaboration server runs yet.
 */
export async function changeStoredBoard(
  db: Executor,
  args: { documentId: string; kind: BoardKind; change: (ydoc: Y.Doc) => void },
): Promise<void> {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, await loadStoredState(db, args.documentId));
    const before = Y.encodeStateVector(ydoc);
    args.change(ydoc);
    await appendUpdates(db, {
      updates: [{ documentId: args.documentId, update: Y.encodeStateAsUpdate(ydoc, before) }],
    });
    await projectBoard(db, { documentId: args.documentId, kind: args.kind, ydoc });
  } finally {
    ydoc.destroy();
  }
}

/** The city's roadmap as a CSV file. */
export async function exportRoadmapCsv(db: Kysely<Database>, args: { cityId: string }): Promise<string> {
  const board = await findCityBoard(db, { cityId: args.cityId, kind: "roadmap" });
  return readStoredBoard(db, board.id, roadmapToCsv);
}

/** The city's roadmap items, checked, in board order. */
export async function readRoadmap(db: Kysely<Database>, args: { cityId: string }): Promise<BoardRow[]> {
  const board = await findCityBoard(db, { cityId: args.cityId, kind: "roadmap" });
  return readStoredBoard(db, board.id, (ydoc) => readBoard(ydoc, ROADMAP));
}

export interface ImportReport {
  imported: number;
  /** How many rows of the file were left out. */
  rejectedRows: number;
  problems: ImportProblem[];
  ignoredColumns: string[];
}

/**
 * Adds the valid items of a CSV file at the end of the city's roadmap, as one change by the
 * importing user that everyone with the roadmap open sees at once. Rows with any invalid value are
 * left out and reported.
 */
export async function importRoadmapCsv(
  db: Kysely<Database>,
  args: {
    cityId: string;
    userId: string;
    hub: CollabHub | undefined;
    file: { bytes: Uint8Array; name: string };
  },
): Promise<ImportReport> {
  const board = await findCityBoard(db, { cityId: args.cityId, kind: "roadmap" });
  if (!args.hub) throw new DomainError(503, "unavailable", "The roadmap cannot be changed right now");
  const members = await listMembers(db, { cityId: args.cityId });
  const parsed = parseRoadmapCsv(args.file.bytes, { fileName: args.file.name, members });
  if (parsed.items.length > 0) {
    await args.hub.change(board.id, args.userId, (ydoc) => appendItems(ydoc, parsed.items));
  }
  return {
    imported: parsed.items.length,
    rejectedRows: parsed.rejectedRows,
    problems: parsed.problems,
    ignoredColumns: parsed.ignoredColumns,
  };
}
