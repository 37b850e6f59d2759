import type { Kysely } from "kysely";
import type WebSocket from "ws";
import { findDocumentPlace } from "../../db/repositories/documents";
import { findRolesOfUser } from "../../db/repositories/memberships";
import { insertVersion } from "../../db/repositories/versions";
import * as Y from "yjs";
import type { Database } from "../../db/schema";
import { CloseCode } from "../../shared/collab";
import { BoardProjector } from "../boards/projector";
import type { Logger } from "../logger";
import { SearchTextRefresher } from "../search/text-refresher";
import { Connection, type Access, type ConnectionLimits, type Principal } from "./connection";
import { CollabDocument, pendingSize, ServerChange } from "./document";
import { EventLoopLoad } from "./event-loop-load";
import { handleMessage, MalformedMessageError, type Outcome } from "./messages";
import { type UpdateStore } from "./persistence";
import type { Role } from "../../shared/roles";
import { accessFor, type DocumentPlace } from "./access";

export interface HubOptions {
  /**
   * Compact a loaded document once this many update rows have piled up and it has then been quiet
   * for `compactQuietMs`: compaction rebuilds the document from storage, which would stall live
   * editing if it ran in the middle of it. @default 300
   */
  compactAfterRows?: number;
  /** @default 2000 */
  compactQuietMs?: number;
  /** Compact at once, quiet or not, at this many rows, which bounds the log a load replays. @default 10000 */
  compactMaxRows?: number;
  /** Take an automatic version once a changed document has been quiet this long. @default 120000 */
  versionAfterQuietMs?: number;
  /** Unload a document this long after its last connection left. @default 5000 */
  unloadDelayMs?: number;
  /** How often open connections have their membership and session checked again. @default 3000 */
  accessCheckIntervalMs?: number;
  /** How often, at most, a document being edited has its search text stored. @default 3000 */
  searchTextIntervalMs?: number;
  /** How long a changed board gathers further changes before its rows are projected. @default 1000 */
  projectionDelayMs?: number;
  limits?: ConnectionLimits;
}

