import { sql } from "kysely";
import type { Executor } from "./executor";

export interface BoardRowRecord {
  rowId: string;
  position: number;
  data: Record<string, unknown>;
  errors: Record<string, string>;
  updatedAt: Date;
}

export type ProjectedRow = Pick<BoardRowRecord, "rowId" | "position" | "data" | "errors">;

/** Rows per INSERT: five parameters each keeps a statement well under PostgreSQL's parameter limit. */
const UPSERT_BATCH = 1000;

/**
 * Writes rows of a board, leaving alone every row whose stored position, data and errors are
 * already these (jsonb compares by meaning, not by key order). Returns how many rows it wrote.
 */
export async function upsertBoardRows(
  db: Executor,
  args: { documentId: string; rows: readonly ProjectedRow[] },
): Promise<number> {
  let written = 0;
  for (let start = 0; start < args.rows.length; start += UPSERT_BATCH) {
    const batch = args.rows.slice(start, start + UPSERT_BATCH);
    const stored = await db
      .insertInto("board_rows")
      .values(
        batch.map((row) => ({
          document_id: args.documentId,
          row_id: row.rowId,
          position: row.position,
          data: JSON.stringify(row.data),
          errors: JSON.stringify(row.errors),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(["document_id", "row_id"])
          .doUpdateSet({
            position: (eb) => eb.ref("excluded.position"),
            data: (eb) => eb.ref("excluded.data"),
            errors: (eb) => eb.ref("excluded.errors"),
            updated_at: sql`now()`,
          })
          .where(
            sql<boolean>`(board_rows.position, board_rows.data, board_rows.errors)
              is distinct from (excluded.position, excluded.data, excluded.errors)`,
          ),
      )
      .returning("row_id")
      .execute();
    written += stored.length;
  }
  return written;
}

/** Deletes the board's rows that are not among `keep`; returns how many it deleted. */
export async function deleteBoardRowsExcept(
  db: Executor,
  args: { documentId: string; keep: readonly string[] },
): Promise<number> {
  const result = await db
    .deleteFrom("board_rows")
    .where("document_id", "=", args.documentId)
    .where(sql<boolean>`not (row_id = any(${sql.val([...args.keep])}::text[]))`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A board's projected rows, in board order. */
export async function listBoardRows(db: Executor, args: { documentId: string }): Promise<BoardRowRecord[]> {
  const rows = await db
    .selectFrom("board_rows")
    .select(["row_id", "position", "data", "errors", "updated_at"])
    .where("document_id", "=", args.documentId)
    .orderBy("position")
    .execute();
  return rows.map((row) => ({
    rowId: row.row_id,
    position: row.position,
    data: row.data,
    errors: row.errors,
    updatedAt: row.updated_at,
  }));
}
