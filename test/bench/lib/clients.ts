import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/**
 * How a system frames its messages. "plain" is the y-websocket protocol (ours and the reference
 * server): one document per socket, the message type first. "hocuspocus" puts the document name in
 * front of every message and wants an Auth message before anything else.
 */
export type Framing = "plain" | "hocuspocus";

export interface Endpoint {
  framing: Framing;
  url(documentId: string, options: { acks: boolean }): string;
  headers: Record<string, string>;
}

const SYNC = 0;
const AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const OUR_ACK = 100;

/*
 * Timestamps travel inside the edits. A writer inserts the text "§<seq>¤"; in a Yjs update a
 * string is stored as its UTF-8 bytes, so a receiver finds C2 A7, decimal digits, C2 A4 in the raw
 * message without decoding it, even when the server merged several updates into one message. The
 * send time of each sequence number stays in the load generator (one clock: performance.now()).
 */
export function marker(seq: number): string {
  return `§${seq}¤`;
}

export function scanMarkers(bytes: Uint8Array, found: (seq: number) => void): void {
  const end = bytes.length - 4;
  for (let index = 0; index <= end; index++) {
    if (bytes[index] !== 0xc2 || bytes[index + 1] !== 0xa7) continue;
    let cursor = index + 2;
    let seq = 0;
    let digits = 0;
    while (cursor < bytes.length) {
      const byte = bytes[cursor]!;
      if (byte < 48 || byte > 57) break;
      seq = seq * 10 + (byte - 48);
      digits++;
      cursor++;
    }
    if (digits > 0 && digits < 16 && bytes[cursor] === 0xc2 && bytes[cursor + 1] === 0xa4) {
      found(seq);
      index = cursor + 1;
    }
  }
}

const CONTENT_STRING = 4;
const HAS_LEFT_ORIGIN = 0x80;

/**
 * Writes the Yjs update (v1 encoding) that appends `text` to a client's own text "t", when that text
 * holds nothing but this client's earlier appends: one string item whose left origin is the client's
 * last character (none for the first), and no deletions. These are the bytes Yjs writes for
 * `doc.getText("t").insert(length, text)` (a test compares them), at a small fraction of the cost, so
 * the writers of the load generator do not limit the rates it can drive.
 */
export class TextAppender {
  private clock = 0;

  constructor(readonly client: number) {}

  append(text: string): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // one client with structs
    encoding.writeVarUint(encoder, 1); // one struct of it
    encoding.writeVarUint(encoder, this.client);
    encoding.writeVarUint(encoder, this.clock);
    if (this.clock === 0) {
      encoding.writeUint8(encoder, CONTENT_STRING);
      encoding.writeVarUint(encoder, 1); // the parent is a root type, named next
      encoding.writeVarString(encoder, "t");
    } else {
      encoding.writeUint8(encoder, HAS_LEFT_ORIGIN | CONTENT_STRING);
      encoding.writeVarUint(encoder, this.client);
      encoding.writeVarUint(encoder, this.clock - 1);
    }
    encoding.writeVarString(encoder, text);
    encoding.writeVarUint(encoder, 0); // no deletions
    this.clock += text.length;
    return encoding.toUint8Array(encoder);
  }
}

/** Everything the receivers of one run record; sized up front so recording allocates nothing. */
export class Meter {
  active = false;
  /** The next sequence number; never reused, so old content in a document is never mistaken. */
  private nextSeq = 1;
  base = 0;
  sent = 0;
  sendTimes = new Float64Array(0);
  writerOf = new Int32Array(0);
  /** Receivers that have each sequence number, and when the last of them got it. */
  receivedBy = new Uint32Array(0);
  lastArrival = new Float64Array(0);
  latencies = new Float64Array(0);
  latencyCount = 0;
  deliveries = 0;
  frames = 0;
  ackLatencies: number[] = [];

  begin(capacity: number, latencyCapacity: number): void {
    this.base = this.nextSeq;
    this.sent = 0;
    this.sendTimes = new Float64Array(capacity);
    this.writerOf = new Int32Array(capacity);
    this.receivedBy = new Uint32Array(capacity);
    this.lastArrival = new Float64Array(capacity);
    if (this.latencies.length < latencyCapacity) this.latencies = new Float64Array(latencyCapacity);
    this.latencyCount = 0;
    this.deliveries = 0;
    this.frames = 0;
    this.ackLatencies = [];
    this.active = true;
  }

