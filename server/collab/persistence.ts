import type { Kysely } from "kysely";
import * as Y from "yjs";
import { isForeignKeyViolation } from "../../db/errors";
import * as docUpdates from "../../db/repositories/doc-updates";
import { recordActivity } from "../../db/repositories/activity";
import { touchDocuments } from "../../db/repositories/documents";
import type { DatabaseOptions } from "../../db/connect";
import type { Database } from "../../db/schema";
import { Compactor } from "./compactor";
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
  /**
   * PostgreSQL: a large document is compacted from storage in a worker thread with its own
   * connection to this database (see `Compactor`), instead of by encoding the loaded copy on the
   * event loop. Without it, every compaction happens in this thread.
   */
  compactionDatabase?: PostgresOptions;
  /**
   * How large a loaded document is compacted in the worker thread: by the number of items ever
   * written to it (the sum of its state vector), which is what encoding it costs. @default 20000
   */
  compactInWorkerFromItems?: number;
}

type PostgresOptions = Extract<DatabaseOptions, { kind: "postgres" }>;

const TOUCH_INTERVAL_MS = 5_000;
/** Rows deleted per statement after a compaction, so deleting thousands never stalls the server. */
const DELETE_BATCH = 1000;

/**
 * Which stored snapshot (by its fold count) and which update rows a loaded copy of a document holds.
 * The copy also holds whatever it has not stored yet, which never matters: more is never less.
 */
interface StoredContents {
  folded: string | null;
  rows: Set<string>;
}

interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
  userId: string | null;
}

/** The stored state of one document: its snapshot followed by the update rows after it. */
export interface LoadedState {
  updates: Uint8Array[];
  rows: number;
  /** What this state is made of, so a compaction can tell whether a loaded copy holds all of it. */
  contents: StoredContents;
  /**
   * When the stored state is exactly one snapshot whose state vector is stored with it: that
   * vector. The document can then be served without decoding it first.
   */
  stateVector: Uint8Array | null;
}