/** Every loaded document of this process, and the connections to them. */
export class CollabHub {
  private readonly documents = new Map<string, Promise<CollabDocument>>();
  private readonly compactAfterRows: number;
  private readonly compactQuietMs: number;
  private readonly compactMaxRows: number;
  private readonly unloadDelayMs: number;
  private readonly versionAfterQuietMs: number;
  private readonly accessTimer: NodeJS.Timeout;
  private readonly searchText: SearchTextRefresher;
  private readonly projections: BoardProjector;
  private readonly eventLoop = new EventLoopLoad();
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    readonly store: UpdateStore,
    private readonly logger: Logger,
    private readonly options: HubOptions = {},
  ) {
    this.compactAfterRows = options.compactAfterRows ?? 300;
    this.compactQuietMs = options.compactQuietMs ?? 2000;
    this.compactMaxRows = options.compactMaxRows ?? 10_000;
    this.unloadDelayMs = options.unloadDelayMs ?? 5000;
    this.versionAfterQuietMs = options.versionAfterQuietMs ?? 120_000;
    this.accessTimer = setInterval(() => {
      this.recheckAccess().catch((error: unknown) =>
        this.logger.error({ err: error }, "access re-check failed"),
      );
    }, options.accessCheckIntervalMs ?? 3000);
    this.accessTimer.unref();
    this.searchText = new SearchTextRefresher(db, logger, options.searchTextIntervalMs ?? 3000);
    this.projections = new BoardProjector(db, logger, options.projectionDelayMs ?? 1000);
  }

  /** How many documents are in memory: for tests and metrics. */
  get loadedCount(): number {
    return this.documents.size;
  }

  private open(documentId: string): Promise<CollabDocument> {
    const existing = this.documents.get(documentId);
    if (existing) return existing;
    const loading = this.store.load(documentId).then((stored) => {
      const document: CollabDocument = new CollabDocument(
        documentId,
        stored,
        (update, userId) => this.stored(document, update, userId),
        this.eventLoop,
      );
      document.rowsSinceCompaction = stored.rows;
      return document;
    });
    this.documents.set(documentId, loading);
    loading.catch(() => this.documents.delete(documentId));
    return loading;
  }

  /**
   * Stores a batch of a document's changes and starts what follows a change (automatic version, search
   * text, board projection, compaction); resolves once the batch is committed.
   */
  private stored(document: CollabDocument, update: Uint8Array, userId: string | null): Promise<void> {
    this.store.enqueue(document.id, update, userId);
    this.versionAfterQuiet(document, userId);
    this.searchText.changed(document.id, document.ydoc);
    this.projections.changed(document.id, document.ydoc);
    document.rowsSinceCompaction++;
    if (document.rowsSinceCompaction >= this.compactMaxRows) void this.compact(document);
    else if (document.rowsSinceCompaction >= this.compactAfterRows) this.compactWhenQuiet(document);
    return this.store.flushed();
  }

  private compactWhenQuiet(document: CollabDocument): void {
    document.changedAt = performance.now();
    if (document.compactTimer) return;
    const check = () => {
      const quietFor = performance.now() - document.changedAt;
      if (quietFor < this.compactQuietMs) {
        document.compactTimer = setTimeout(check, this.compactQuietMs - quietFor);
        return;
      }
      document.compactTimer = undefined;
      void this.compact(document);
    };
    document.compactTimer = setTimeout(check, this.compactQuietMs);
  }

  private compact(document: CollabDocument): Promise<unknown> {
    document.compacting ??= this.store
      .flushed()
      .then(() => this.store.compact(document.id, () => document.ydoc))
      .then((folded) => {
        document.rowsSinceCompaction = Math.max(0, document.rowsSinceCompaction - folded);
      })
      .catch((error: unknown) =>
        this.logger.error({ err: error, documentId: document.id }, "compaction failed"),
      )
      .finally(() => {
        document.compacting = null;
      });
    return document.compacting;
  }

  /**
   * Attaches an authenticated socket to its document. Messages that arrive while the document
   * loads are kept and handled in order once it is ready.
   */
  connect(
    socket: WebSocket,
    args: {
      documentId: string;
      principal: Principal;
      access: Access;
      /** An archived document is read-only whatever the role. */
      archived: boolean;
      wantsAcks: boolean;
    },
  ): void {
    const early: Uint8Array[] = [];
    let ready: ((data: Uint8Array) => void) | null = null;
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      const bytes = isBinary
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8Array(0);
      if (ready) ready(bytes);
      else early.push(bytes);
    });
    socket.on("error", (error) => this.logger.debug({ err: error }, "collaboration socket error"));

    this.open(args.documentId).then(
      (document) => {
        clearTimeout(document.unloadTimer);
        const connection = new Connection(
          socket,
          args.documentId,
          args.principal,
          args.access,
          args.wantsAcks,
          args.archived,
          this.options.limits,
        );
        if (socket.readyState !== socket.OPEN) return this.release(document);
        document.connections.add(connection);
        socket.on("close", () => {
          document.remove(connection);
          this.release(document);
        });
        connection.setAccess(args.access);
        document.greet(connection);
        ready = (data) => this.receive(document, connection, data);
        for (const data of early.splice(0)) ready(data);
      },
      (error: unknown) => {
        this.logger.error({ err: error, documentId: args.documentId }, "could not load document");
        socket.close(CloseCode.GoingAway, "could not load the document");
      },
    );
  }

  private receive(document: CollabDocument, connection: Connection, data: Uint8Array): void {
    if (!connection.open) return;
    if (!connection.messages.take()) {
      connection.close(CloseCode.TooManyMessages, "too many messages");
      return;
    }
    let outcome: Outcome;
    try {
      outcome = handleMessage(document, connection, data);
    } catch (error) {
      this.malformed(document, connection, error);
      return;
    }
    if (outcome.kind === "done") return;
    const { count } = outcome;
    document.applyFromClient(outcome.update, connection, (applied) => {
      if (applied.kind === "skipped") return;
      if (applied.kind === "malformed") {
        this.malformed(
          document,
          connection,
          new MalformedMessageError(`update does not decode: ${applied.reason}`),
        );
        return;
      }
      connection.lastApplied = count;
      if (applied.parked) connection.heldFrom ??= count;
      // What each connection may be acknowledged once this commit lands is decided now: by then
      // later messages may have been applied (and a hold released) whose commit is still to come.
      const acknowledgements: [Connection, number][] = [];
      if (pendingSize(document.ydoc) === 0) {
        // Nothing is parked any more: what was held has been integrated and queued for storage.
        for (const other of document.connections) {
          if (other.heldFrom === null || other === connection) continue;
          other.heldFrom = null;
          acknowledgements.push([other, other.lastApplied]);
        }
        connection.heldFrom = null;
      }
      acknowledgements.push([connection, connection.heldFrom === null ? count : connection.heldFrom - 1]);
      void document.stored().then(() => {
        for (const [acknowledged, upTo] of acknowledgements) acknowledged.acknowledge(upTo);
      });
    });
  }

  /** Closes a connection that sent a message that does not decode, logging it once. */
  private malformed(document: CollabDocument, connection: Connection, error: unknown): void {
    if (connection.firstMalformed()) {
      this.logger.warn(
        { documentId: document.id, userId: connection.principal.userId, reason: (error as Error).message },
        error instanceof MalformedMessageError
          ? "malformed collaboration message"
          : "undecodable collaboration message",
      );
    }
    connection.close(CloseCode.MalformedMessage, "malformed message");
  }

  /** Takes an automatic version once a document has been quiet for a while after changes. */
  private versionAfterQuiet(document: CollabDocument, userId: string | null): void {
    document.lastEditor = userId ?? document.lastEditor;
    clearTimeout(document.versionTimer);
    document.versionTimer = setTimeout(() => void this.takeVersion(document), this.versionAfterQuietMs);
    document.versionTimer.unref();
  }

  private async takeVersion(document: CollabDocument): Promise<void> {
    if (!document.versionTimer) return;
    clearTimeout(document.versionTimer);
    document.versionTimer = undefined;
    const state = Y.encodeStateAsUpdate(document.ydoc);
    await document.stored();
    await insertVersion(this.db, {
      documentId: document.id,
      name: null,
      state,
      userId: document.lastEditor,
    }).catch((error: unknown) =>
      this.logger.error({ err: error, documentId: document.id }, "could not take a version"),
    );
  }

  /**
   * Makes a change to a document on someone's behalf, as if they had typed it: it is applied,
   * relayed to everyone connected and stored. The document is loaded for it if need be.
   */
  async change(documentId: string, userId: string | null, edit: (ydoc: Y.Doc) => void): Promise<void> {
    const document = await this.open(documentId);
    clearTimeout(document.unloadTimer);
    document.ydoc.transact(() => edit(document.ydoc), new ServerChange(userId));
    await document.stored();
    this.release(document);
  }

  /** After the last connection leaves, wait a little, then store, compact and forget the document. */
  private release(document: CollabDocument): void {
    if (document.connections.size > 0 || this.closed) return;
    clearTimeout(document.unloadTimer);
    document.unloadTimer = setTimeout(() => void this.unload(document), this.unloadDelayMs);
  }

  private async unload(document: CollabDocument): Promise<void> {
    if (document.connections.size > 0) return;
    await this.takeVersion(document);
    if (document.rowsSinceCompaction > 0) await this.compact(document);
    // Someone may have come back while compaction ran.
    if (document.connections.size > 0) return;
    this.documents.delete(document.id);
    this.store.forget(document.id);
    void this.searchText.flush(document.id);
    void this.projections.flush(document.id);
    document.destroy();
  }

  /**
   * Closes or downgrades connections whose user lost access: membership removed, role lowered,
   * or session ended.
   */
  async recheckAccess(): Promise<void> {
    const documents = await Promise.all(this.documents.values());
    const connections = documents.flatMap((document) => [...document.connections]);
    if (connections.length === 0) return;
    const existing = new Set(
      (
        await this.db
          .selectFrom("documents")
          .select("id")
          .where(
            "id",
            "in",
            documents.map((document) => document.id),
          )
          .execute()
      ).map((row) => row.id),
    );
    const liveSessions = new Set(
      (
        await this.db
          .selectFrom("sessions")
          .select("id")
          .where("id", "in", [...new Set(connections.map((connection) => connection.principal.sessionId))])
          .where("expires_at", ">", new Date())
          .execute()
      ).map((row) => row.id),
    );
    const places = new Map<string, DocumentPlace | null>();
    const roles = new Map<string, ReadonlyMap<string, Role>>();
    for (const connection of connections) {
      if (!existing.has(connection.documentId)) {
        connection.close(CloseCode.DocumentDeleted, "document deleted");
        continue;
      }
      if (!liveSessions.has(connection.principal.sessionId)) {
        connection.close(CloseCode.Unauthorized, "session ended");
        continue;
      }
      const { documentId } = connection;
      const { userId } = connection.principal;
      if (!places.has(documentId)) places.set(documentId, await findDocumentPlace(this.db, { documentId }));
      if (!roles.has(userId)) roles.set(userId, await findRolesOfUser(this.db, { userId }));
      const place = places.get(documentId);
      const byRole = place ? accessFor(userId, place, roles.get(userId) ?? new Map()) : null;
      const access = byRole === "write" && connection.archived ? "read" : byRole;
      if (access === null) connection.close(CloseCode.Forbidden, "access revoked");
      else if (access !== connection.access) connection.setAccess(access);
    }
  }

  /** Closes every connection and stores what is pending. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.accessTimer);
    this.eventLoop.close();
    const documents = await Promise.allSettled(this.documents.values());
    for (const result of documents) {
      if (result.status !== "fulfilled") continue;
      clearTimeout(result.value.unloadTimer);
      // What was received is applied and queued for storage before the connections close.
      result.value.flush();
      for (const connection of result.value.connections)
        connection.close(CloseCode.GoingAway, "server shutting down");
    }
    await this.store.drain();
    await this.searchText.close();
    await this.projections.close();
    for (const result of documents) if (result.status === "fulfilled") result.value.destroy();
    this.documents.clear();
  }
}