  get capacity(): number {
    return this.sendTimes.length;
  }

  /** Reserves the next sequence number for a writer and stamps its send time. */
  take(writer: number): number {
    const index = this.sent++;
    this.writerOf[index] = writer;
    this.sendTimes[index] = performance.now();
    this.nextSeq = this.base + this.sent;
    return this.base + index;
  }

  record(receiver: BenchClient, seq: number, now: number): void {
    const index = seq - this.base;
    if (index < 0 || index >= this.sent || this.writerOf[index] === receiver.index) return;
    if (receiver.seen[index]) return;
    receiver.seen[index] = 1;
    const latency = now - this.sendTimes[index]!;
    if (this.latencyCount < this.latencies.length) this.latencies[this.latencyCount++] = latency;
    this.deliveries++;
    this.receivedBy[index]!++;
    if (now > this.lastArrival[index]!) this.lastArrival[index] = now;
  }
}

export interface Role {
  receive: boolean;
  write: boolean;
  /** A real Y.Doc that applies everything, to check that all replicas end identical. */
  full: boolean;
}

function prefixFor(framing: Framing, documentId: string): Uint8Array {
  if (framing === "plain") return new Uint8Array(0);
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentId);
  return encoding.toUint8Array(encoder);
}

/**
 * One benchmark client on one document. Light receivers only scan for markers; writers append to
 * their own text only (so each insert references items the server has); full clients sync a
 * complete Y.Doc, and while a run is measured they keep the updates they receive and apply them
 * after it, so that replicating does not slow the load generator down.
 */
export class BenchClient {
  readonly ws: WebSocket;
  readonly ready: Promise<void>;
  seen = new Uint8Array(0);
  readonly doc: Y.Doc | null;
  private readonly appender: TextAppender | null;
  /** Messages received while a run was measured, applied after it. */
  private deferred: Buffer[] = [];
  private readonly prefix: Uint8Array;
  private gotFirst = false;
  /** Send times of this writer's update messages, for our server's acknowledgements. */
  private readonly updateSendTimes: number[] = [];
  private acknowledged = 0;
  closeCode: number | null = null;

