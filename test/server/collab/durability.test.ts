import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import {
  InsertQueryNode,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUpdates } from "../../../db/repositories/doc-updates";
import type { Database } from "../../../db/schema";
import { MessageType } from "../../../shared/collab";
import { UpdateStore } from "../../../server/collab/persistence";
import { createLogger } from "../../../server/logger";
import { createDocument } from "../../../server/documents/commands";
import type { RunningWorkspace } from "../../../server/workspace";
import { missingUpdates } from "../../durability/editor";
import { runDurabilitySession, type DatabaseTarget } from "../../durability/run";
import { sessionCookie, startCollabWorkspace, waitFor } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";

/**
 * kill -9 durability against the real server process: clients edit, the server is killed with
 * SIGKILL at a seeded random moment, and after a restart a fresh load (through the restarted
 * server, then straight from the database) must contain every update that was acknowledged.
 * `npm run test:durability` runs hundreds of these.
 */
const target: DatabaseTarget = process.env.TEST_DATABASE_URL
  ? { kind: "postgres", url: process.env.TEST_DATABASE_URL }
  : { kind: "embedded" };

/** A raw collaboration socket that counts the acknowledgements and relayed updates it receives. */
async function openRawSocket(workspace: RunningWorkspace, documentId: string, cookie: string) {
  const socket = new WebSocket(`${workspace.url.replace(/^http/, "ws")}/collab/${documentId}?acks=1`, {
    headers: { Cookie: cookie, Origin: workspace.services.config.publicOrigin },
  });
  socket.on("error", () => {});
  const state = { acknowledged: 0, relayed: 0 };
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Ack) state.acknowledged = decoding.readVarUint(decoder);
    if (type === MessageType.Sync && decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate)
      state.relayed++;
  });
  await new Promise((resolve) => socket.once("open", resolve));
  const send = (syncType: number, update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, update);
    socket.send(encoding.toUint8Array(encoder));
  };
  return { socket, state, send };
}

/**
 * What a stock provider does when someone types while it reconnects: edits made offline leave
 * only with the sync step 2, but an edit made once the socket is open goes out at once, and it
 * can depend on the offline ones. Yjs parks such an update as pending, in memory only.
 */
async function typedWhileReconnecting(workspace: RunningWorkspace, db: Kysely<Database>) {
  const { city, members } = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: members.lead.id,
    input: { kind: "page", title: "Typed while reconnecting" },
  });
  const cookie = await sessionCookie(workspace.url, members.editor.email, members.editor.password);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  doc.getText("text").insert(0, "typed offline");
  doc.getText("text").insert(13, ", then online");
  const { socket, state, send } = await openRawSocket(workspace, document.id, cookie);
  return { db, document, cookie, doc, updates, socket, state, send };
}

describe("kill -9 durability", () => {
  // Three kill runs in a row on one database, each with its own seed derived from SEED. With 1:
  // killed mid-edit; killed as the edits stop, acks in flight; killed early, while three clients
  // that typed through the handshake still wait for their sync step 2.
  const SEED = Number(process.env.DURABILITY_SEED ?? 1);
  it(
    `loses no acknowledged update when the server is killed (seed ${SEED})`,
    { timeout: 120_000 },
    async () => {
      const lines: string[] = [];
      const result = await runDurabilitySession({
        target,
        runs: 3,
        seed: SEED,
        // Some clients edit before their socket opens (those edits go in the sync step 2), some of
        // them right through the handshake, so that their first updates on the open socket depend
        // on offline ones still to come (see the tests below).
        editBeforeSync: 0.3,
        editThroughSync: 0.3,
        log: (line) => lines.push(line),
      });
      const report = lines.join("\n");

      expect(result.runs, report).toBe(3);
      expect(result.accountingErrors, report).toEqual([]);
      expect(result.lost, report).toEqual([]);
      // There was something to check.
      expect(result.acknowledged, report).toBeGreaterThan(0);
    },
  );
});

