import type { Kysely } from "kysely";
import * as Y from "yjs";
import * as boardRows from "../../db/repositories/board-rows";
import { listBoardDocuments } from "../../db/repositories/documents";
import type { Database } from "../../db/schema";
import { boardSpecOf, type BoardKind } from "../../shared/boards/kinds";
import { readBoard, type BoardRow } from "../../shared/boards/model";
import { loadStoredState } from "../collab/persistence";

export interface ProjectionResult {
  /** Rows inserted or changed. */
  written: number;
  /** Rows gone from the board, deleted from the table. */
  deleted: number;
}

/**
 * Stores a board's checked rows as its projection, in one transaction: rows that changed are
 * written, rows no longer on the board deleted, and the rest left untouched, so projecting the
 * same state twice changes nothing. Only valid values reach `data`; each invalid one is recorded
 * in `errors`.
 */
export async function storeBoardRows(
  db: Kysely<Database>,
  args: { documentId: string; rows: readonly BoardRow[] },
): Promise<ProjectionResult> {
  const rows = args.rows.map((row) => ({
    rowId: row.id,
    position: row.position,
    data: row.valid,
    errors: row.errors,
  }));
  const replace = async (trx: Kysely<Database>) => ({
    written: await boardRows.upsertBoardRows(trx, { documentId: args.documentId, rows }),
    deleted: await boardRows.deleteBoardRowsExcept(trx, {
      documentId: args.documentId,
      keep: rows.map((row) => row.rowId),
    }),
  });
  // Inside a caller's transaction (the demo seed) the rows are part of it.
  if (db.isTransaction) return replace(db);
  return db.transaction().execute(replace);
}

/** Projects a board's current state. The Y.Doc is read before this returns its promise. */
export function projectBoard(
  db: Kysely<Database>,
  args: { documentId: string; kind: BoardKind; ydoc: Y.Doc },
): Promise<ProjectionResult> {
  const rows = readBoard(args.ydoc, boardSpecOf(args.kind));
  return storeBoardRows(db, { documentId: args.documentId, rows });
}

export interface RebuildResult {
  boards: number;
  rows: number;
  /** Rows that hold at least one invalid value. */
  rowsWithErrors: number;
  written: number;
  deleted: number;
}

/** Projects every board again from its stored Yjs state: the projection is derived data. */
export async function rebuildProjections(db: Kysely<Database>): Promise<RebuildResult> {
  const result: RebuildResult = { boards: 0, rows: 0, rowsWithErrors: 0, written: 0, deleted: 0 };
  for (const board of await listBoardDocuments(db)) {
    const ydoc = new Y.Doc();
    try {
      Y.applyUpdate(ydoc, await loadStoredState(db, board.id));
      const rows = readBoard(ydoc, boardSpecOf(board.kind));
      const stored = await storeBoardRows(db, { documentId: board.id, rows });
      result.boards++;
      result.rows += rows.length;
      result.rowsWithErrors += rows.filter((row) => Object.keys(row.errors).length > 0).length;
      result.written += stored.written;
      result.deleted += stored.deleted;
    } finally {
      ydoc.destroy();
    }
  }
  return result;
}
