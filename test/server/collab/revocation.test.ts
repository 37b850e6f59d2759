import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../shared/collab";
import { changeRole, removeMember } from "../../../server/cities/commands";
import { createDocument, deleteDocument } from "../../../server/documents/commands";
import { connectClient, sessionCookie, waitFor, useCollabWorkspace } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";
import { TestClient } from "../../support/http";

const database = useTestDatabase();
const env = useCollabWorkspace(database, { accessCheckIntervalMs: 200 });

async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: members.lead.id,
    input: { kind: "vision", title: "Vision" },
  });
  const connect = async (user: { email: string; password: string }) => {
    const client = connectClient({
      baseUrl: env.workspace.url,
      documentId: document.id,
      cookie: await sessionCookie(env.workspace.url, user.email, user.password),
    });
    env.clients.push(client);
    await waitFor(() => client.session.state.status === "saved", 10_000, "sync");
    return client;
  };
  return { city, members, document, connect };
}

describe("revocation", () => {
  it("closes an open connection within seconds of the member being removed", async () => {
    const { city, members, connect } = await setUp();
    const editor = await connect(members.editor);
    await removeMember(database.handle.db, { cityId: city.id, userId: members.editor.id });
    await waitFor(() => editor.session.state.closed !== null, 5_000, "the connection to close");
    expect(editor.session.state.closed?.code).toBe(CloseCode.Forbidden);
    expect(editor.session.state.status).toBe("offline");
  });

  it("makes a connection read-only when the role is lowered, and stores nothing it sends after", async () => {
    const { city, members, connect } = await setUp();
    const lead = await connect(members.lead);
    const editor = await connect(members.editor);
    await changeRole(database.handle.db, { cityId: city.id, userId: members.editor.id, role: "viewer" });
    await waitFor(() => editor.session.state.readOnly, 5_000, "read-only");

    editor.doc.getText("body").insert(0, "after demotion");
    lead.doc.getText("body").insert(0, "lead");
    await waitFor(() => editor.doc.getText("body").toString().includes("lead"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lead.doc.getText("body").toString()).toBe("lead");
  });

  it("closes the connections of a deleted document, while other documents keep saving", async () => {
    const { city, members, document, connect } = await setUp();
    const writer = await connect(members.editor);
    const other = await createDocument(database.handle.db, {
      cityId: city.id,
      createdBy: members.lead.id,
      input: { kind: "page", title: "Other" },
    });
    const elsewhere = connectClient({
      baseUrl: env.workspace.url,
      documentId: other.id,
      cookie: await sessionCookie(env.workspace.url, members.lead.email, members.lead.password),
    });
    env.clients.push(elsewhere);
    await waitFor(() => elsewhere.session.state.status === "saved");

    await deleteDocument(database.handle.db, { cityId: city.id, documentId: document.id });
    writer.doc.getText("body").insert(0, "into the void");
    await waitFor(() => writer.session.state.closed !== null, 5_000, "the connection to close");
    expect(writer.session.state.closed?.code).toBe(CloseCode.DocumentDeleted);

    elsewhere.doc.getText("body").insert(0, "still saving");
    await waitFor(() => elsewhere.session.state.unacknowledged === 0, 5_000, "the other document to save");
  });

  it("closes the sockets of a session that signed out", async () => {
    const { members, document } = await setUp();
    const browser = new TestClient(env.workspace.url);
    await browser.signIn(members.editor.email, members.editor.password);
    const client = connectClient({
      baseUrl: env.workspace.url,
      documentId: document.id,
      cookie: `scf_session=${browser.cookies.get("scf_session")}`,
    });
    env.clients.push(client);
    await waitFor(() => client.session.state.status === "saved");
    await browser.post("/logout", {});
    await waitFor(() => client.session.state.closed !== null, 5_000, "the connection to close");
    expect(client.session.state.closed?.code).toBe(CloseCode.Unauthorized);
  });
});