/** Reads a document's snapshot and the update rows after it. */
export async function loadStoredUpdates(db: Kysely<Database>, documentId: string): Promise<LoadedState> {
  const { snapshot, updates: rows } = await docUpdates.readStoredDocument(db, { documentId });
  const updates = rows.map((row) => row.update);
  return {
    updates: snapshot ? [snapshot.state, ...updates] : updates,
    rows: rows.length,
    contents: { folded: snapshot?.folded ?? null, rows: new Set(rows.map((row) => row.id)) },
    stateVector: snapshot && rows.length === 0 ? snapshot.stateVector : null,
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
  /** What the loaded copy of each document holds of what is stored. */
  private readonly contents = new Map<string, StoredContents>();
  private readonly commitDelayMs: number;
  private readonly minCommitIntervalMs: number;
  private readonly retryDelayMs: number;
  private readonly compactor: Compactor | null;
  private readonly compactInWorkerFromItems: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    options: PersistenceOptions = {},
  ) {
    this.commitDelayMs = options.commitDelayMs ?? 2;
    this.minCommitIntervalMs = options.minCommitIntervalMs ?? 10;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.compactor = options.compactionDatabase ? new Compactor(options.compactionDatabase) : null;
    this.compactInWorkerFromItems = options.compactInWorkerFromItems ?? 20_000;
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
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.write();
      },
      Math.max(delayMs, this.minCommitIntervalMs - sinceLastCommit),
    );
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
      let stored: { id: string; documentId: string }[];
      if (authors.size === 0) {
        // One statement is atomic on its own: no transaction needed around it.
        stored = await docUpdates.appendUpdates(this.db, { updates: batch });
      } else {
        const changes = [...authors].map(([documentId, userId]) => ({ documentId, userId }));
        stored = await this.db.transaction().execute(async (trx) => {
          const rows = await docUpdates.appendUpdates(trx, { updates: batch });
          await touchDocuments(trx, { changes, at: new Date(now) });
          await recordActivity(trx, { changes, at: new Date(now) });
          return rows;
        });
        for (const documentId of authors.keys()) this.touchedAt.set(documentId, now);
      }
      for (const { id, documentId } of stored) this.contents.get(documentId)?.rows.add(id);
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

  /** Loads a document that is kept in memory from now on, until `forget`. */
  async load(documentId: string): Promise<LoadedState> {
    const loaded = await loadStoredUpdates(this.db, documentId);
    this.contents.set(documentId, loaded.contents);
    return loaded;
  }

  /**
   * Folds the document's update rows into its snapshot. Returns how many rows were folded.
   *
   * With a compactor (PostgreSQL), a large document, or one with no loaded copy, is rebuilt from
   * storage in the compactor's thread. Otherwise, when the loaded copy (`current`) holds the stored
   * snapshot, the new snapshot is that copy encoded, and the rows it is known to hold become
   * redundant and are deleted a batch at a time (rows it does not hold, from another process, stay);
   * when it does not, the document is rebuilt from storage in this thread. Either way the snapshot
   * is written under a per-document advisory lock.
   */
  async compact(documentId: string, current?: () => Y.Doc): Promise<number> {
    const contents = this.contents.get(documentId);
    if (this.compactor && (!current || !contents || itemCount(current()) >= this.compactInWorkerFromItems))
      return this.rebuild(documentId, true);
    if (!current || !contents) return this.rebuild(documentId);
    const ids = [...contents.rows];
    if (ids.length === 0) return 0;
    const folded = await this.db.transaction().execute(async (trx) => {
      await docUpdates.lockDocumentForCompaction(trx, { documentId });
      // Another process compacted meanwhile: its snapshot may hold what this copy does not.
      if ((await docUpdates.findSnapshotFolded(trx, { documentId })) !== contents.folded) return null;
      const doc = current();
      return docUpdates.saveSnapshot(trx, {
        documentId,
        state: Y.encodeStateAsUpdate(doc),
        stateVector: Y.encodeStateVector(doc),
        folded: ids.length,
      });
    });
    if (folded === null) return this.rebuild(documentId);
    contents.folded = folded;
    for (const id of ids) contents.rows.delete(id);
    for (let start = 0; start < ids.length; start += DELETE_BATCH) {
      await docUpdates.deleteUpdates(this.db, { ids: ids.slice(start, start + DELETE_BATCH) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return ids.length;
  }

  /**
   * Rebuilds the document from storage: in the compactor's thread when `elsewhere`, and in this one
   * if that fails. The new snapshot may hold what another process stored, which the loaded copy does
   * not: its known snapshot stays the old one, so later compactions rebuild from storage too.
   */
  private async rebuild(documentId: string, elsewhere = false): Promise<number> {
    const here = () => compactFromStorage(this.db, documentId);
    const ids = elsewhere
      ? await this.compactor!.compact(documentId).catch((error: unknown) => {
          this.logger.warn(
            { err: error, documentId },
            "compaction in the worker thread failed; compacting here",
          );
          return here();
        })
      : await here();
    const contents = this.contents.get(documentId);
    if (contents) for (const id of ids) contents.rows.delete(id);
    return ids.length;
  }

  /** Drops what the store remembers of a document that is no longer loaded. */
  forget(documentId: string): void {
    this.touchedAt.delete(documentId);
    this.contents.delete(documentId);
  }

  /** Commits whatever is pending and stops the compactor; used at shutdown. */
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
    await this.compactor?.close();
  }
}

/** How many items were ever written to a document: what encoding it costs grows with it. */
function itemCount(doc: Y.Doc): number {
  let count = 0;
  for (const clock of Y.decodeStateVector(Y.encodeStateVector(doc)).values()) count += clock;
  return count;
}

/**
 * Rebuilds a document from its snapshot and rows, in one transaction under the advisory lock, and
 * deletes exactly the rows it read; returns their ids. Rows other processes append meanwhile are
 * not read, so not deleted.
 */
export async function compactFromStorage(db: Kysely<Database>, documentId: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await docUpdates.lockDocumentForCompaction(trx, { documentId });
    const snapshot = await docUpdates.findSnapshot(trx, { documentId });
    const rows = await docUpdates.listUpdates(trx, { documentId });
    if (rows.length === 0) return [];
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
    const folded = rows.map((row) => row.id);
    await docUpdates.deleteUpdates(trx, { ids: folded });
    return folded;
  });
}
