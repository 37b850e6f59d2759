import { randomUUID } from "node:crypto";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { MessageType } from "../../../shared/collab";
import { createDocument } from "../../../server/documents/commands";
import {
  connectClient,
  sessionCookie,
  upgradeStatus,
  waitFor,
  useCollabWorkspace,
} from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";

const database = useTestDatabase();
const env = useCollabWorkspace(database);

async function setUp() {
  const { db } = database.handle;
  const home = await buildCityWithMembers(db);
  const other = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: home.city.id,
    createdBy: home.members.lead.id,
    input: { kind: "vision", title: "Vision" },
  });
  const cookie = (user: { email: string; password: string }) =>
    sessionCookie(env.workspace.url, user.email, user.password);
  const connect = async (user: { email: string; password: string }) => {
    const client = connectClient({
      baseUrl: env.workspace.url,
      documentId: document.id,
      cookie: await cookie(user),
    });
    env.clients.push(client);
    await waitFor(() => client.session.state.status === "saved", 10_000, "sync");
    return client;
  };
  return { home, other, document, cookie, connect };
}

describe("who may open a document", () => {
  it("refuses, before any upgrade, a foreign origin, a signed-out client, a member of another city, and bad ids", async () => {
    const { home, other, document, cookie } = await setUp();
    const url = (id: string) => `${env.workspace.url.replace("http", "ws")}/collab/${id}`;
    const origin = env.workspace.services.config.publicOrigin;
    const lead = await cookie(home.members.lead);

    expect(await upgradeStatus(url(document.id), { Cookie: lead, Origin: origin })).toBe(101);
    expect(await upgradeStatus(url(document.id), { Cookie: lead, Origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus(url(document.id), { Cookie: lead })).toBe(403);
    expect(await upgradeStatus(url(document.id), { Origin: origin })).toBe(401);
    expect(await upgradeStatus(url(document.id), { Cookie: "scf_session=forged", Origin: origin })).toBe(401);
    expect(
      await upgradeStatus(url(document.id), { Cookie: await cookie(other.members.lead), Origin: origin }),
    ).toBe(404);
    expect(await upgradeStatus(url("not-a-uuid"), { Cookie: lead, Origin: origin })).toBe(400);
    expect(await upgradeStatus(url(randomUUID()), { Cookie: lead, Origin: origin })).toBe(404);
  });

  it("gives viewers and commenters the document read-only: their edits are neither stored nor relayed", async () => {
    const { home, document, connect } = await setUp();
    const lead = await connect(home.members.lead);
    lead.doc.getText("body").insert(0, "Agreed text.");
    await waitFor(() => lead.session.state.unacknowledged === 0);

    for (const role of ["viewer", "commenter"] as const) {
      const reader = await connect(home.members[role]);
      await waitFor(() => reader.doc.getText("body").toString().startsWith("Agreed text."));
      expect(reader.session.state.readOnly).toBe(true);
      reader.doc.getText("body").insert(0, `${role} was here. `);
      // A later edit by the lead arrives, so anything relayed from the reader would have too.
      lead.doc.getText("body").insert(lead.doc.getText("body").length, " More.");
      await waitFor(() => reader.doc.getText("body").toString().endsWith(" More."));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(lead.doc.getText("body").toString()).not.toContain(role);
    }
    expect(lead.session.state.readOnly).toBe(false);

    const fresh = connectClient({
      baseUrl: env.workspace.url,
      documentId: document.id,
      cookie: await sessionCookie(env.workspace.url, home.members.editor.email, home.members.editor.password),
    });
    env.clients.push(fresh);
    await waitFor(() => fresh.doc.getText("body").toString().includes("More."));
    expect(fresh.doc.getText("body").toString()).toBe("Agreed text. More. More.");
  });

  it("stamps presence with the authenticated user, so nobody can appear as someone else", async () => {
    const { home, connect } = await setUp();
    const lead = await connect(home.members.lead);
    const editor = await connect(home.members.editor);

    editor.session.provider.awareness.setLocalStateField("user", {
      id: home.members.lead.id,
      name: "Not me",
    });
    editor.session.provider.awareness.setLocalStateField("cursor", { anchor: 3 });
    await waitFor(() => {
      const state = lead.session.provider.awareness.getStates().get(editor.doc.clientID);
      return state?.cursor !== undefined;
    });
    const seen = lead.session.provider.awareness.getStates().get(editor.doc.clientID) as {
      user: { id: string; name: string; color: string };
    };
    expect(seen.user.id).toBe(home.members.editor.id);
    expect(seen.user.name).toBe(home.members.editor.name);
    expect(seen.user.color).toMatch(/^#[0-9a-f]{6}$/);

    // A raw client claiming the lead's awareness id is ignored.
    const forger = new WebSocket(
      `${env.workspace.url.replace("http", "ws")}/collab/${editor.session.provider.roomname}`,
      {
        headers: {
          Cookie: await sessionCookie(
            env.workspace.url,
            home.members.editor.email,
            home.members.editor.password,
          ),
          Origin: env.workspace.services.config.publicOrigin,
        },
      },
    );
    await new Promise((resolve) => forger.once("open", resolve));
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = lead.doc.clientID;
    fake.setLocalState({ cursor: { anchor: 99 }, user: { id: "x", name: "Forged" } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID]));
    forger.send(encoding.toUint8Array(encoder));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const leadAsSeenByEditor = editor.session.provider.awareness.getStates().get(lead.doc.clientID) as
      { user?: { name: string } } | undefined;
    expect(leadAsSeenByEditor?.user?.name).not.toBe("Forged");
    forger.close();

    editor.destroy();
    await waitFor(
      () => !lead.session.provider.awareness.getStates().has(editor.doc.clientID),
      5_000,
      "presence gone",
    );
  });
});
