import type { Kysely } from "kysely";
import * as Y from "yjs";
import { findDocumentKind } from "../../db/repositories/documents";
import type { Database } from "../../db/schema";
import { boardSpecOf, isBoardKind, type BoardKind } from "../../shared/boards/kinds";
import { readBoard, type BoardRow } from "../../shared/boards/model";
import type { Logger } from "../logger";
import { storeBoardRows } from "./projection";

/**
 * Keeps the projection of loaded boards current: a changed board is projected once it has had
 * `delayMs` to gather the changes that follow, so a burst of edits costs one projection, and at
 * once when it unloads. Rows are read from the Y.Doc when the projection is due, never per update.
 * Documents that are not boards are recognised by one lookup and ignored from then on.
 */
export class BoardProjector {
  /** Each document's kind once known: a board kind, or null for any other document. */
  private readonly kinds = new Map<string, BoardKind | null>();
  private readonly lookups = new Map<string, Promise<BoardKind | null>>();
  private readonly due = new Map<string, { timer: NodeJS.Timeout; ydoc: Y.Doc }>();
  /** The last projection of each board, so projections of one board land in order. */
  private readonly writes = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly delayMs: number,
  ) {}

  /** Notes that a document changed; a board is projected within the delay. */
  changed(documentId: string, ydoc: Y.Doc): void {
    if (this.kinds.get(documentId) === null || this.due.has(documentId)) return;
    if (!this.kinds.has(documentId)) void this.kindOf(documentId);
    const timer = setTimeout(() => void this.flush(documentId), this.delayMs);
    timer.unref();
    this.due.set(documentId, { timer, ydoc });
  }

  private kindOf(documentId: string): Promise<BoardKind | null> {
    const known = this.kinds.get(documentId);
    if (known !== undefined) return Promise.resolve(known);
    let lookup = this.lookups.get(documentId);
    if (!lookup) {
      lookup = findDocumentKind(this.db, { documentId })
        .then(
          (kind) => {
            const boardKind = isBoardKind(kind) ? kind : null;
            this.kinds.set(documentId, boardKind);
            if (boardKind === null) this.cancel(documentId);
            return boardKind;
          },
          // Not remembered: the next change looks again.
          (error: unknown) => {
            this.logger.error({ err: error, documentId }, "could not look up a document's kind");
            return null;
          },
        )
        .finally(() => this.lookups.delete(documentId));
      this.lookups.set(documentId, lookup);
    }
    return lookup;
  }

  private cancel(documentId: string): void {
    const pending = this.due.get(documentId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.due.delete(documentId);
  }

  /**
   * Projects a board with a change pending. The board is read before this returns, so the Y.Doc
   * may be destroyed straight after; the promise settles when the rows are stored.
   */
  flush(documentId: string): Promise<void> {
    const pending = this.due.get(documentId);
    if (!pending) return this.writes.get(documentId) ?? Promise.resolve();
    this.cancel(documentId);
    const rows = this.read(documentId, pending.ydoc);
    const write = (this.writes.get(documentId) ?? Promise.resolve())
      .then(async () => {
        const board = await rows;
        if (board) await storeBoardRows(this.db, { documentId, rows: board });
      })
      .catch((error: unknown) => this.logger.error({ err: error, documentId }, "could not project a board"))
      .finally(() => {
        if (this.writes.get(documentId) === write) this.writes.delete(documentId);
      });
    this.writes.set(documentId, write);
    return write;
  }

  /**
   * The board's rows, read now. While the document's kind is still being looked up, a copy of its
   * state is taken now and read once the kind is known.
   */
  private read(documentId: string, ydoc: Y.Doc): BoardRow[] | null | Promise<BoardRow[] | null> {
    const kind = this.kinds.get(documentId);
    if (kind === null) return null;
    if (kind !== undefined) return readBoard(ydoc, boardSpecOf(kind));
    const state = Y.encodeStateAsUpdate(ydoc);
    return this.kindOf(documentId).then((found) => {
      if (found === null) return null;
      const copy = new Y.Doc();
      try {
        Y.applyUpdate(copy, state);
        return readBoard(copy, boardSpecOf(found));
      } finally {
        copy.destroy();
      }
    });
  }

  /** Projects every pending board; used at shutdown, before the documents are destroyed. */
  async close(): Promise<void> {
    await Promise.all([...this.due.keys(), ...this.writes.keys()].map((id) => this.flush(id)));
  }
}
