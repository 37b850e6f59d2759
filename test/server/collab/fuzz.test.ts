import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode, MessageType } from "../../../shared/collab";
import { UpdateStore } from "../../../server/collab/persistence";
import { createDocument } from "../../../server/documents/commands";
import { createLogger } from "../../../server/logger";
import type { RunningWorkspace } from "../../../server/workspace";
import { mulberry32, randomEdit, RecordingEditor, type Random } from "../../durability/editor";
import { connectClient, sessionCookie, startCollabWorkspace, waitFor } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";

/**
 * A seeded fuzzer against the collaboration endpoint: truncated, bit-flipped, oversized and
 * type-confused sync and awareness messages over raw sockets, one socket per message, while two
 * ordinary clients keep editing another document. FUZZ_SEED and FUZZ_CASES override the defaults.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124) >>> 0;
const CASES = Number(process.env.FUZZ_CASES ?? 300);
const MAX_MESSAGE_BYTES = 32 * 1024;

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startCollabWorkspace(database.handle, { maxMessageBytes: MAX_MESSAGE_BYTES });
});
afterAll(() => workspace?.stop());

const integer = (random: Random, below: number) => Math.floor(random() * below);

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncFrame = (syncType: number, payload: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });

/** A sync step 1 with an empty state vector: any live connection answers it with a step 2. */
const PROBE = syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc()));

const awarenessFrame = (payload: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, payload);
  });

/** An awareness update whose state strings are whatever we like, JSON or not. */
const rawAwareness = (entries: { client: number; clock: number; state: string }[]) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.client);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.state);
    }
  });

function randomBytes(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index++) bytes[index] = integer(random, 256);
  return bytes;
}

/**
 * What the server must do with a message: close with 4400 (it cannot be well-formed), close with
 * 1009 (too big), or either keep the connection or close it with 4400 (it may still decode).
 */
type Expectation = "malformed" | "too-big" | "either";

interface FuzzCase {
  kind: string;
  data: Uint8Array | string;
  expect: Expectation;
}

/**
 * Valid messages from a generator document that shares the fuzzed document's history (so that
 * mutated updates refer to real items), then mutated.
 */
class Generator {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private lastUpdate: Uint8Array = new Uint8Array();

  constructor(
    private readonly random: Random,
    initialState: Uint8Array,
  ) {
    Y.applyUpdate(this.doc, initialState);
    this.doc.on("update", (update: Uint8Array) => {
      this.lastUpdate = update;
    });
  }

