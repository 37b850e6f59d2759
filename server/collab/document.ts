import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MessageType } from "../../shared/collab";
import { broadcast, Connection } from "./connection";
import type { EventLoopLoad } from "./event-loop-load";
import type { LoadedState } from "./persistence";

/**
 * A change goes out at once when its document has had no other change for `QUIET_MS_PER_RECEIVER`
 * per connected client, and at least `MIN_QUIET_MS`. One send takes about 10 µs, so changes sent at
 * once take at most a fifth of the server's time. Changes to a busier document are gathered until
 * `QUIET_MS_PER_RECEIVER` per client (at most `MAX_GATHER_MS`) after its last batch, and at least
 * until the end of the event-loop turn, then applied, sent and stored together: under load, a burst
 * costs one transaction, one message per receiver and one row. While the process's event loop is
 * saturated the limit is `SATURATED_GATHER_MS`: every batch then costs the time of other work, and
 * fewer, larger batches leave more of it for receiving.
 */
const QUIET_MS_PER_RECEIVER = 0.05;
const MIN_QUIET_MS = 1;
const MAX_GATHER_MS = 1;
const SATURATED_GATHER_MS = 4;

/** The origin of changes that come from storage rather than from a client. */
export const LOAD_ORIGIN = Symbol("load");

/** What became of a client's update. */
export type Applied =
  | { kind: "applied"; parked: boolean }
  | { kind: "malformed"; reason: string }
  /** Its connection closed, or became read-only, before it was applied. */
  | { kind: "skipped" };

interface IncomingUpdate {
  update: Uint8Array;
  connection: Connection;
  done: (applied: Applied) => void;
}

/** The origin of a batch of several clients' updates applied together. */
class ClientBatch {
  constructor(readonly authors: Connection[]) {}
}

/** How much content Yjs keeps waiting for missing dependencies. */
export function pendingSize(ydoc: Y.Doc): number {
  return (ydoc.store.pendingStructs?.update.byteLength ?? 0) + (ydoc.store.pendingDs?.byteLength ?? 0);
}

/** Who is credited with a change, by its origin. */
function userIdOf(origin: unknown): string | null {
  if (origin instanceof Connection) return origin.principal.userId;
  if (origin instanceof ClientBatch) return origin.authors.at(-1)?.principal.userId ?? null;
  if (origin instanceof ServerChange) return origin.userId;
  return null;
}

/** The origin of a change the server makes on someone's behalf, such as restoring a version. */
export class ServerChange {
  constructor(readonly userId: string | null) {}
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** The encoding of an empty state vector: a client that has nothing yet. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/**
 * A loaded document: its Y.Doc, the presence of everyone in it, and its connections. Updates of one
 * event-loop turn are merged and encoded once, then the same bytes go to every receiver.
 *
 * A document stored as one snapshot is served from the stored bytes: the first clients get the
 * snapshot and its stored state vector as they are, and the snapshot is decoded into the Y.Doc only
 * when something needs the Y.Doc (an edit, a client that already holds part of the document).
 */
export class CollabDocument {
  private readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Which connection speaks for each awareness client id. */
  readonly awarenessOwners = new Map<number, Connection>();
  /** Update rows stored for this document since its last compaction. */
  rowsSinceCompaction = 0;
  compacting: Promise<unknown> | null = null;
  /** Waits for a quiet moment to compact. */
  compactTimer: NodeJS.Timeout | undefined;
  /** When the last change was stored (performance.now()), while a compaction waits for quiet. */
  changedAt = 0;
  unloadTimer: NodeJS.Timeout | undefined;
  /** Set while changes wait for an automatic version. */
  versionTimer: NodeJS.Timeout | undefined;
  /** Who changed the document last, credited with its automatic version. */
  lastEditor: string | null = null;

