import * as encoding from "lib0/encoding";
import WebSocket, * as ws from "ws";
import { MessageType } from "../../shared/collab";
import { TokenBucket } from "./rate-limit";

export type Access = "write" | "read";

/** Who is on the other end, as authenticated before the upgrade. */
export interface Principal {
  userId: string;
  name: string;
  colour: string;
  /** Hash of the session token, so a session that ends can end its sockets. */
  sessionId: string;
}

export interface ConnectionLimits {
  /** Messages a connection may send in a burst. @default 500 */
  messageBurst?: number;
  /** Sustained messages per second. @default 250 */
  messagesPerSecond?: number;
  /** Presence updates in a burst; beyond the rate they are dropped. @default 20 */
  awarenessBurst?: number;
  /** Sustained presence updates per second. @default 10 */
  awarenessPerSecond?: number;
}

interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}

interface FrameSender {
  sendFrame(frame: Buffer[]): void;
}

/** The parts of `ws` that send a message framed once, as socket.io does for its broadcasts. */
const { Sender } = ws as unknown as { Sender?: { frame?(data: Buffer, options: FrameOptions): Buffer[] } };
const BINARY_FRAME: FrameOptions = { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false };

/**
 * Sends one binary message to many connections. It is framed once, header and payload in one buffer,
 * and that buffer is written to each socket as it is: one write per receiver, not `ws`'s header and
 * payload per receiver. Without permessage-deflate, which the server does not offer, `ws` sends every
 * frame at once, in order with its own sends.
 */
export function broadcast(
  connections: Iterable<Connection>,
  message: Uint8Array,
  skip: Connection | null = null,
): void {
  let frame: Buffer[] | undefined;
  for (const connection of connections) {
    if (connection === skip || !connection.open) continue;
    const sender = (connection.socket as unknown as { _sender?: Partial<FrameSender> })._sender;
    if (typeof Sender?.frame !== "function" || typeof sender?.sendFrame !== "function") {
      connection.send(message);
      continue;
    }
    frame ??= [
      Buffer.concat(
        Sender.frame(Buffer.from(message.buffer, message.byteOffset, message.byteLength), BINARY_FRAME),
      ),
    ];
    sender.sendFrame(frame);
  }
}

/** One socket on one document. */
export class Connection {
  /** Update-bearing messages received so far; acknowledgements count them. */
  updatesReceived = 0;
  private acknowledged = 0;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessClients = new Set<number>();
  readonly messages: TokenBucket;
  readonly awareness: TokenBucket;
  private malformedLogged = false;

  constructor(
    readonly socket: WebSocket,
    readonly documentId: string,
    readonly principal: Principal,
    public access: Access,
    /** Whether the client asked for acknowledgements and access notices. */
    readonly wantsAcks: boolean,
    /** The document was archived when the connection opened: read-only whatever the role. */
    readonly archived: boolean,
    limits: ConnectionLimits = {},
  ) {
    this.messages = new TokenBucket(limits.messageBurst ?? 500, limits.messagesPerSecond ?? 250);
    this.awareness = new TokenBucket(limits.awarenessBurst ?? 20, limits.awarenessPerSecond ?? 10);
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(message: Uint8Array): void {
    if (this.open) this.socket.send(message, { binary: true });
  }

  /**
   * The first update-bearing message whose content Yjs holds as pending (its dependencies have not
   * arrived): not stored yet, so neither it nor anything after it may be acknowledged.
   */
  heldFrom: number | null = null;
  /** The count of the last update-bearing message that was applied (not dropped as read-only). */
  lastApplied = 0;
  private ackScheduled = false;

  /**
   * Tells the client that its first `count` update-bearing messages are durable. Several calls in a
   * row (the messages one commit made durable) send one acknowledgement, of the highest count.
   */
  acknowledge(requested: number): void {
    const count = this.heldFrom === null ? requested : Math.min(requested, this.heldFrom - 1);
    if (!this.wantsAcks || count <= this.acknowledged) return;
    this.acknowledged = count;
    if (this.ackScheduled) return;
    this.ackScheduled = true;
    queueMicrotask(() => {
      this.ackScheduled = false;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Ack);
      encoding.writeVarUint(encoder, this.acknowledged);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  setAccess(access: Access): void {
    this.access = access;
    if (!this.wantsAcks) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Access);
    encoding.writeVarUint(encoder, access === "read" ? 1 : 0);
    this.send(encoding.toUint8Array(encoder));
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  /** True the first time only, so one misbehaving client logs once. */
  firstMalformed(): boolean {
    if (this.malformedLogged) return false;
    this.malformedLogged = true;
    return true;
  }
}
