import type { Socket } from "node:net";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { listUpdates } from "../../../db/repositories/doc-updates";
import { MessageType } from "../../../shared/collab";
import { createDocument } from "../../../server/documents/commands";
import { connectClient, sessionCookie, waitFor, useCollabWorkspace } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";

const database = useTestDatabase();
const env = useCollabWorkspace(database);

async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: members.lead.id,
    input: { kind: "vision", title: "Vision" },
  });
  const cookieOf = (role: keyof typeof members) =>
    sessionCookie(env.workspace.url, members[role].email, members[role].password);
  const connect = async (role: keyof typeof members) => {
    const client = connectClient({
      baseUrl: env.workspace.url,
      documentId: document.id,
      cookie: await cookieOf(role),
    });
    env.clients.push(client);
    await waitFor(() => client.session.state.status === "saved", 10_000, `${role} to sync`);
    return client;
  };
  return { city, members, document, connect };
}

describe("collaboration", () => {
  it("lets two editors converge, and a client joining later gets the whole document", async () => {
    const { connect } = await setUp();
    const lead = await connect("lead");
    const editor = await connect("editor");

    lead.doc.getText("body").insert(0, "A city for everyone. ");
    editor.doc.getText("body").insert(0, "Open data first. ");
    editor.doc.getMap("meta").set("owner", "programme office");

    const expected = () => lead.doc.getText("body").toString();
    await waitFor(() => editor.doc.getText("body").toString() === expected() && expected().length === 38);
    expect(lead.doc.getMap("meta").get("owner")).toBe("programme office");

    const late = await connect("commenter");
    await waitFor(() => late.doc.getText("body").toString() === expected());
    expect(late.doc.getMap("meta").toJSON()).toEqual({ owner: "programme office" });
  });

  it("acknowledges an edit once it is stored: saving, then saved", async () => {
    const { connect, document } = await setUp();
    const lead = await connect("lead");
    const seen: string[] = [];
    lead.session.subscribe((state) => seen.push(`${state.status}:${state.unacknowledged}`));

    lead.doc.getText("body").insert(0, "Stored before it is acknowledged.");
    expect(lead.session.state).toMatchObject({ status: "saving", unacknowledged: 1 });
    await waitFor(() => lead.session.state.status === "saved");
    expect(seen).toContain("saving:1");
    expect(seen.at(-1)).toBe("saved:0");

    const rows = await database.handle.db
      .selectFrom("doc_updates")
      .select("id")
      .where("document_id", "=", document.id)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
  });

  it("takes a burst of edits from several editors at once: every one relayed and acknowledged", async () => {
    const { connect } = await setUp();
    const editors = await Promise.all([connect("lead"), connect("editor"), connect("editor")]);
    const perEditor = 40;
    editors.forEach((client, index) => {
      for (let edit = 0; edit < perEditor; edit++)
        client.doc.getArray<string>("log").push([`${index}:${edit}`]);
    });
    const all = editors.length * perEditor;

    for (const client of editors) {
      await waitFor(() => client.doc.getArray("log").length === all, 10_000, "every edit relayed");
      await waitFor(
        () => client.session.state.status === "saved" && client.session.state.unacknowledged === 0,
      );
    }
    const late = await connect("commenter");
    expect(new Set(late.doc.getArray<string>("log").toArray()).size).toBe(all);
  });

  it("stores edits that arrive together as one row, and acknowledges each of them", async () => {
    const { document, members } = await setUp();
    const cookie = await sessionCookie(env.workspace.url, members.editor.email, members.editor.password);
    const socket = new WebSocket(`${env.workspace.url.replace("http", "ws")}/collab/${document.id}?acks=1`, {
      headers: { Cookie: cookie, Origin: env.workspace.services.config.publicOrigin },
    });
    const acknowledged: number[] = [];
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) === MessageType.Ack) acknowledged.push(decoding.readVarUint(decoder));
    });
    await new Promise((resolve) => socket.once("open", resolve));
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on("update", (update: Uint8Array) => updates.push(update));
    for (let index = 0; index < 30; index++) writer.getArray<number>("burst").push([index]);

    // One write to the socket: the server reads the whole burst at once.
    const raw = (socket as unknown as { _socket: Socket })._socket;
    raw.cork();
    for (const update of updates) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      socket.send(encoding.toUint8Array(encoder));
    }
    raw.uncork();

    await waitFor(() => acknowledged.at(-1) === 30, 10_000, "the whole burst acknowledged");
    const rows = await listUpdates(database.handle.db, { documentId: document.id });
    // The first edit goes out at once; the rest are gathered into a few batches (how many depends on
    // how the socket's reads fall), far fewer than one row per edit.
    expect(rows.length).toBeLessThanOrEqual(5);
    const stored = new Y.Doc();
    for (const row of rows) Y.applyUpdate(stored, row.update);
    expect(stored.getArray("burst").toArray()).toEqual([...Array(30).keys()]);
    socket.close();
    writer.destroy();
  });

  it("counts edits made offline and saves them after reconnecting", async () => {
    const { connect } = await setUp();
    const lead = await connect("lead");
    const editor = await connect("editor");

    lead.session.provider.disconnect();
    await waitFor(() => lead.session.state.status === "offline");
    lead.doc.getText("body").insert(0, "one ");
    lead.doc.getText("body").insert(0, "two ");
    expect(lead.session.state).toMatchObject({ status: "offline", unacknowledged: 2 });

    lead.session.provider.connect();
    await waitFor(() => lead.session.state.status === "saved");
    expect(lead.session.state.unacknowledged).toBe(0);
    await waitFor(() => editor.doc.getText("body").toString() === "two one ");
  });

  it("records who changed a document last", async () => {
    const { connect, document, members } = await setUp();
    const editor = await connect("editor");
    editor.doc.getText("body").insert(0, "edited");
    await waitFor(() => editor.session.state.status === "saved" && editor.session.state.unacknowledged === 0);
    const row = await database.handle.db
      .selectFrom("documents")
      .select(["updated_by"])
      .where("id", "=", document.id)
      .executeTakeFirstOrThrow();
    expect(row.updated_by).toBe(members.editor.id);
  });
});
