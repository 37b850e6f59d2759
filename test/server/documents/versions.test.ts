import { describe, expect, it } from "vitest";
import { listVersions } from "../../../db/repositories/versions";
import { createDocument } from "../../../server/documents/commands";
import { connectClient, sessionCookie, waitFor, useCollabWorkspace } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";
import { pageText, TestClient } from "../../support/http";
import * as Y from "yjs";

const database = useTestDatabase();
const env = useCollabWorkspace(database, { versionAfterQuietMs: 300 });

/** Writes a paragraph as the editor does: an XmlElement "paragraph" holding XmlText. */
function setParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment("default");
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  });
}

const textOf = (doc: Y.Doc) =>
  doc
    .getXmlFragment("default")
    .toString()
    .replace(/<[^>]+>/g, "");

async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: members.lead.id,
    input: { kind: "vision", title: "Vision" },
  });
  const editor = connectClient({
    baseUrl: env.workspace.url,
    documentId: document.id,
    cookie: await sessionCookie(env.workspace.url, members.editor.email, members.editor.password),
  });
  env.clients.push(editor);
  await waitFor(() => editor.session.state.status === "saved");
  const http = async (role: keyof typeof members) => {
    const client = new TestClient(env.workspace.url);
    await client.signIn(members[role].email, members[role].password);
    return client;
  };
  const base = `/c/${city.slug}/docs/${document.id}`;
  return { city, members, document, editor, http, base };
}

describe("versions", () => {
  it("saves a named version, shows what changed since, and restores it live as a new change", async () => {
    const { editor, http, base, document } = await setUp();
    setParagraph(editor.doc, "A city that listens.");
    await waitFor(() => editor.session.state.unacknowledged === 0);

    const lead = await http("lead");
    const saved = await lead.post(`${base}/versions`, { name: "Agreed at the board" });
    expect(saved.status).toBe(302);
    const versionPath = saved.headers.get("location")!;

    setParagraph(editor.doc, "A city that acts.");
    await waitFor(() => editor.session.state.unacknowledged === 0);

    const view = await pageText(await lead.get(versionPath));
    expect(view).toContain("Agreed at the board");
    expect(view).toContain("<del>listens</del>");
    expect(view).toContain("<ins>acts</ins>");
    expect(view).toContain("A city that listens.");

    const restored = await lead.post(versionPath, {});
    expect(restored.status).toBe(302);
    await waitFor(() => textOf(editor.doc) === "A city that listens.", 5_000, "the restore to arrive live");

    const names = (await listVersions(database.handle.db, { documentId: document.id })).map(
      (version) => version.name,
    );
    expect(names).toContain("Agreed at the board");
  });

  it("takes a version automatically after a stretch of editing", async () => {
    const { editor, document } = await setUp();
    setParagraph(editor.doc, "Draft one.");
    await waitFor(() => editor.session.state.unacknowledged === 0);
    let versions: Awaited<ReturnType<typeof listVersions>> = [];
    const started = Date.now();
    while (versions.length === 0 && Date.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      versions = await listVersions(database.handle.db, { documentId: document.id });
    }
    expect(versions).toHaveLength(1);
    expect(versions[0]!.name).toBeNull();
  });

  it("lets viewers read the history but neither save nor restore", async () => {
    const { http, base } = await setUp();
    const lead = await http("lead");
    const versionPath = (await lead.post(`${base}/versions`, { name: "v1" })).headers.get("location")!;
    const viewer = await http("viewer");
    expect((await viewer.get(versionPath)).status).toBe(200);
    expect(await pageText(await viewer.get(versionPath))).not.toContain("Restore this version");
    expect((await viewer.post(versionPath, {})).status).toBe(403);
    expect((await viewer.post(`${base}/versions`, { name: "mine" })).status).toBe(403);
  });

  it("asks for a name, and answers 404 for another city's versions", async () => {
    const home = await setUp();
    const other = await setUp();
    const lead = await home.http("lead");
    const unnamed = await lead.post(`${home.base}/versions`, { name: " " });
    expect(unnamed.status).toBe(400);
    expect(await pageText(unnamed)).toContain("Give the version a name");

    const otherPath = (
      await (await other.http("lead")).post(`${other.base}/versions`, { name: "secret" })
    ).headers.get("location")!;
    expect((await lead.get(otherPath)).status).toBe(404);
    const versionId = otherPath.split("/").at(-1)!;
    expect((await lead.get(`${home.base}/versions/${versionId}`)).status).toBe(404);
  });
});
