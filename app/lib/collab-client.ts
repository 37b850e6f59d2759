import * as decoding from "lib0/decoding";
import type * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { ACK_PARAM, MessageType } from "../../shared/collab";

/** What the editor shows about the user's own edits. */
export type SaveStatus = "saved" | "saving" | "offline";

export interface CollabSessionOptions {
  /** Base URL of the collaboration endpoint, e.g. `wss://scf.example.org/collab`. */
  serverUrl: string;
  documentId: string;
  doc: Y.Doc;
  /** A WebSocket class for Node, where it can carry the session cookie. @default globalThis.WebSocket */
  WebSocketPolyfill?: typeof WebSocket;
  /** Connect at once. @default true */
  connect?: boolean;
  /**
   * Origins of changes that are not the user's new edits, such as a local cache loading: they are
   * not counted as unsaved. @default []
   */
  ignoredOrigins?: unknown[];
}

export interface CollabState {
  status: SaveStatus;
  /** Local changes the server has not yet confirmed as stored. */
  unacknowledged: number;
  /** The server lets this user read but not change the document. */
  readOnly: boolean;
  /** Set when the server ended the connection for good (access revoked, signed out, bad input). */
  closed: { code: number; reason: string } | null;
}

type Handler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void;

/** The collaboration endpoint of the page's own origin. */
export function collabUrlFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
}

/**
 * One document's live connection: a stock y-websocket provider plus the server's acknowledgements.
 * Every update-bearing message the client sends is numbered; the server's ack of n confirms the
 * first n. Updates made while disconnected are carried by the sync reply after reconnecting.
 */
export class CollabSession {
  readonly provider: WebsocketProvider;
  private readonly doc: Y.Doc;
  private sent = 0;
  private offline = 0;
  private inFlight: { seq: number; count: number }[] = [];
  private readOnly = false;
  private closed: CollabState["closed"] = null;
  private readonly listeners = new Set<(state: CollabState) => void>();
  private readonly ignoredOrigins: unknown[];
  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider || this.ignoredOrigins.includes(origin)) return;
    const socket = this.provider.ws;
    if (this.provider.wsconnected && socket && socket.readyState === socket.OPEN) {
      this.inFlight.push({ seq: ++this.sent, count: 1 });
    } else {
      this.offline++;
    }
    this.emit();
  };

  constructor(options: CollabSessionOptions) {
    this.doc = options.doc;
    this.ignoredOrigins = options.ignoredOrigins ?? [];
    this.provider = new WebsocketProvider(options.serverUrl, options.documentId, options.doc, {
      connect: false,
      disableBc: true,
      params: { [ACK_PARAM]: "1" },
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    const handlers = this.provider.messageHandlers as Handler[];
    const sync = handlers[MessageType.Sync]!;
    handlers[MessageType.Sync] = (encoder, decoder, provider, emitSynced, messageType) => {
      const syncType = decoding.peekVarUint(decoder);
      sync(encoder, decoder, provider, emitSynced, messageType);
      // The server's state vector is answered with everything it lacks, offline edits included.
      if (emitSynced && syncType === syncProtocol.messageYjsSyncStep1) {
        this.inFlight.push({ seq: ++this.sent, count: this.offline });
        this.offline = 0;
      }
      this.emit();
    };
    handlers[MessageType.Ack] = (_encoder, decoder) => {
      const acknowledged = decoding.readVarUint(decoder);
      this.inFlight = this.inFlight.filter((message) => message.seq > acknowledged);
      this.emit();
    };
    handlers[MessageType.Access] = (_encoder, decoder) => {
      this.readOnly = decoding.readVarUint(decoder) === 1;
      this.emit();
    };
    this.provider.on("status", ({ status }) => {
      if (status === "connected") {
        this.sent = 0;
        this.closed = null;
      }
      if (status === "disconnected") {
        // Whatever was in flight may not have arrived: it goes out again with the next sync.
        this.offline += this.inFlight.reduce((sum, message) => sum + message.count, 0);
        this.inFlight = [];
      }
      this.emit();
    });
    this.provider.on("closed", (event) => {
      this.closed = event;
      this.emit();
    });
    this.doc.on("update", this.onUpdate);
    if (options.connect ?? true) this.provider.connect();
  }

  get state(): CollabState {
    const unacknowledged = this.offline + this.inFlight.reduce((sum, message) => sum + message.count, 0);
    const online = this.provider.wsconnected && this.provider.synced;
    return {
      status: !online ? "offline" : unacknowledged > 0 ? "saving" : "saved",
      unacknowledged,
      readOnly: this.readOnly,
      closed: this.closed,
    };
  }

  /** Calls `listener` with the new state on every change; returns the unsubscribe function. */
  subscribe(listener: (state: CollabState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }

  destroy(): void {
    this.doc.off("update", this.onUpdate);
    this.listeners.clear();
    this.provider.destroy();
  }
}
