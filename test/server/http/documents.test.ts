import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDocumentsOfCity } from "../../../db/repositories/documents";
import { createCity } from "../../../server/cities/commands";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers, buildUser } from "../../support/factories";
import { pageText, startTestWorkspace, TestClient } from "../../support/http";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

async function signedIn(user: { email: string; password: string }) {
  const client = new TestClient(workspace.url);
  await client.signIn(user.email, user.password);
  return client;
}

describe("documents of a city", () => {
  it("gives a new city its vision, guiding principles and operating model", async () => {
    const { db } = database.handle;
    const user = await buildUser(db);
    const city = await createCity(db, user.id, { name: "Newtown", slug: "newtown", country: "UK" });
    const documents = await listDocumentsOfCity(db, { cityId: city.id, archived: false });
    expect(documents.map((document) => document.kind).sort()).toEqual([
      "operating-model",
      "principles",
      "vision",
    ]);
  });

  it("lets an editor create, archive and restore; only a lead deletes", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const base = `/c/${city.slug}/docs`;
    const editor = await signedIn(members.editor);

    const created = await editor.post(base, { intent: "create", title: "Smart parking pilot", kind: "page" });
    expect(created.status).toBe(302);
    const documentId = created.headers.get("location")!.split("/").at(-1)!;
    expect(await pageText(await editor.get(`${base}/${documentId}`))).toContain("Smart parking pilot");

    await editor.post(base, { intent: "archive", documentId });
    expect(await pageText(await editor.get(base))).not.toContain("Smart parking pilot");
    expect(await pageText(await editor.get(`${base}?archived=1`))).toContain("Smart parking pilot");
    await editor.post(base, { intent: "restore", documentId });
    expect(await pageText(await editor.get(base))).toContain("Smart parking pilot");

    expect((await editor.post(base, { intent: "delete", documentId })).status).toBe(403);
    const lead = await signedIn(members.lead);
    const deleted = await lead.post(base, { intent: "delete", documentId });
    expect(await pageText(deleted)).toContain("“Smart parking pilot” was deleted");
    expect((await lead.get(`${base}/${documentId}`)).status).toBe(404);
  });

  it("shows field errors for a document without a title", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const editor = await signedIn(members.editor);
    const response = await editor.post(`/c/${city.slug}/docs`, {
      intent: "create",
      title: " ",
      kind: "page",
    });
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain("Enter a title");
  });

  it("refuses changes to viewers and commenters", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    for (const role of ["viewer", "commenter"] as const) {
      const client = await signedIn(members[role]);
      const response = await client.post(`/c/${city.slug}/docs`, {
        intent: "create",
        title: "Nope",
        kind: "page",
      });
      expect(response.status, role).toBe(403);
    }
  });

  it("answers 404 for another city's documents", async () => {
    const { db } = database.handle;
    const home = await buildCityWithMembers(db);
    const other = await buildCityWithMembers(db);
    const lead = await signedIn(other.members.lead);
    const created = await lead.post(`/c/${other.city.slug}/docs`, {
      intent: "create",
      title: "Private",
      kind: "page",
    });
    const documentId = created.headers.get("location")!.split("/").at(-1)!;

    const stranger = await signedIn(home.members.lead);
    expect((await stranger.get(`/c/${other.city.slug}/docs/${documentId}`)).status).toBe(404);
    // Even under the stranger's own city, another city's document id leads nowhere.
    expect((await stranger.get(`/c/${home.city.slug}/docs/${documentId}`)).status).toBe(404);
    expect((await stranger.get(`/c/${home.city.slug}/docs/not-a-uuid`)).status).toBe(404);
  });
});