  constructor(
    readonly endpoint: Endpoint,
    readonly documentId: string,
    readonly docIndex: number,
    readonly index: number,
    readonly role: Role,
    private readonly meter: Meter,
  ) {
    this.prefix = prefixFor(endpoint.framing, documentId);
    this.doc = role.full ? new Y.Doc() : null;
    this.appender = role.write && !role.full ? new TextAppender(Math.floor(Math.random() * 2 ** 32)) : null;
    this.doc?.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendUpdate(update);
    });
    this.ws = new WebSocket(endpoint.url(documentId, { acks: role.write }), {
      headers: endpoint.headers,
      perMessageDeflate: false,
    });
    this.ws.binaryType = "nodebuffer";
    this.ready = new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      this.ws.on("open", () => this.greet());
      this.ws.on("error", (error) => fail(error));
      this.ws.on("unexpected-response", (_request, response) =>
        fail(new Error(`upgrade refused with ${response.statusCode}`)),
      );
      this.ws.on("close", (code) => {
        this.closeCode = code;
        fail(new Error(`closed with ${code} before the first message`));
      });
      this.ws.on("message", (data: Buffer) => {
        const now = performance.now();
        if (!this.gotFirst) {
          this.gotFirst = true;
          settled = true;
          resolve();
        }
        this.receive(data, now);
      });
    });
    this.ready.catch(() => {});
  }

  private message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  private send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  private sendUpdate(update: Uint8Array): void {
    this.send(this.message(SYNC, (encoder) => syncProtocol.writeUpdate(encoder, update)));
    this.updateSendTimes.push(performance.now());
  }

  private greet(): void {
    if (this.endpoint.framing === "hocuspocus") {
      // Token auth message: the peer has no onAuthenticate hook, so any token is accepted.
      this.send(
        this.message(AUTH, (encoder) => {
          encoding.writeVarUint(encoder, 0);
          encoding.writeVarString(encoder, "bench");
        }),
      );
    }
    const stateVector = this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]);
    this.send(
      this.message(SYNC, (encoder) => {
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
        encoding.writeVarUint8Array(encoder, stateVector);
      }),
    );
  }

  private receive(data: Buffer, now: number): void {
    const meter = this.meter;
    if (this.role.receive && meter.active) {
      meter.frames++;
      scanMarkers(data, (seq) => meter.record(this, seq, now));
    }
    if (!this.doc && !this.role.write) return;
    if (!meter.active) this.catchUp();
    this.handle(data, now);
  }

  /** Applies what arrived while a run was measured. */
  catchUp(): void {
    const deferred = this.deferred;
    this.deferred = [];
    for (const data of deferred) this.handle(data, NaN, true);
  }

  private handle(data: Buffer, now: number, late = false): void {
    const meter = this.meter;
    const decoder = decoding.createDecoder(data);
    if (this.endpoint.framing === "hocuspocus") decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (
      this.doc &&
      (type === SYNC || (this.endpoint.framing === "hocuspocus" && type === HOCUSPOCUS_SYNC_REPLY))
    ) {
      if (meter.active && !late) {
        this.deferred.push(data);
        return;
      }
      const encoder = encoding.createEncoder();
      encoding.writeUint8Array(encoder, this.prefix);
      encoding.writeVarUint(encoder, SYNC);
      const before = encoding.length(encoder);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > before) this.send(encoding.toUint8Array(encoder));
    } else if (type === OUR_ACK && this.endpoint.framing === "plain") {
      const count = decoding.readVarUint(decoder);
      for (let index = this.acknowledged; index < count && index < this.updateSendTimes.length; index++) {
        if (meter.active) meter.ackLatencies.push(now - this.updateSendTimes[index]!);
      }
      this.acknowledged = Math.max(this.acknowledged, count);
    }
  }

  /** Types the marker of a fresh sequence number at the end of this client's text. */
  write(): number {
    const seq = this.meter.take(this.index);
    if (this.appender) this.sendUpdate(this.appender.append(marker(seq)));
    else this.doc!.getText("t").insert(this.doc!.getText("t").length, marker(seq));
    return seq;
  }

  text(): string {
    this.catchUp();
    return this.doc?.getText("t").toString() ?? "";
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
    this.doc?.destroy();
  }
}

/**
 * A cold load: connect, ask for everything (empty state vector), and time the arrival of the
 * server's answer (sync step 2). Returns the milliseconds from socket open to the answer, and from
 * the start of the connection to it, with the text received to check it.
 */
export function coldLoad(
  endpoint: Endpoint,
  documentId: string,
  timeoutMs = 60_000,
): Promise<{ openToStateMs: number; connectToStateMs: number; bytes: number; text: string }> {
  const prefix = prefixFor(endpoint.framing, documentId);
  const started = performance.now();
  const ws = new WebSocket(endpoint.url(documentId, { acks: false }), {
    headers: endpoint.headers,
    perMessageDeflate: false,
  });
  return new Promise((resolve, reject) => {
    let opened = 0;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`cold load of ${documentId} timed out`));
    }, timeoutMs);
    const message = (type: number, write: (encoder: encoding.Encoder) => void) => {
      const encoder = encoding.createEncoder();
      encoding.writeUint8Array(encoder, prefix);
      encoding.writeVarUint(encoder, type);
      write(encoder);
      return encoding.toUint8Array(encoder);
    };
    ws.on("open", () => {
      opened = performance.now();
      if (endpoint.framing === "hocuspocus") {
        ws.send(
          message(AUTH, (encoder) => {
            encoding.writeVarUint(encoder, 0);
            encoding.writeVarString(encoder, "bench");
          }),
        );
      }
      ws.send(
        message(SYNC, (encoder) => {
          encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
          encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
        }),
      );
    });
    ws.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    ws.on("message", (data: Buffer) => {
      const now = performance.now();
      const decoder = decoding.createDecoder(data);
      if (endpoint.framing === "hocuspocus") decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type !== SYNC && type !== HOCUSPOCUS_SYNC_REPLY) return;
      if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
      const update = decoding.readVarUint8Array(decoder);
      clearTimeout(timer);
      ws.close();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      const text = doc.getText("t").toString();
      doc.destroy();
      resolve({
        openToStateMs: now - opened,
        connectToStateMs: now - started,
        bytes: update.byteLength,
        text,
      });
    });
  });
}
