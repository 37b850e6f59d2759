import type { Kysely } from "kysely";
import * as Y from "yjs";
import { isForeignKeyViolation } from "../../db/errors";
import * as docUpdates from "../../db/repositories/doc-updates";
import { recordActivity } from "../../db/repositories/activity";
import { touchDocuments } from "../../db/repositories/documents";
import type { Database } from "../../db/schema";
import type { Logger } from "../logger";

export interface PersistenceOptions {
  /** How long the first pending update waits for others to join its INSERT. @default 2 */
  commitDelayMs?: number;
  /**
   * Under load, commits start at least this far apart, so a busy server writes a few large INSERTs
   * rather than one per update. An idle server still commits after `commitDelayMs`. @default 10
   */
  minCommitIntervalMs?: number;
  /** Wait before retrying a failed INSERT. @default 500 */
  retryDelayMs?: number;
}

const TOUCH_INTERVAL_MS = 5_000;

interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
  userId: string | null;
}

/** The stored state of one document: its snapshot followed by the update rows after it. */
export interface LoadedState {
  updates: Uint8Array[];
  rows: number;
  /**
   * When the stored state is exactly one snapshot whose state vector is stored with it: that
   * vector. The document can then be served without decoding it first.
   */
  stateVector: Uint8Array | null;
}

/** Reads a document's snapshot and the update rows after it. */
export async function loadStoredUpdates(db: Kysely<Database>, documentId: string): Promise<LoadedState> {
  const { snapshot, updates } = await docUpdates.readStoredDocument(db, { documentId });
  return {
    updates: snapshot ? [snapshot.state, ...updates] : updates,
    rows: updates.length,
    stateVector: snapshot && updates.length === 0 ? snapshot.stateVector : null,
  };
}

