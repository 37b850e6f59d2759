import type { Kysely } from "kysely";
import type * as Y from "yjs";
import { saveDocumentText } from "../../db/repositories/document-search";
import type { Database } from "../../db/schema";
import type { Logger } from "../logger";
import { plainTextOf } from "../../shared/editor/plain-text";

/**
 * Keeps the search text of loaded documents current: a changed document has its plain text stored
 * at most once per interval while it is edited, and at once when it unloads. Text is read from the
 * Y.Doc when the write is due, never per update.
 */
export class SearchTextRefresher {
  private readonly due = new Map<string, { timer: NodeJS.Timeout; ydoc: Y.Doc }>();
  /** The last write of each document, so writes of one document land in order. */
  private readonly writes = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** Notes that a document changed; its text is stored within the interval. */
  changed(documentId: string, ydoc: Y.Doc): void {
    if (this.due.has(documentId)) return;
    const timer = setTimeout(() => void this.flush(documentId), this.intervalMs);
    timer.unref();
    this.due.set(documentId, { timer, ydoc });
  }

  /**
   * Stores the text of a document with a change pending. The text is read before this returns, so
   * the Y.Doc may be destroyed straight after; the promise settles when it is written.
   */
  flush(documentId: string): Promise<void> {
    const pending = this.due.get(documentId);
    if (!pending) return this.writes.get(documentId) ?? Promise.resolve();
    clearTimeout(pending.timer);
    this.due.delete(documentId);
    const plainText = plainTextOf(pending.ydoc);
    const write = (this.writes.get(documentId) ?? Promise.resolve())
      .then(() => saveDocumentText(this.db, { documentId, plainText }))
      .catch((error: unknown) =>
        this.logger.error({ err: error, documentId }, "could not store a document's search text"),
      )
      .finally(() => {
        if (this.writes.get(documentId) === write) this.writes.delete(documentId);
      });
    this.writes.set(documentId, write);
    return write;
  }

  /** Stores every pending text; used at shutdown, before the documents are destroyed. */
  async close(): Promise<void> {
    await Promise.all([...this.due.keys(), ...this.writes.keys()].map((id) => this.flush(id)));
  }
}