  private validMessage(): { kind: string; data: Uint8Array } {
    const random = this.random;
    const choice = integer(random, 5);
    if (choice === 0) {
      randomEdit(this.doc, random);
      return { kind: "sync update", data: syncFrame(syncProtocol.messageYjsUpdate, this.lastUpdate) };
    }
    if (choice === 1) {
      return {
        kind: "sync step 2",
        data: syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc)),
      };
    }
    if (choice === 2) {
      return {
        kind: "sync step 1",
        data: syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(this.doc)),
      };
    }
    if (choice === 3) {
      this.awareness.setLocalState({ cursor: integer(random, 100), user: { name: "Someone Else" } });
      return {
        kind: "awareness",
        data: awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])),
      };
    }
    return {
      kind: "query awareness",
      data: frame((encoder) => encoding.writeVarUint(encoder, MessageType.QueryAwareness)),
    };
  }

  next(): FuzzCase {
    const random = this.random;
    const base = this.validMessage();
    const strategy = integer(random, 14);
    switch (strategy) {
      case 0:
        return { kind: `valid ${base.kind}`, data: base.data, expect: "either" };
      case 1: {
        const cut = integer(random, base.data.length);
        return {
          kind: `truncated ${base.kind} (${cut}/${base.data.length})`,
          data: base.data.slice(0, cut),
          expect: cut === 0 ? "malformed" : "either",
        };
      }
      case 2:
      case 3: {
        const data = base.data.slice();
        const flips = 1 + integer(random, 8);
        for (let index = 0; index < flips; index++)
          data[integer(random, data.length)]! ^= 1 << integer(random, 8);
        return { kind: `bit-flipped ${base.kind} (${flips})`, data, expect: "either" };
      }
      case 4: {
        const junk = randomBytes(random, 1 + integer(random, 16));
        const data = new Uint8Array(base.data.length + junk.length);
        data.set(base.data);
        data.set(junk, base.data.length);
        // Every message type is checked to end where it should.
        return { kind: `${base.kind} with trailing bytes`, data, expect: "malformed" };
      }
      case 5: {
        // Type confusion: the payload of one kind under the type of another.
        const decoder = decoding.createDecoder(base.data);
        decoding.readVarUint(decoder);
        const rest = decoding.readTailAsUint8Array(decoder);
        const type = [
          MessageType.Sync,
          MessageType.Awareness,
          MessageType.Auth,
          MessageType.QueryAwareness,
          MessageType.Ack,
          MessageType.Access,
          7,
          255,
          2 ** 20,
        ][integer(random, 9)]!;
        const data = frame((encoder) => {
          encoding.writeVarUint(encoder, type);
          encoding.writeUint8Array(encoder, rest);
        });
        const known =
          type === MessageType.Sync || type === MessageType.Awareness || type === MessageType.QueryAwareness;
        return { kind: `${base.kind} sent as type ${type}`, data, expect: known ? "either" : "malformed" };
      }
      case 6: {
        // Sync sub-types 0, 1 and 2 (and beyond) with garbage or another kind's payload.
        const syncType = [0, 1, 2, 3, 9, 127][integer(random, 6)]!;
        const payload = random() < 0.5 ? randomBytes(random, integer(random, 64)) : base.data;
        return {
          kind: `sync ${syncType} with garbage`,
          data: syncFrame(syncType, payload),
          expect: syncType > 2 ? "malformed" : "either",
        };
      }
      case 7: {
        const states = [
          "{not json",
          "[1,2,3]",
          '"a string"',
          "42",
          "null",
          '{"__proto__":{"polluted":true}}',
          '{"user":{"id":"someone-else","name":"Mallory"}}',
          "[".repeat(5000) + "]".repeat(5000),
          '{"a":'.repeat(3000) + "1" + "}".repeat(3000),
          "\u0000\uffff",
        ];
        const state = states[integer(random, states.length)]!;
        const client = [this.doc.clientID, integer(random, 2 ** 32), 0, Number.MAX_SAFE_INTEGER][
          integer(random, 4)
        ]!;
        const data = awarenessFrame(rawAwareness([{ client, clock: integer(random, 10), state }]));
        let isObjectOrNull = false;
        try {
          const parsed: unknown = JSON.parse(state);
          isObjectOrNull = parsed === null || (typeof parsed === "object" && !Array.isArray(parsed));
        } catch {
          isObjectOrNull = false;
        }
        return {
          kind: `awareness state ${JSON.stringify(state.slice(0, 20))}`,
          data,
          expect: isObjectOrNull ? "either" : "malformed",
        };
      }
      case 8:
        return { kind: "random bytes", data: randomBytes(random, integer(random, 200)), expect: "either" };
      case 9: {
        // Lengths and integers that lie: a varint that never ends, or a length far beyond the frame.
        const data =
          random() < 0.5
            ? new Uint8Array([MessageType.Sync, 2, ...new Array<number>(12).fill(0xff)])
            : frame((encoder) => {
                encoding.writeVarUint(encoder, MessageType.Sync);
                encoding.writeVarUint(encoder, integer(random, 3));
                encoding.writeVarUint(encoder, 2 ** 30 + integer(random, 2 ** 20));
                encoding.writeUint8Array(encoder, randomBytes(random, 8));
              });
        return { kind: "lying length", data, expect: "malformed" };
      }
      case 10:
        return {
          kind: "oversized frame",
          data: randomBytes(random, MAX_MESSAGE_BYTES + 1 + integer(random, 4096)),
          expect: "too-big",
        };
      case 11:
        return { kind: "empty frame", data: new Uint8Array(), expect: "malformed" };
      case 12:
        return { kind: "text frame", data: "hello, server", expect: "malformed" };
      default: {
        // An awareness message claiming many entries, then running out.
        const data = awarenessFrame(
          frame((encoder) => encoding.writeVarUint(encoder, 1 + integer(random, 2 ** 31))),
        );
        return { kind: "awareness with too many entries", data, expect: "malformed" };
      }
    }
  }
}

