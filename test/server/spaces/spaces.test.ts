import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { setOcidPrefix } from "../../../server/procurement/publishing";
import { CloseCode } from "../../../shared/collab";
import type { DiscussionPostEvent } from "../../../shared/realtime";
import {
  connectClient,
  sessionCookie,
  upgradeStatus,
  useCollabWorkspace,
  waitFor,
} from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { pageText, TestClient } from "../../support/http";
import { connection, connectRealtime, type TestRealtimeSocket } from "../../support/realtime";
import { releasePackageErrors } from "../procurement/ocds-schema";
import { addOpportunities, buildCityWithPipeline, buildOpportunity } from "../procurement/support";

const database = useTestDatabase();
// The periodic access check is made slow here: losing a space must take effect without it.
const env = useCollabWorkspace(database, { accessCheckIntervalMs: 60_000 });

async function signedIn(person: { email: string; password: string }): Promise<TestClient> {
  const client = new TestClient(env.workspace.url);
  await client.signIn(person.email, person.password);
  return client;
}

async function setUp() {
  const { db } = database.handle;
  const [home, partner, outsider] = await Promise.all([
    buildCityWithPipeline(db),
    buildCityWithPipeline(db),
    buildCityWithPipeline(db),
  ]);
  return { db, home, partner, outsider };
}

