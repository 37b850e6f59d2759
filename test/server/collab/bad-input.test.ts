import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CloseCode, MessageType } from "../../../shared/collab";
import { createDocument } from "../../../server/documents/commands";
import { connectClient, sessionCookie, waitFor, useCollabWorkspace } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";

const database = useTestDatabase();
const env = useCollabWorkspace(database, {
  maxMessageBytes: 64 * 1024,
  limits: { messageBurst: 50, messagesPerSecond: 25 },
});

async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: members.lead.id,
    input: { kind: "vision", title: "Vision" },
  });
  const cookie = await sessionCookie(env.workspace.url, members.editor.email, members.editor.password);
  const client = connectClient({ baseUrl: env.workspace.url, documentId: document.id, cookie });
  env.clients.push(client);
  await waitFor(() => client.session.state.status === "saved");
  client.doc.getText("body").insert(0, "intact");
  await waitFor(() => client.session.state.unacknowledged === 0);

  const raw = async () => {
    const socket = new WebSocket(`${env.workspace.url.replace("http", "ws")}/collab/${document.id}`, {
      headers: { Cookie: cookie, Origin: env.workspace.services.config.publicOrigin },
    });
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    socket.on("error", () => {});
    await new Promise((resolve) => socket.once("open", resolve));
    return { socket, closed };
  };
  return { document, client, cookie, raw };
}

function message(type: number, ...bytes: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  for (const byte of bytes) encoding.writeUint8(encoder, byte);
  return encoding.toUint8Array(encoder);
}

describe("bad input", () => {
  it.each([
    ["an unknown message type", message(42)],
    ["an unknown sync step", message(MessageType.Sync, 7)],
    ["an update that does not decode", message(MessageType.Sync, 2, 5, 0xff, 0xff, 0xff, 0xff, 0xff)],
    ["a truncated update", message(MessageType.Sync, 2, 200, 1, 2)],
    ["awareness that is not JSON", message(MessageType.Awareness, 6, 1, 1, 1, 2, 0x7b, 0x7b)],
  ])("closes the connection that sent %s, and only that one", async (_name, bytes) => {
    const { client, raw } = await setUp();
    const bad = await raw();
    bad.socket.send(bytes);
    expect(await bad.closed).toBe(CloseCode.MalformedMessage);

    client.doc.getText("body").insert(6, " and live");
    await waitFor(() => client.session.state.unacknowledged === 0);
    expect(client.session.state.status).toBe("saved");
    expect((await fetch(`${env.workspace.url}/healthz`)).status).toBe(200);
  });

  it("keeps the edits that arrive in the same burst as a bad update, and closes only its sender", async () => {
    const { client, raw } = await setUp();
    const bad = await raw();
    const writer = new Y.Doc();
    const good = await raw();
    const updates: Uint8Array[] = [];
    writer.on("update", (update: Uint8Array) => updates.push(update));
    for (let index = 0; index < 20; index++) writer.getArray<number>("burst").push([index]);
    const syncUpdate = (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, update);
      return encoding.toUint8Array(encoder);
    };
    updates.forEach((update, index) => {
      good.socket.send(syncUpdate(update));
      if (index === 10) bad.socket.send(message(MessageType.Sync, 2, 200, 1, 2));
    });

    expect(await bad.closed).toBe(CloseCode.MalformedMessage);
    await waitFor(() => client.doc.getArray("burst").length === 20, 10_000, "the good burst to arrive");
    expect(client.doc.getArray("burst").toArray()).toEqual([...Array(20).keys()]);
    expect(good.socket.readyState).toBe(WebSocket.OPEN);
    good.socket.close();
    writer.destroy();
  });

  it("refuses a frame above the limit with 1009", async () => {
    const { raw } = await setUp();
    const big = await raw();
    big.socket.send(new Uint8Array(65 * 1024));
    expect(await big.closed).toBe(CloseCode.MessageTooBig);
  });

  it("closes a connection that floods the server with messages", async () => {
    const { client, raw } = await setUp();
    const flood = await raw();
    for (let index = 0; index < 200; index++) flood.socket.send(message(MessageType.QueryAwareness));
    expect(await flood.closed).toBe(CloseCode.TooManyMessages);
    expect(client.session.state.status).toBe("saved");
  });

  it("keeps the document intact for a fresh reader", async () => {
    const { document, cookie, raw } = await setUp();
    const bad = await raw();
    bad.socket.send(message(MessageType.Sync, 2, 5, 0xff, 0xff, 0xff, 0xff, 0xff));
    await bad.closed;
    const reader = connectClient({ baseUrl: env.workspace.url, documentId: document.id, cookie });
    env.clients.push(reader);
    await waitFor(() => reader.session.state.status === "saved");
    expect(reader.doc.getText("body").toString()).toBe("intact");
  });
});