describe("an update whose dependencies have not arrived yet", () => {
  const database = useTestDatabase();
  let workspace: RunningWorkspace;
  beforeAll(async () => {
    // A slow group commit, so that an early acknowledgement shows before the rows are written.
    workspace = await startCollabWorkspace(database.handle, { commitDelayMs: 300 });
  });
  afterAll(() => workspace?.stop());
  const setUp = () => typedWhileReconnecting(workspace, database.handle.db);

  it("is stored with its dependencies once they arrive, and acknowledged", async () => {
    const { db, document, updates, socket, state, send } = await setUp();
    send(syncProtocol.messageYjsUpdate, updates[1]!);
    send(syncProtocol.messageYjsSyncStep2, updates[0]!);
    await waitFor(() => state.acknowledged === 2, 5_000, "both acknowledged");
    const stored = new Y.Doc();
    const { updates: rows } = await new UpdateStore(db, createLogger("silent")).load(document.id);
    for (const update of rows) Y.applyUpdate(stored, update);
    expect(missingUpdates(stored, updates)).toEqual([]);
    expect(stored.getText("text").toString()).toBe("typed offline, then online");
    socket.close();
  });

  // Content Yjs parks until its dependencies arrive is not stored, so it is not acknowledged.
  it("is not acknowledged while it is held in memory only", async () => {
    const { db, document, updates, socket, state, send } = await setUp();
    send(syncProtocol.messageYjsUpdate, updates[1]!);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rows = await countUpdates(db, { documentId: document.id });
    socket.close();
    expect(rows).toBe(0);
    expect(state.acknowledged).toBe(0);
  });

  it("is not acknowledged before its dependencies, arriving right behind it, are stored", async () => {
    const { db, document, updates, socket, state, send } = await setUp();
    // Both in one go, as a provider sends them when the socket opens during typing.
    send(syncProtocol.messageYjsUpdate, updates[1]!);
    send(syncProtocol.messageYjsSyncStep2, updates[0]!);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const acknowledgedEarly = state.acknowledged;
    const rowsEarly = await countUpdates(db, { documentId: document.id });
    await waitFor(() => state.acknowledged === 2, 5_000, "both acknowledged");
    socket.close();
    expect({ acknowledgedEarly, rowsEarly }).toEqual({ acknowledgedEarly: 0, rowsEarly: 0 });
    expect(await countUpdates(db, { documentId: document.id })).toBeGreaterThan(0);
  });
});

/**
 * While closed, holds back the result of every INSERT of update rows until let go, so that the store
 * sees a slow commit (the first one of a test runs in a transaction, whose commit waits too).
 */
class SlowCommits implements KyselyPlugin {
  private readonly inserts = new WeakSet<QueryId>();
  private readonly held: (() => void)[] = [];
  private closed = false;

  get waiting(): number {
    return this.held.length;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (InsertQueryNode.is(node) && node.into?.table.identifier.name === "doc_updates")
      this.inserts.add(queryId);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.closed && this.inserts.has(queryId))
      await new Promise<void>((resolve) => this.held.push(resolve));
    return result;
  }

  close(): void {
    this.closed = true;
  }

  /** Lets the oldest held INSERT finish. */
  letOneGo(): void {
    this.held.shift()?.();
  }

  open(): void {
    this.closed = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

describe("the acknowledgement that follows a released hold", () => {
  const database = useTestDatabase();
  const commits = new SlowCommits();
  let workspace: RunningWorkspace;
  beforeAll(async () => {
    const { handle } = database;
    workspace = await startCollabWorkspace({ ...handle, db: handle.db.withPlugin(commits) });
  });
  afterAll(() => {
    commits.open();
    return workspace?.stop();
  });

  // The commit that stores what released a hold may take long; messages applied meanwhile wait for
  // the next one, and an acknowledgement that counted them would promise what a crash can lose.
  it("covers what its commit stored, not what was applied while that commit was written", async () => {
    const { db, document, cookie, doc, updates, socket, state, send } = await typedWhileReconnecting(
      workspace,
      database.handle.db,
    );
    const receiver = await openRawSocket(workspace, document.id, cookie);
    commits.close();
    // Held: it depends on the offline edits, which the sync step 2 then brings.
    send(syncProtocol.messageYjsUpdate, updates[1]!);
    send(syncProtocol.messageYjsSyncStep2, updates[0]!);
    await waitFor(() => commits.waiting === 1, 5_000, "the first commit to be written");
    doc.getText("text").insert(0, "Later: ");
    send(syncProtocol.messageYjsUpdate, updates[2]!);
    await waitFor(() => receiver.state.relayed === 2, 5_000, "the third update to be applied and relayed");

    commits.letOneGo();
    await waitFor(() => state.acknowledged > 0, 5_000, "the first acknowledgement");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const acknowledgedBeforeSecondCommit = state.acknowledged;

    commits.open();
    await waitFor(() => state.acknowledged === 3, 5_000, "the third message to be acknowledged");
    socket.close();
    receiver.socket.close();
    expect(acknowledgedBeforeSecondCommit).toBe(2);
    expect(await countUpdates(db, { documentId: document.id })).toBe(2);
  });
});