/** Creates a space through the city's spaces page; returns its address. */
async function createSpace(lead: TestClient, citySlug: string, name: string): Promise<string> {
  const response = await lead.post(`/c/${citySlug}/spaces`, {
    intent: "create",
    name,
    purpose: "Working together",
  });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

async function spaceIdOf(slug: string): Promise<string> {
  const row = await database.handle.db
    .selectFrom("spaces")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function documentsOf(spaceId: string, kind = "page"): Promise<string> {
  const row = await database.handle.db
    .selectFrom("documents")
    .select("id")
    .where("space_id", "=", spaceId)
    .where("kind", "=", kind)
    .executeTakeFirstOrThrow();
  return row.id;
}

function collabUrl(documentId: string): string {
  return `${env.workspace.url.replace("http", "ws")}/collab/${documentId}`;
}

describe("shared spaces", () => {
  it("lets a lead create a space, and keeps it out of sight of every city not taking part, even by name", async () => {
    const { home, outsider } = await setUp();
    const lead = await signedIn(home.members.lead);
    const address = await createSpace(lead, home.city.slug, "Air quality sensors together");
    expect(address).toMatch(/^\/s\/air-quality-sensors-together-[0-9a-f]{6}$/);
    expect(await pageText(await lead.get(address))).toContain("Air quality sensors together");

    const stranger = await signedIn(outsider.members.lead);
    const hidden = await stranger.get(address);
    const missing = await stranger.get("/s/no-such-space-000000");
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    const withoutNonce = async (response: Response) => (await response.text()).replace(/nonce="[^"]*"/g, "");
    expect(await withoutNonce(hidden)).toBe(await withoutNonce(missing));
    expect(await pageText(await stranger.get(`/c/${outsider.city.slug}/spaces`))).not.toContain(
      "Air quality sensors together",
    );
    const notes = await documentsOf(await spaceIdOf(address.slice(3)));
    expect((await stranger.get(`${address}/docs/${notes}`)).status).toBe(404);
    const cookie = await sessionCookie(
      env.workspace.url,
      outsider.members.lead.email,
      outsider.members.lead.password,
    );
    expect(
      await upgradeStatus(collabUrl(notes), {
        Cookie: cookie,
        Origin: env.workspace.services.config.publicOrigin,
      }),
    ).toBe(404);
  });

  it("refuses a space without a name, keeping what was typed, and refuses non-leads", async () => {
    const { home } = await setUp();
    const lead = await signedIn(home.members.lead);
    const response = await lead.post(`/c/${home.city.slug}/spaces`, {
      intent: "create",
      name: " ",
      purpose: "Kept",
    });
    expect(response.status).toBe(400);
    const page = await pageText(response);
    expect(page).toContain("Name needs at least 3 characters");
    expect(page).toContain(">Kept</textarea>");
    const editor = await signedIn(home.members.editor);
    expect(
      (await editor.post(`/c/${home.city.slug}/spaces`, { intent: "create", name: "Ours" })).status,
    ).toBe(403);
  });

  it("opens the space to an invited city only once its lead accepts, each member with their own city role", async () => {
    const { home, partner } = await setUp();
    const lead = await signedIn(home.members.lead);
    const address = await createSpace(lead, home.city.slug, "Shared mobility data");
    const spaceId = await spaceIdOf(address.slice(3));
    expect((await lead.post(address + "?index", { intent: "invite", cityId: partner.city.id })).status).toBe(
      200,
    );

    const partnerLead = await signedIn(partner.members.lead);
    const partnerEditor = await signedIn(partner.members.editor);
    expect((await partnerLead.get(address)).status).toBe(404);
    const invitations = await pageText(await partnerLead.get(`/c/${partner.city.slug}/spaces`));
    expect(invitations).toContain("Invitations to answer");
    expect(invitations).toContain("Shared mobility data");
    // Only a lead answers for the city.
    expect(
      (await partnerEditor.post(`/c/${partner.city.slug}/spaces`, { intent: "accept", spaceId })).status,
    ).toBe(403);
    const accepted = await partnerLead.post(`/c/${partner.city.slug}/spaces`, { intent: "accept", spaceId });
    expect(accepted.headers.get("location")).toBe(address);

    const notes = await documentsOf(spaceId);
    const editorCookie = await sessionCookie(
      env.workspace.url,
      partner.members.editor.email,
      partner.members.editor.password,
    );
    const viewerCookie = await sessionCookie(
      env.workspace.url,
      partner.members.viewer.email,
      partner.members.viewer.password,
    );
    const writer = connectClient({ baseUrl: env.workspace.url, documentId: notes, cookie: editorCookie });
    const reader = connectClient({ baseUrl: env.workspace.url, documentId: notes, cookie: viewerCookie });
    env.clients.push(writer, reader);
    await waitFor(() => writer.session.state.status === "saved" && reader.session.state.status === "saved");
    expect(writer.session.state.readOnly).toBe(false);
    expect(reader.session.state.readOnly).toBe(true);
    writer.doc.getText("body").insert(0, "Both cities write here.");
    await waitFor(() => reader.doc.getText("body").toString() === "Both cities write here.");
  });

  it("keeps a city that declined out, as if the space did not exist", async () => {
    const { home, partner } = await setUp();
    const lead = await signedIn(home.members.lead);
    const address = await createSpace(lead, home.city.slug, "Declined together");
    const spaceId = await spaceIdOf(address.slice(3));
    await lead.post(address + "?index", { intent: "invite", cityId: partner.city.id });
    const partnerLead = await signedIn(partner.members.lead);
    const declined = await partnerLead.post(`/c/${partner.city.slug}/spaces`, { intent: "decline", spaceId });
    expect(declined.status).toBe(200);
    expect((await partnerLead.get(address)).status).toBe(404);
    // Answering twice is refused.
    expect(
      (await partnerLead.post(`/c/${partner.city.slug}/spaces`, { intent: "accept", spaceId })).status,
    ).toBe(409);
    const overview = await pageText(await lead.get(address));
    expect(overview).toMatch(new RegExp(`${partner.city.name}.*Declined`, "s"));
  });

  it("closes open document sockets and live discussion of a city that leaves, at once", async () => {
    const { home, partner } = await setUp();
    const lead = await signedIn(home.members.lead);
    const address = await createSpace(lead, home.city.slug, "Leaving soon");
    const spaceSlug = address.slice(3);
    const spaceId = await spaceIdOf(spaceSlug);
    await lead.post(address + "?index", { intent: "invite", cityId: partner.city.id });
    const partnerLead = await signedIn(partner.members.lead);
    await partnerLead.post(`/c/${partner.city.slug}/spaces`, { intent: "accept", spaceId });

    const notes = await documentsOf(spaceId);
    const cookie = await sessionCookie(
      env.workspace.url,
      partner.members.editor.email,
      partner.members.editor.password,
    );
    const client = connectClient({ baseUrl: env.workspace.url, documentId: notes, cookie });
    env.clients.push(client);
    await waitFor(() => client.session.state.status === "saved");
    const socket: TestRealtimeSocket = connectRealtime(env.workspace.url, cookie);
    try {
      expect(await connection(socket)).toBe("connected");
      expect(await new Promise((resolve) => socket.emit("space:join", spaceSlug, resolve))).toEqual({
        ok: true,
      });
      const heard: DiscussionPostEvent[] = [];
      socket.on("discussion:post", (event) => heard.push(event));
      await lead.post(address + "?index", {
        intent: "startThread",
        title: "Before",
        body: "Everyone hears this",
      });
      await waitFor(() => heard.length === 1, 5_000, "the first post");
      expect(heard[0]!.post.body).toBe("Everyone hears this");
      expect(heard[0]!.post.cityName).toBe(home.city.name);

      const left = await partnerLead.post(address + "?index", { intent: "leave", cityId: partner.city.id });
      expect(left.status).toBe(302);
      await waitFor(
        () => client.session.state.closed?.code === CloseCode.Forbidden,
        2_000,
        "the socket to close",
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await lead.post(address + "?index", { intent: "startThread", title: "After", body: "Not for them" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard.map((event) => event.post.body)).toEqual(["Everyone hears this"]);
      expect((await partnerLead.get(address)).status).toBe(404);
      expect(await new Promise((resolve) => socket.emit("space:join", spaceSlug, resolve))).toEqual({
        ok: false,
      });
    } finally {
      socket.disconnect();
    }
  });
});

describe("joint procurement", () => {
  async function propose() {
    const { db, home, partner, outsider } = await setUp();
    await setOcidPrefix(db, { cityId: home.city.id, prefix: "ocds-j01nt1" });
    const [rowId] = await addOpportunities(db, home.pipelineId, [
      buildOpportunity({ title: "Shared street lighting", value: 2_000_000 }),
    ]);
    const lead = await signedIn(home.members.lead);
    const response = await lead.request(`/c/${home.city.slug}/procurement/joint`, {
      method: "POST",
      body: new URLSearchParams([
        ["rowId", rowId!],
        ["city", partner.city.id],
        ["city", outsider.city.id],
      ]),
      headers: { Origin: lead.origin, "Sec-Fetch-Site": "same-origin" },
    });
    expect(response.status).toBe(302);
    const address = response.headers.get("location")!.replace(/\/opportunity$/, "");
    return { db, home, partner, outsider, lead, address, spaceId: await spaceIdOf(address.slice(3)) };
  }

  it("starts a space from an opportunity with a copy of it, which accepting cities co-edit live", async () => {
    const { home, partner, address, spaceId } = await propose();
    const partnerLead = await signedIn(partner.members.lead);
    await partnerLead.post(`/c/${partner.city.slug}/spaces`, { intent: "accept", spaceId });
    const page = await pageText(await partnerLead.get(`${address}/opportunity`));
    expect(page).toContain("Lead buyer");
    expect(page).toContain(home.city.name);

    const board = await documentsOf(spaceId, "pipeline");
    const homeCookie = await sessionCookie(
      env.workspace.url,
      home.members.editor.email,
      home.members.editor.password,
    );
    const partnerCookie = await sessionCookie(
      env.workspace.url,
      partner.members.editor.email,
      partner.members.editor.password,
    );
    const ours = connectClient({ baseUrl: env.workspace.url, documentId: board, cookie: homeCookie });
    const theirs = connectClient({ baseUrl: env.workspace.url, documentId: board, cookie: partnerCookie });
    env.clients.push(ours, theirs);
    await waitFor(() => ours.session.state.status === "saved" && theirs.session.state.status === "saved");
    const rows = theirs.doc.getMap<Y.Map<unknown>>("rows");
    const [rowId, row] = [...rows.entries()][0]!;
    expect(row.get("title")).toBe("Shared street lighting");
    expect(theirs.session.state.readOnly).toBe(false);
    row.set("value", 3_100_000);
    await waitFor(() => ours.doc.getMap<Y.Map<unknown>>("rows").get(rowId)?.get("value") === 3_100_000);
  });

  it("publishes one OCDS release that names every taking-part city as a buyer, and validates", async () => {
    const { home, partner, outsider, lead, address, spaceId } = await propose();
    const partnerLead = await signedIn(partner.members.lead);
    await partnerLead.post(`/c/${partner.city.slug}/spaces`, { intent: "accept", spaceId });
    const outsiderLead = await signedIn(outsider.members.lead);
    await outsiderLead.post(`/c/${outsider.city.slug}/spaces`, { intent: "decline", spaceId });

    // Only a lead of the lead buyer publishes.
    expect((await partnerLead.post(`${address}/opportunity`, {})).status).toBe(403);
    expect((await lead.post(`${address}/opportunity`, {})).status).toBe(200);

    const response = await fetch(`${env.workspace.url}/api/v1/cities/${home.city.slug}/pipeline.ocds.json`);
    const releasePackage = (await response.json()) as {
      releases: {
        tag: string[];
        buyer: { name: string };
        parties: { name: string; roles: string[] }[];
        tender: { title: string };
      }[];
    };
    expect(releasePackageErrors(releasePackage)).toEqual([]);
    const joint = releasePackage.releases.find(
      (release) => release.tender.title === "Shared street lighting",
    );
    expect(joint?.tag).toEqual(["planning"]);
    expect(joint?.buyer.name).toBe(home.city.name);
    expect(joint?.parties.map((party) => [party.name, party.roles])).toEqual([
      [home.city.name, ["buyer", "procuringEntity"]],
      [partner.city.name, ["buyer"]],
    ]);
    // The city that declined sees nothing of it.
    expect((await outsiderLead.get(`${address}/opportunity`)).status).toBe(404);
  });
});