describe("a seeded fuzzer", () => {
  it(
    `never takes the server down, closes only the offending connection, and leaves documents intact (seed ${SEED})`,
    { timeout: 120_000 },
    async () => {
      const random = mulberry32(SEED);
      const { db } = database.handle;
      const { city, members } = await buildCityWithMembers(db);
      const make = (title: string) =>
        createDocument(db, { cityId: city.id, createdBy: members.lead.id, input: { kind: "page", title } });
      const fuzzed = await make("Fuzzed");
      const calm = await make("Calm");
      const editorCookie = await sessionCookie(workspace.url, members.editor.email, members.editor.password);
      const leadCookie = await sessionCookie(workspace.url, members.lead.email, members.lead.password);
      const origin = workspace.services.config.publicOrigin;

      // Give the fuzzed document some content to refer to.
      const author = connectClient({ baseUrl: workspace.url, documentId: fuzzed.id, cookie: leadCookie });
      await waitFor(() => author.session.state.status === "saved");
      for (let index = 0; index < 30; index++) randomEdit(author.doc, random);
      await waitFor(() => author.session.state.unacknowledged === 0);
      const generator = new Generator(random, Y.encodeStateAsUpdate(author.doc));
      author.destroy();

      // Two ordinary clients keep editing another document all along.
      const calmEditors = [
        new RecordingEditor("editor", { baseUrl: workspace.url, documentId: calm.id, cookie: editorCookie }),
        new RecordingEditor("lead", { baseUrl: workspace.url, documentId: calm.id, cookie: leadCookie }),
      ];
      await waitFor(() => calmEditors.every((editor) => editor.synced));
      calmEditors.forEach((editor, index) => editor.startEditing(mulberry32(SEED + index + 1), 10, 30));
      let healthSlowest = 0;
      let healthFailures = 0;
      let fuzzing = true;
      const health = (async () => {
        while (fuzzing) {
          const started = performance.now();
          const response = await fetch(`${workspace.url}/healthz`).catch(() => null);
          if (response?.status !== 200) healthFailures++;
          healthSlowest = Math.max(healthSlowest, performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();

      /** One fuzz message on a socket of its own, then a probe: did the connection survive it? */
      async function send(fuzz: FuzzCase): Promise<{ closedWith: number | null }> {
        const socket = new WebSocket(`${workspace.url.replace(/^http/, "ws")}/collab/${fuzzed.id}?acks=1`, {
          headers: { Cookie: editorCookie, Origin: origin },
        });
        socket.on("error", () => {});
        const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
        // A sync step 1 is answered with a step 2; the fuzz message may itself be a step 1.
        const fuzzIsStep1 =
          typeof fuzz.data !== "string" &&
          fuzz.data[0] === MessageType.Sync &&
          fuzz.data[1] === syncProtocol.messageYjsSyncStep1;
        let step2Replies = 0;
        const survived = new Promise<void>((resolve) =>
          socket.on("message", (data: Buffer) => {
            const decoder = decoding.createDecoder(new Uint8Array(data));
            if (decoding.readVarUint(decoder) !== MessageType.Sync) return;
            if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
            if (++step2Replies === (fuzzIsStep1 ? 2 : 1)) resolve();
          }),
        );
        await new Promise((resolve, reject) => {
          socket.once("open", resolve);
          socket.once("unexpected-response", () => reject(new Error("upgrade refused")));
        });
        socket.send(fuzz.data, { binary: typeof fuzz.data !== "string" });
        socket.send(PROBE);
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          closed.then((code) => ({ closedWith: code as number | null })),
          survived.then(() => ({ closedWith: null })),
          new Promise<"stuck">((resolve) => (timer = setTimeout(() => resolve("stuck"), 10_000))),
        ]);
        clearTimeout(timer);
        if (outcome === "stuck") throw new Error(`no answer and no close after ${fuzz.kind}`);
        if (outcome.closedWith === null) {
          socket.close();
          await closed;
        }
        return outcome;
      }

      const tally = new Map<string, number>();
      const failures: string[] = [];
      for (let index = 0; index < CASES; index++) {
        const fuzz = generator.next();
        const { closedWith } = await send(fuzz);
        const label = closedWith === null ? "kept" : String(closedWith);
        const family = fuzz.kind.replace(/ \(.*\)$/, "").replace(/ sent as type .*/, " sent as another type");
        tally.set(`${label}: ${family}`, (tally.get(`${label}: ${family}`) ?? 0) + 1);
        const allowed =
          fuzz.expect === "malformed"
            ? closedWith === CloseCode.MalformedMessage
            : fuzz.expect === "too-big"
              ? closedWith === CloseCode.MessageTooBig
              : closedWith === null || closedWith === CloseCode.MalformedMessage;
        if (!allowed) failures.push(`case ${index} (${fuzz.kind}): expected ${fuzz.expect}, got ${label}`);
      }

      // A flood of messages on one connection ends it with 4429.
      const flood = new WebSocket(`${workspace.url.replace(/^http/, "ws")}/collab/${fuzzed.id}`, {
        headers: { Cookie: editorCookie, Origin: origin },
      });
      flood.on("error", () => {});
      const floodClosed = new Promise<number>((resolve) => flood.on("close", (code) => resolve(code)));
      await new Promise((resolve) => flood.once("open", resolve));
      const query = frame((encoder) => encoding.writeVarUint(encoder, MessageType.QueryAwareness));
      for (let index = 0; index < 2000 && flood.readyState === WebSocket.OPEN; index++) flood.send(query);
      expect(await floodClosed).toBe(CloseCode.TooManyMessages);

      fuzzing = false;
      await health;
      for (const editor of calmEditors) editor.stopEditing();

      const summary = [...tally]
        .sort()
        .map(([key, count]) => `${count} × ${key}`)
        .join("\n");
      if (process.env.FUZZ_VERBOSE) process.stdout.write(`${summary}\n`);
      expect(failures, summary).toEqual([]);
      // Every family of outcome was reached.
      const outcomes = [...tally.keys()].map((key) => key.split(":")[0]);
      expect(outcomes).toContain("kept");
      expect(outcomes).toContain(String(CloseCode.MalformedMessage));
      expect(outcomes).toContain(String(CloseCode.MessageTooBig));
      expect(healthFailures).toBe(0);
      // Milliseconds on a quiet machine; the bound only allows for a heavily loaded one.
      expect(healthSlowest).toBeLessThan(5_000);

      // The other document kept syncing: everything acknowledged, both sides equal.
      await waitFor(
        () => calmEditors.every((editor) => editor.session.state.unacknowledged === 0),
        10_000,
        "acks",
      );
      const [first, second] = calmEditors.map((editor) => editor.doc);
      await waitFor(() => Y.equalSnapshots(Y.snapshot(first!), Y.snapshot(second!)), 10_000, "convergence");
      expect(second!.getText("text").toString()).toBe(first!.getText("text").toString());
      for (const editor of calmEditors) {
        expect(editor.accountingErrors).toEqual([]);
        expect(editor.session.state.closed).toBeNull();
        expect(editor.updates.length).toBeGreaterThan(20);
      }
      expect(second!.getMap("map").toJSON()).toEqual(first!.getMap("map").toJSON());
      expect(second!.getArray("list").toJSON()).toEqual(first!.getArray("list").toJSON());
      for (const editor of calmEditors) editor.destroy();

      // The fuzzed document: what the server holds in memory...
      const reader = connectClient({ baseUrl: workspace.url, documentId: fuzzed.id, cookie: leadCookie });
      await waitFor(() => reader.session.provider.synced);
      const inMemory = reader.doc;
      const inMemorySnapshot = Y.snapshot(inMemory);
      reader.session.destroy();
      // ...equals what a fresh load from the database gives once it has been unloaded.
      await waitFor(() => workspace.collab.hub.loadedCount === 0, 10_000, "the documents to unload");
      const { updates } = await new UpdateStore(db, createLogger("silent")).load(fuzzed.id);
      const stored = new Y.Doc();
      stored.transact(() => updates.forEach((update) => Y.applyUpdate(stored, update)));
      expect(Y.equalSnapshots(Y.snapshot(stored), inMemorySnapshot)).toBe(true);
      for (const name of ["text", "list", "map"] as const) {
        const read = (doc: Y.Doc) =>
          name === "text"
            ? doc.getText(name).toString()
            : name === "list"
              ? doc.getArray(name).toJSON()
              : doc.getMap(name).toJSON();
        expect(read(stored)).toEqual(read(inMemory));
      }
      // And the server loads it again without trouble.
      const again = connectClient({ baseUrl: workspace.url, documentId: fuzzed.id, cookie: leadCookie });
      await waitFor(() => again.session.provider.synced);
      expect(again.doc.getText("text").toString()).toBe(stored.getText("text").toString());
      again.destroy();
      inMemory.destroy();
    },
  );
});