  /** Stored updates not applied to the Y.Doc yet. */
  private unapplied: Uint8Array[];
  /** The state vector of the stored snapshot, while it is not applied yet. */
  private storedVector: Uint8Array | null;
  /** The whole document encoded as one update, kept until the next change. */
  private encodedState: Uint8Array | null;
  /** Client updates waiting to be applied together. */
  private incoming: IncomingUpdate[] = [];
  private flushing = false;
  /** Changes gathered to go out together, who made them, and who is credited with them. */
  private outgoing: Uint8Array[] = [];
  private outgoingAuthors = new Set<Connection | null>();
  private outgoingUserId: string | null = null;
  /** Cancels the scheduled flush, while one is. */
  private flushTimer: (() => void) | undefined;
  private lastFlushAt = -Infinity;
  /** When the last change arrived, from a client or the server. */
  private lastChangeAt = -Infinity;
  /** Settles once the gathered changes are committed; made when someone asks. */
  private pendingStored: { promise: Promise<void>; settle: (committed: Promise<void>) => void } | null = null;
  private lastStored: Promise<void> = Promise.resolve();

  constructor(
    readonly id: string,
    stored: LoadedState,
    /** Stores a batch of changes; resolves once it is committed. */
    private readonly persist: (update: Uint8Array, userId: string | null) => Promise<void>,
    /** Whether the process is saturated, which lengthens the gathering of a busy document. */
    private readonly eventLoop: Pick<EventLoopLoad, "saturated">,
  ) {
    // The server's own presence is empty: only clients appear in the awareness.
    this.awareness.setLocalState(null);
    this.unapplied = stored.updates;
    const servedAsStored = stored.stateVector !== null && stored.updates.length === 1;
    this.storedVector = servedAsStored ? stored.stateVector : null;
    this.encodedState = servedAsStored ? stored.updates[0]! : null;
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      this.encodedState = null;
      this.gather(update, origin);
    });
    this.awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = added.concat(updated, removed);
        if (changed.length === 0) return;
        broadcast(this.connections, awarenessMessage(this.awareness, changed));
      },
    );
    if (!servedAsStored) this.hydrate();
  }

  /** The document's Y.Doc, with everything stored applied to it. */
  get ydoc(): Y.Doc {
    this.hydrate();
    return this.doc;
  }

  private hydrate(): void {
    if (this.unapplied.length === 0) return;
    const updates = this.unapplied;
    this.unapplied = [];
    this.storedVector = null;
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
  }

  /** What a client whose state vector is `stateVector` is missing, as one update. */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return Y.encodeStateAsUpdate(this.ydoc, stateVector);
    this.encodedState ??= Y.encodeStateAsUpdate(this.ydoc);
    return this.encodedState;
  }

  private stateVector(): Uint8Array {
    return this.storedVector ?? Y.encodeStateVector(this.ydoc);
  }

  /** Greets a new connection: the server's state vector, then everyone's presence. */
  greet(connection: Connection): void {
    connection.send(
      syncMessage((encoder) => {
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
        encoding.writeVarUint8Array(encoder, this.stateVector());
      }),
    );
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) connection.send(awarenessMessage(this.awareness, clients));
  }

  /** The reply to a client's sync step 1: everything it is missing. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    return syncMessage((encoder) => {
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, this.missingFrom(stateVector));
    });
  }

  /**
   * Applies a client's update, then calls `done` with what came of it: at once when the document is
   * quiet, otherwise together with the other changes gathered (see `QUIET_MS_PER_RECEIVER`).
   */
  applyFromClient(update: Uint8Array, connection: Connection, done: (applied: Applied) => void): void {
    this.incoming.push({ update, connection, done });
    this.schedule();
  }

  /** Gathers a change of the Y.Doc (a client's, or the server's own) to be relayed and stored. */
  private gather(update: Uint8Array, origin: unknown): void {
    this.outgoing.push(update);
    const authors =
      origin instanceof ClientBatch ? origin.authors : [origin instanceof Connection ? origin : null];
    for (const author of authors) this.outgoingAuthors.add(author);
    this.outgoingUserId = userIdOf(origin) ?? this.outgoingUserId;
    if (!this.flushing) this.schedule();
  }

  private schedule(): void {
    const now = performance.now();
    const quietFor = now - this.lastChangeAt;
    this.lastChangeAt = now;
    if (this.flushTimer) return;
    const threshold = Math.max(MIN_QUIET_MS, this.connections.size * QUIET_MS_PER_RECEIVER);
    if (quietFor >= threshold) {
      this.flush();
      return;
    }
    const limit = this.eventLoop.saturated ? SATURATED_GATHER_MS : MAX_GATHER_MS;
    const wait = Math.min(threshold, limit) - (now - this.lastFlushAt);
    if (wait >= 1) {
      const timer = setTimeout(() => this.flush(), wait);
      this.flushTimer = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(() => this.flush());
      this.flushTimer = () => clearImmediate(immediate);
    }
  }

  /** Applies what clients sent, then relays and stores every change gathered, as one message and one row. */
  flush(): void {
    this.cancelFlush();
    this.lastFlushAt = performance.now();
    const incoming = this.incoming;
    this.incoming = [];
    let results: Applied[] = [];
    if (incoming.length > 0) {
      this.flushing = true;
      try {
        results = this.applyAll(incoming);
      } finally {
        this.flushing = false;
      }
    }
    const stored = this.pendingStored;
    this.pendingStored = null;
    if (this.outgoing.length > 0) this.relayAndStore();
    stored?.settle(this.lastStored);
    incoming.forEach(({ done }, index) => done(results[index]!));
  }

  /** Applies client updates in one transaction, noting for each whether Yjs had to park some of it. */
  private applyAll(incoming: IncomingUpdate[]): Applied[] {
    // A connection that closed or became read-only since its update arrived has it dropped.
    const applies = ({ connection }: IncomingUpdate) => connection.open && connection.access === "write";
    const writers = incoming.filter(applies);
    const origin =
      new Set(writers.map(({ connection }) => connection)).size === 1
        ? writers[0]!.connection
        : new ClientBatch(writers.map(({ connection }) => connection));
    const results: Applied[] = [];
    this.ydoc.transact(() => {
      for (const item of incoming) {
        if (!applies(item)) {
          results.push({ kind: "skipped" });
          continue;
        }
        const pendingBefore = pendingSize(this.doc);
        try {
          Y.applyUpdate(this.doc, item.update, origin);
        } catch (error) {
          results.push({ kind: "malformed", reason: (error as Error).message });
          continue;
        }
        const pendingAfter = pendingSize(this.doc);
        // Content parked until its dependencies arrive is not stored, so it must not be acknowledged.
        results.push({ kind: "applied", parked: pendingAfter > 0 && pendingAfter !== pendingBefore });
      }
    }, origin);
    return results;
  }

  private relayAndStore(): void {
    const updates = this.outgoing;
    const authors = this.outgoingAuthors;
    const userId = this.outgoingUserId;
    this.outgoing = [];
    this.outgoingAuthors = new Set();
    this.outgoingUserId = null;
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    // A lone author already has what it sent; with several, each needs the others' part.
    const skip = authors.size === 1 ? [...authors][0]! : null;
    broadcast(
      this.connections,
      syncMessage((encoder) => syncProtocol.writeUpdate(encoder, merged)),
      skip,
    );
    this.lastStored = this.persist(merged, userId);
  }

  /** Resolves once every change made so far is committed, including those still being gathered. */
  stored(): Promise<void> {
    if (this.outgoing.length === 0 && this.incoming.length === 0) return this.lastStored;
    if (!this.pendingStored) {
      let settle!: (committed: Promise<void>) => void;
      const promise = new Promise<void>((resolve) => (settle = resolve));
      this.pendingStored = { promise, settle };
    }
    return this.pendingStored.promise;
  }

  private cancelFlush(): void {
    this.flushTimer?.();
    this.flushTimer = undefined;
  }

  /** Removes a connection and the presence it spoke for. */
  remove(connection: Connection): void {
    this.connections.delete(connection);
    const clients = [...connection.awarenessClients];
    for (const client of clients) this.awarenessOwners.delete(client);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, connection);
  }

  destroy(): void {
    this.flush();
    clearTimeout(this.compactTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