/** A document's stored state as one Yjs update. */
export async function loadStoredState(db: Kysely<Database>, documentId: string): Promise<Uint8Array> {
  const { updates } = await loadStoredUpdates(db, documentId);
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Durable storage of Yjs documents. Updates of all documents are appended with group commit: what
 * is pending goes out in one INSERT, and `flushed()` resolves once everything enqueued before the
 * call is committed, which is when an edit may be acknowledged.
 */
export class UpdateStore {
  private pending: PendingUpdate[] = [];
  private enqueued = 0;
  private committed = 0;
  private waiters: { target: number; resolve: () => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing = false;
  private lastCommitAt = 0;
  /** When each document's "last changed" was last written, to write it at most every few seconds. */
  private readonly touchedAt = new Map<string, number>();
  private readonly commitDelayMs: number;
  private readonly minCommitIntervalMs: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    options: PersistenceOptions = {},
  ) {
    this.commitDelayMs = options.commitDelayMs ?? 2;
    this.minCommitIntervalMs = options.minCommitIntervalMs ?? 10;
    this.retryDelayMs = options.retryDelayMs ?? 500;
  }

  enqueue(documentId: string, update: Uint8Array, userId: string | null): void {
    this.pending.push({ documentId, update, userId });
    this.enqueued++;
    this.schedule(this.commitDelayMs);
  }

  /** Resolves when every update enqueued so far has been committed. */
  flushed(): Promise<void> {
    if (this.committed >= this.enqueued) return Promise.resolve();
    const target = this.enqueued;
    return new Promise((resolve) => this.waiters.push({ target, resolve }));
  }

  private schedule(delayMs: number): void {
    if (this.writing || this.timer) return;
    const sinceLastCommit = performance.now() - this.lastCommitAt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, Math.max(delayMs, this.minCommitIntervalMs - sinceLastCommit));
  }

  private async write(): Promise<void> {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    const batch = this.pending;
    this.pending = [];
    this.lastCommitAt = performance.now();
    try {
      const now = Date.now();
      const authors = new Map<string, string>();
      for (const { documentId, userId } of batch) {
        if (userId && now - (this.touchedAt.get(documentId) ?? 0) >= TOUCH_INTERVAL_MS) {
          authors.set(documentId, userId);
        }
      }
      if (authors.size === 0) {
        // One statement is atomic on its own: no transaction needed around it.
        await docUpdates.appendUpdates(this.db, { updates: batch });
      } else {
        const changes = [...authors].map(([documentId, userId]) => ({ documentId, userId }));
        await this.db.transaction().execute(async (trx) => {
          await docUpdates.appendUpdates(trx, { updates: batch });
          await touchDocuments(trx, { changes, at: new Date(now) });
          await recordActivity(trx, { changes, at: new Date(now) });
        });
        for (const documentId of authors.keys()) this.touchedAt.set(documentId, now);
      }
      this.committed += batch.length;
      const ready = this.waiters.filter((waiter) => waiter.target <= this.committed);
      this.waiters = this.waiters.filter((waiter) => waiter.target > this.committed);
      for (const waiter of ready) waiter.resolve();
      this.writing = false;
      if (this.pending.length > 0) this.schedule(0);
    } catch (error) {
      // Nothing of the batch was committed: put it back in front and try again, without the updates
      // of documents deleted meanwhile, which can never be stored and must not hold up the others.
      const deleted = isForeignKeyViolation(error) ? await this.deletedAmong(batch) : new Set<string>();
      if (deleted.size > 0) {
        this.logger.warn({ documents: [...deleted] }, "dropping updates of deleted documents");
        this.committed += batch.filter((update) => deleted.has(update.documentId)).length;
      }
      this.pending = batch.filter((update) => !deleted.has(update.documentId)).concat(this.pending);
      this.writing = false;
      this.logger.error({ err: error, updates: batch.length }, "could not store document updates; retrying");
      this.schedule(this.retryDelayMs);
    }
  }

  private async deletedAmong(batch: PendingUpdate[]): Promise<Set<string>> {
    const ids = [...new Set(batch.map((update) => update.documentId))];
    const existing = await this.db.selectFrom("documents").select("id").where("id", "in", ids).execute();
    const found = new Set(existing.map((row) => row.id));
    return new Set(ids.filter((id) => !found.has(id)));
  }

  load(documentId: string): Promise<LoadedState> {
    return loadStoredUpdates(this.db, documentId);
  }

  /**
   * Folds the document's update rows into its snapshot: one transaction, under a per-document
   * advisory lock, deleting exactly the rows it read. Rows other processes append meanwhile are
   * not read, so not deleted. Returns how many rows were folded.
   */
  compact(documentId: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await docUpdates.lockDocumentForCompaction(trx, { documentId });
      const snapshot = await docUpdates.findSnapshot(trx, { documentId });
      const rows = await docUpdates.listUpdates(trx, { documentId });
      if (rows.length === 0) return 0;
      const doc = new Y.Doc({ gc: true });
      try {
        doc.transact(() => {
          if (snapshot) Y.applyUpdate(doc, snapshot.state);
          for (const row of rows) Y.applyUpdate(doc, row.update);
        });
        await docUpdates.saveSnapshot(trx, {
          documentId,
          state: Y.encodeStateAsUpdate(doc),
          stateVector: Y.encodeStateVector(doc),
          folded: rows.length,
        });
      } finally {
        doc.destroy();
      }
      await docUpdates.deleteUpdates(trx, { ids: rows.map((row) => row.id) });
      return rows.length;
    });
  }

  /** Drops what the store remembers of a document that is no longer loaded. */
  forget(documentId: string): void {
    this.touchedAt.delete(documentId);
  }

  /** Commits whatever is pending; used at shutdown. */
  async drain(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    while (this.pending.length > 0 || this.writing) {
      if (this.writing) {
        await pause(1);
        continue;
      }
      await this.write();
      if (this.pending.length > 0) await pause(this.retryDelayMs);
    }
  }
}
