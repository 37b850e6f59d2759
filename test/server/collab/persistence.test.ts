import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { Kysely } from "kysely";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { DatabaseOptions } from "../../../db/connect";
import { appendUpdates, countUpdates, findSnapshot } from "../../../db/repositories/doc-updates";
import type { Database } from "../../../db/schema";
import { findCitySpaceId } from "../../../db/repositories/documents";
import { MessageType } from "../../../shared/collab";
import { UpdateStore } from "../../../server/collab/persistence";
import { createDocument } from "../../../server/documents/commands";
import { createLogger } from "../../../server/logger";
import { connectClient, sessionCookie, waitFor, useCollabWorkspace } from "../../support/collab";
import { testDatabaseKind, useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";

const database = useTestDatabase();
const env = useCollabWorkspace(database, { compactAfterRows: 10, compactQuietMs: 0, unloadDelayMs: 50 });

async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: members.lead.id,
    input: { kind: "vision", title: "Vision" },
  });
  const cookie = await sessionCookie(env.workspace.url, members.editor.email, members.editor.password);
  const connect = async () => {
    const client = connectClient({ baseUrl: env.workspace.url, documentId: document.id, cookie });
    env.clients.push(client);
    await waitFor(() => client.session.state.status === "saved", 10_000, "sync");
    return client;
  };
  return { city, document, cookie, connect };
}

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText("body").toString();
}

describe("storage of documents", () => {
  it("compacts a busy document as it goes and still loads all of it", async () => {
    const { document, connect } = await setUp();
    const writer = await connect();
    for (let index = 0; index < 35; index++) {
      writer.doc.getText("body").insert(writer.doc.getText("body").length, `${index % 10}`);
      await waitFor(() => writer.session.state.unacknowledged === 0);
    }
    const { db } = database.handle;
    expect(await findSnapshot(db, { documentId: document.id })).not.toBeNull();
    expect(await countUpdates(db, { documentId: document.id })).toBeLessThan(35);

    const reader = await connect();
    expect(reader.doc.getText("body").toString()).toBe("01234567890123456789012345678901234");
  });

  it("folds everything into the snapshot when the last connection leaves, and loads from it", async () => {
    const { document, connect } = await setUp();
    const writer = await connect();
    writer.doc.getText("body").insert(0, "kept after unload");
    await waitFor(() => writer.session.state.unacknowledged === 0);
    writer.destroy();

    const { db } = database.handle;
    await waitFor(() => env.workspace.collab.hub.loadedCount === 0, 5_000, "unload");
    expect(await countUpdates(db, { documentId: document.id })).toBe(0);
    expect(textOf((await findSnapshot(db, { documentId: document.id }))!.state)).toBe("kept after unload");

    const reader = await connect();
    expect(reader.doc.getText("body").toString()).toBe("kept after unload");
  });

  it("serves a compacted document to new and returning clients, then takes their edits", async () => {
    const { document, cookie, connect } = await setUp();
    const writer = await connect();
    writer.doc.getText("body").insert(0, "stored");
    await waitFor(() => writer.session.state.unacknowledged === 0);
    // A returning client: it holds what it saw and edits while the document is unloaded.
    const returning = new Y.Doc();
    Y.applyUpdate(returning, Y.encodeStateAsUpdate(writer.doc));
    writer.destroy();
    await waitFor(() => env.workspace.collab.hub.loadedCount === 0, 5_000, "unload");
    const snapshot = (await findSnapshot(database.handle.db, { documentId: document.id }))!;
    expect(new Uint8Array(snapshot.stateVector!)).toEqual(Y.encodeStateVectorFromUpdate(snapshot.state));
    returning.getText("body").insert(0, "offline, ");

    const fresh = await connect();
    expect(fresh.doc.getText("body").toString()).toBe("stored");
    const back = connectClient({
      baseUrl: env.workspace.url,
      documentId: document.id,
      cookie,
      doc: returning,
    });
    env.clients.push(back);
    await waitFor(() => fresh.doc.getText("body").toString() === "offline, stored", 5_000, "offline edit");
    fresh.doc.getText("body").insert(fresh.doc.getText("body").length, " and live");
    await waitFor(
      () => back.doc.getText("body").toString() === "offline, stored and live",
      5_000,
      "live edit",
    );
    await waitFor(() => fresh.session.state.unacknowledged === 0 && back.session.state.unacknowledged === 0);

    const later = await connect();
    expect(later.doc.getText("body").toString()).toBe("offline, stored and live");
  });

  /** A store of its own, and a Y.Doc whose updates the test appends as rows by hand. */
  async function storeAndSource() {
    const { document } = await setUp();
    const { db } = database.handle;
    const store = new UpdateStore(db, createLogger("silent"));
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    return { document, db, store, source, updates };
  }

  it("deletes exactly the rows it folded: a row appended afterwards survives", async () => {
    const { document, db, store, source, updates } = await storeAndSource();
    source.getText("body").insert(0, "one ");
    source.getText("body").insert(4, "two ");
    await appendUpdates(db, { updates: updates.map((update) => ({ documentId: document.id, update })) });

    expect(await store.compact(document.id)).toBe(2);
    source.getText("body").insert(8, "three");
    await appendUpdates(db, { updates: [{ documentId: document.id, update: updates.at(-1)! }] });
    expect(await countUpdates(db, { documentId: document.id })).toBe(1);

    const loaded = await store.load(document.id);
    expect(loaded.rows).toBe(1);
    expect(textOf(Y.mergeUpdates(loaded.updates))).toBe("one two three");
  });

  it("replaces the snapshot's state and vector when it compacts again, and counts every row it folded", async () => {
    const { document, db, store, source, updates } = await storeAndSource();
    const append = async (text: string) => {
      source.getText("body").insert(source.getText("body").length, text);
      await appendUpdates(db, { updates: [{ documentId: document.id, update: updates.at(-1)! }] });
    };
    await append("first ");
    await append("second ");
    expect(await store.compact(document.id)).toBe(2);
    await append("third");
    expect(await store.compact(document.id)).toBe(1);

    const snapshot = await findSnapshot(db, { documentId: document.id });
    expect(snapshot?.folded).toBe("3");
    expect(textOf(snapshot!.state)).toBe("first second third");
    expect(Uint8Array.from(snapshot!.stateVector!)).toEqual(Y.encodeStateVector(source));
  });

  it("returns to no loaded documents after a thousand were opened and closed", async () => {
    const { city, cookie } = await setUp();
    const { db } = database.handle;
    const spaceId = (await findCitySpaceId(db, { cityId: city.id }))!;
    const ids = (
      await db
        .insertInto("documents")
        .values(
          Array.from({ length: 1000 }, (_, index) => ({
            space_id: spaceId,
            kind: "page",
            title: `P${index}`,
          })),
        )
        .returning("id")
        .execute()
    ).map((row) => row.id);

    const base = env.workspace.url.replace("http", "ws");
    const origin = env.workspace.services.config.publicOrigin;
    const openAndClose = (id: string) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`${base}/collab/${id}`, { headers: { Cookie: cookie, Origin: origin } });
        socket.on("message", () => {
          const doc = new Y.Doc();
          doc.getText("body").insert(0, id);
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MessageType.Sync);
          syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
          socket.send(encoding.toUint8Array(encoder), () => socket.close());
        });
        socket.on("close", () => resolve());
        socket.on("error", reject);
      });
    for (let start = 0; start < ids.length; start += 50) {
      await Promise.all(ids.slice(start, start + 50).map(openAndClose));
    }
    await waitFor(() => env.workspace.collab.hub.loadedCount === 0, 30_000, "every document to unload");
    const stored = await db
      .selectFrom("doc_snapshots")
      .select("document_id")
      .where("document_id", "in", ids)
      .execute();
    expect(stored.length).toBe(ids.length);
  }, 90_000);
});

