import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import type WebSocket from "ws";
import * as Y from "yjs";
import { CollabSession } from "../../app/lib/collab-client";
import { MessageType } from "../../shared/collab";
import { authenticatedWebSocket } from "../support/collab";

/** A seeded PRNG (mulberry32): the same seed gives the same edits and timings. */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finalizer: every input bit affects every output bit. */
function mix32(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A seed for the n-th thing derived from a seed, so that runs and clients differ. */
export function deriveSeed(seed: number, ...path: number[]): number {
  let hash = mix32(seed);
  for (const part of path) hash = mix32(hash ^ mix32((part + 0x9e3779b9) >>> 0));
  return hash;
}

const integer = (random: Random, below: number) => Math.floor(random() * below);

function randomString(random: Random, length: number): string {
  // Only the Basic Multilingual Plane: Y.Text positions count UTF-16 units, and a random position
  // inside a surrogate pair makes Yjs peers disagree (each side replaces half a pair with U+FFFD
  // differently), which is Yjs behaviour, not the server's; editors never place carets there.
  const alphabet = "abcdefghijklmnopqrstuvwxyz ÄéЖ中";
  let text = "";
  for (let index = 0; index < length; index++) text += alphabet[integer(random, alphabet.length)];
  return text;
}

function oneEdit(doc: Y.Doc, random: Random): void {
  const text = doc.getText("text");
  const map = doc.getMap<unknown>("map");
  const list = doc.getArray<unknown>("list");
  const choice = random();
  // Keep the text a few thousand characters long at most: deletions win once it is long.
  const deleteBias = text.length > 2000 ? 0.4 : 0;
  if (choice < 0.4 - deleteBias) {
    text.insert(integer(random, text.length + 1), randomString(random, 1 + integer(random, 8)));
  } else if (choice < 0.55) {
    if (text.length === 0) return text.insert(0, randomString(random, 3));
    const at = integer(random, text.length);
    text.delete(at, 1 + integer(random, Math.min(12, text.length - at)));
  } else if (choice < 0.75) {
    const value = random() < 0.5 ? integer(random, 1_000_000) : randomString(random, integer(random, 6));
    map.set(`k${integer(random, 16)}`, value);
  } else if (choice < 0.8) {
    map.delete(`k${integer(random, 16)}`);
  } else if (choice < 0.9) {
    if (list.length > 200 || (list.length > 0 && random() < 0.3))
      list.delete(integer(random, list.length), 1);
    else
      list.insert(integer(random, list.length + 1), [
        { n: integer(random, 1000), s: randomString(random, 3) },
      ]);
  } else {
    // Formatting, so that the text carries more than plain inserts.
    if (text.length === 0) return;
    const at = integer(random, text.length);
    text.format(at, 1 + integer(random, Math.min(5, text.length - at)), {
      bold: random() < 0.5 ? true : null,
    });
  }
}

/** One random local change: usually a single operation, sometimes several in one transaction. */
export function randomEdit(doc: Y.Doc, random: Random): void {
  if (random() < 0.1) {
    const count = 2 + integer(random, 4);
    doc.transact(() => {
      for (let index = 0; index < count; index++) oneEdit(doc, random);
    });
  } else {
    oneEdit(doc, random);
  }
}

/** What one socket carried: its update-bearing messages in send order and the highest ack it got. */
export interface WireRecord {
  updates: Uint8Array[];
  /** The sync message type of each: step 2 or update. */
  kinds: number[];
  acknowledged: number;
}

/** One local update and the messages that carried it to the server (socket, 1-based number). */
export interface LocalUpdate {
  update: Uint8Array;
  carriers: { socket: WireRecord; seq: number }[];
}

function bytesOf(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  if (Array.isArray(data) && data.every((part) => part instanceof Uint8Array)) return Buffer.concat(data);
  return null;
}

/**
 * A real client (the app's CollabSession over the stock y-websocket provider) that knows exactly
 * which of its updates the server acknowledged, from the wire: the server numbers the
 * update-bearing messages of a connection (sync step 2 and sync update) and its Ack n confirms the
 * first n. Its socket records those messages as sent and the Acks as received.
 *
 * - Per local update: a doc 'update' listener registered before the provider's records each local
 *   update; if the provider sends it at once (socket open), the sync update message it sends next
 *   carries it; otherwise (offline) the next sync step 2 this client sends carries it. An update
 *   is acknowledged once a message carrying it is. (Acknowledged updates are therefore not always
 *   a prefix of the local ones: updates sent while the socket is open can overtake offline edits,
 *   which only leave with the sync step 2.)
 * - Per message: the payloads of the acknowledged messages, checked on their own.
 *
 * The session's own count (`state.unacknowledged`) is checked against this at every change.
 */
export class RecordingEditor {
  readonly doc = new Y.Doc();
  readonly session: CollabSession;
  /** Every local update, in the order the doc produced them. */
  readonly updates: LocalUpdate[] = [];
  /** Disagreements between the session's count of unacknowledged updates and the wire. */
  readonly accountingErrors: string[] = [];
  readonly sockets: WireRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private editing = false;

  constructor(
    readonly label: string,
    args: { baseUrl: string; documentId: string; cookie: string; origin?: string },
  ) {
    const origin = args.origin ?? new URL(args.baseUrl).origin;
    /** The provider, once made: changes it applies come from the server, not from this client. */
    const remote: { origin: unknown } = { origin: undefined };
    /** The local update being handed to the provider right now, if any. */
    let current: LocalUpdate | null = null;
    this.doc.on("update", (update: Uint8Array, transactionOrigin: unknown) => {
      if (remote.origin !== undefined && transactionOrigin === remote.origin) return;
      current = { update, carriers: [] };
      this.updates.push(current);
    });
    const updates = this.updates;
    const sockets = this.sockets;
    const Base = authenticatedWebSocket(args.cookie, origin) as unknown as typeof WebSocket;
    class RecordingSocket extends Base {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        const record: WireRecord = { updates: [], kinds: [], acknowledged: 0 };
        sockets.push(record);
        const send = this.send;
        this.send = ((data: unknown, ...rest: unknown[]) => {
          const bytes = bytesOf(data);
          if (bytes) {
            const decoder = decoding.createDecoder(bytes);
            if (decoding.readVarUint(decoder) === MessageType.Sync) {
              const syncType = decoding.readVarUint(decoder);
              if (
                syncType === syncProtocol.messageYjsSyncStep2 ||
                syncType === syncProtocol.messageYjsUpdate
              ) {
                record.updates.push(decoding.readVarUint8Array(decoder).slice());
                record.kinds.push(syncType);
                const seq = record.updates.length;
                if (syncType === syncProtocol.messageYjsUpdate) {
                  // Only local updates are sent this way, each as the provider gets it.
                  if (!current) throw new Error("a sync update was sent with no local update in hand");
                  current.carriers.push({ socket: record, seq });
                } else {
                  // The answer to the server's state vector: everything it lacks.
                  for (const local of updates) {
                    const carried = local.carriers.some((carrier) => carrier.socket === record);
                    if (!carried && !acknowledged(local)) local.carriers.push({ socket: record, seq });
                  }
                }
              }
            }
          }
          return (send as (...args: unknown[]) => void).call(this, data, ...rest);
        }) as typeof this.send;
        this.addEventListener("message", (event) => {
          const bytes = bytesOf(event.data);
          if (!bytes) return;
          const decoder = decoding.createDecoder(bytes);
          if (decoding.readVarUint(decoder) !== MessageType.Ack) return;
          record.acknowledged = Math.max(record.acknowledged, decoding.readVarUint(decoder));
        });
      }
    }
    const session = new CollabSession({
      serverUrl: `${args.baseUrl.replace(/^http/, "ws")}/collab`,
      documentId: args.documentId,
      doc: this.doc,
      WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket,
    });
    this.session = session;
    remote.origin = session.provider;
    // Registered after the provider's and the session's: the local update has been sent or not.
    this.doc.on("update", () => {
      current = null;
    });
    session.subscribe((state) => {
      const wire = this.updates.length - this.acknowledgedUpdates().length;
      if (state.unacknowledged !== wire && this.accountingErrors.length < 5) {
        this.accountingErrors.push(
          `${this.label}: the session says ${state.unacknowledged} unacknowledged, the wire ${wire}`,
        );
      }
    });
  }

  get synced(): boolean {
    return this.session.provider.synced;
  }

  /** Local updates a message carrying them was acknowledged for. */
  acknowledgedUpdates(): Uint8Array[] {
    return this.updates.filter(acknowledged).map((local) => local.update);
  }

  /** The same, with each one's position among the local updates and how it was carried. */
  acknowledgedDetails(): { index: number; update: Uint8Array; carriedBy: string }[] {
    return this.updates.flatMap((local, index) => {
      if (!acknowledged(local)) return [];
      const carriedBy = local.carriers
        .map(({ socket, seq }) => {
          const kind = socket.kinds[seq - 1] === syncProtocol.messageYjsUpdate ? "update" : "sync step 2";
          return `${kind} #${seq} of socket ${this.sockets.indexOf(socket) + 1} (acked up to ${socket.acknowledged})`;
        })
        .join(", ");
      return [{ index, update: local.update, carriedBy }];
    });
  }

  /** Payloads of the acknowledged update messages (a sync step 2 may carry several updates). */
  acknowledgedMessages(): Uint8Array[] {
    return this.sockets.flatMap((socket) => socket.updates.slice(0, socket.acknowledged));
  }

  /** Makes a random edit every `minDelayMs`..`maxDelayMs` until stopped. */
  startEditing(random: Random, minDelayMs = 2, maxDelayMs = 8): void {
    this.editing = true;
    const step = () => {
      if (!this.editing) return;
      randomEdit(this.doc, random);
      this.timer = setTimeout(step, minDelayMs + random() * (maxDelayMs - minDelayMs));
    };
    step();
  }

  stopEditing(): void {
    this.editing = false;
    clearTimeout(this.timer);
  }

  destroy(): void {
    this.stopEditing();
    this.session.destroy();
    this.doc.destroy();
  }
}

function acknowledged(local: LocalUpdate): boolean {
  return local.carriers.some((carrier) => carrier.socket.acknowledged >= carrier.seq);
}

/**
 * Which of `updates` the document does not contain, by two checks: the document's snapshot
 * contains the update (state vector and delete set: an update whose items would only be parked as
 * pending fails it), and applying the update to a copy of the document changes nothing. Returns
 * the indices of the missing ones.
 */
export function missingUpdates(doc: Y.Doc, updates: Uint8Array[]): number[] {
  const snapshot = Y.snapshot(doc);
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
  let changed = false;
  probe.on("update", () => {
    changed = true;
  });
  const missing: number[] = [];
  try {
    updates.forEach((update, index) => {
      changed = false;
      const inSnapshot = Y.snapshotContainsUpdate(snapshot, update);
      Y.applyUpdate(probe, update);
      if (!inSnapshot || changed) missing.push(index);
    });
  } finally {
    probe.destroy();
  }
  return missing;
}
