import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MessageType } from "../../shared/collab";
import { Connection } from "./connection";
import type { LoadedState } from "./persistence";

/** The origin of changes that come from storage rather than from a client. */
/**
 * How long, per connected client, a document must have been quiet for an update to be relayed at
 * once rather than merged with the rest of its event-loop turn. One send takes about 10 µs, so
 * updates relayed at once take at most a fifth of the server's time; busier documents are merged.
 */
const QUIET_MS_PER_RECEIVER = 0.05;

export const LOAD_ORIGIN = Symbol("load");

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
  private outgoing: Uint8Array[] = [];
  private outgoingAuthors = new Set<Connection | null>();
  private flushScheduled = false;
  private lastBroadcastAt = -Infinity;

  constructor(
    readonly id: string,
    stored: LoadedState,
    private readonly onUpdate: (update: Uint8Array, origin: unknown) => void,
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
      this.queueBroadcast(update, origin instanceof Connection ? origin : null);
      this.onUpdate(update, origin);
    });
    this.awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = added.concat(updated, removed);
        if (changed.length === 0) return;
        const message = awarenessMessage(this.awareness, changed);
        for (const connection of this.connections) connection.send(message);
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
   * Relays an update to everyone else. When the document has been quiet for a while (longer the more
   * people it has to reach), the update goes out at once. Otherwise it waits for the end of the
   * event-loop turn and goes out merged with the others that arrived in it: under load a burst then
   * costs one message per receiver instead of one per update.
   */
  private queueBroadcast(update: Uint8Array, author: Connection | null): void {
    const quietFor = performance.now() - this.lastBroadcastAt;
    if (!this.flushScheduled && quietFor >= this.connections.size * QUIET_MS_PER_RECEIVER) {
      this.broadcast(update, author);
      return;
    }
    this.outgoing.push(update);
    this.outgoingAuthors.add(author);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flushBroadcast());
  }

  private flushBroadcast(): void {
    this.flushScheduled = false;
    const updates = this.outgoing;
    const authors = this.outgoingAuthors;
    this.outgoing = [];
    this.outgoingAuthors = new Set();
    if (updates.length === 0) return;
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    // A lone author already has what it sent; with several, each needs the others' part.
    this.broadcast(merged, authors.size === 1 ? [...authors][0]! : null);
  }

  private broadcast(update: Uint8Array, skip: Connection | null): void {
    this.lastBroadcastAt = performance.now();
    const message = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
    for (const connection of this.connections) {
      if (connection !== skip) connection.send(message);
    }
  }

  /** Removes a connection and the presence it spoke for. */
  remove(connection: Connection): void {
    this.connections.delete(connection);
    const clients = [...connection.awarenessClients];
    for (const client of clients) this.awarenessOwners.delete(client);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, connection);
  }

  destroy(): void {
    clearTimeout(this.compactTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