// On PostgreSQL a large document is rebuilt from storage in a worker thread with its own connection,
// so that encoding it does not stall the event loop; PGlite runs in the server's thread, so there
// every compaction does too.
describe.runIf(testDatabaseKind === "postgres")("compaction in the compactor's thread", () => {
  async function rowsOfThree(compactionDatabase: DatabaseOptions) {
    const { document } = await setUp();
    const { db } = database.handle;
    const warnings: string[] = [];
    const logger = pino(
      { level: "warn" },
      { write: (line: string) => void warnings.push(JSON.parse(line).msg) },
    );
    const store = new UpdateStore(db, logger, {
      compactionDatabase: compactionDatabase as Extract<DatabaseOptions, { kind: "postgres" }>,
      compactInWorkerFromItems: 1,
    });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    for (const text of ["one ", "two ", "three"])
      source.getText("body").insert(source.getText("body").length, text);
    await appendUpdates(db, { updates: updates.map((update) => ({ documentId: document.id, update })) });
    await store.load(document.id);
    // A loaded copy that holds only the first row: a snapshot encoded from it would lose the rest.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updates[0]!);
    return { document, db, store, copy, warnings };
  }

  async function expectFoldedFromStorage(db: Kysely<Database>, documentId: string) {
    expect(await countUpdates(db, { documentId })).toBe(0);
    const snapshot = await findSnapshot(db, { documentId });
    expect(snapshot?.folded).toBe("3");
    expect(textOf(snapshot!.state)).toBe("one two three");
  }

  it("folds a large document's rows into a snapshot rebuilt from storage", async () => {
    const { document, db, store, copy, warnings } = await rowsOfThree(database.handle.options);
    try {
      expect(await store.compact(document.id, () => copy)).toBe(3);
      await expectFoldedFromStorage(db, document.id);
      expect(warnings).toEqual([]);
    } finally {
      await store.drain();
    }
  }, 60_000);

  it("compacts in the server's thread when the worker cannot reach the database", async () => {
    const options = database.handle.options as Extract<DatabaseOptions, { kind: "postgres" }>;
    const unreachable = new URL(options.url);
    unreachable.pathname = "/no_such_database";
    const { document, db, store, copy, warnings } = await rowsOfThree({
      ...options,
      url: unreachable.toString(),
    });
    try {
      expect(await store.compact(document.id, () => copy)).toBe(3);
      await expectFoldedFromStorage(db, document.id);
      expect(warnings).toEqual(["compaction in the worker thread failed; compacting here"]);
    } finally {
      await store.drain();
    }
  }, 60_000);
});
