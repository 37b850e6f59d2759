import { describe, expect, it } from "vitest";
import { readRoadmap } from "../../../server/boards/commands";
import { readBoard, setCell } from "../../../shared/boards/model";
import { ROADMAP } from "../../../shared/boards/roadmap";
import { connectClient, sessionCookie, useCollabWorkspace, waitFor } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { pageText, TestClient } from "../../support/http";
import { buildCityWithRoadmap, buildRoadmapDoc, storeBoard } from "./support";

const database = useTestDatabase();
const env = useCollabWorkspace(database, { projectionDelayMs: 50 });

async function signedIn(person: { email: string; password: string }): Promise<TestClient> {
  const client = new TestClient(env.workspace.url);
  await client.signIn(person.email, person.password);
  return client;
}

/** Three cities; the first has a roadmap of three items, one depending on another. */
async function setUp() {
  const { db } = database.handle;
  const [owner, reader, outsider] = await Promise.all([
    buildCityWithRoadmap(db),
    buildCityWithRoadmap(db),
    buildCityWithRoadmap(db),
  ]);
  const { ydoc, ids } = buildRoadmapDoc([
    {
      title: "Open data portal",
      description: "Publish the city's datasets",
      phase: "PLAN",
      status: "done",
      quickWin: true,
      owner: { type: "member", userId: owner.members.editor.id, name: owner.members.editor.name },
      start: "2026-01-01",
      end: "2026-03-31",
      cost: 40_000,
      clauses: ["B9", "B4c"],
    },
    { title: "Smart street lighting", phase: "DELIVER", status: "in-progress", clauses: ["B5"] },
  ]);
  const [portal] = ids;
  setCell(ydoc, ids[1]!, "dependsOn", [portal]);
  await storeBoard(db, owner.roadmapId, ydoc);
  return { db, owner, reader, outsider };
}

describe("sharing a roadmap with peer cities", () => {
  it("shows a roadmap only to the cities it is shared with, without owners, until sharing stops", async () => {
    const { owner, reader, outsider } = await setUp();
    const lead = await signedIn(owner.members.lead);
    const readerViewer = await signedIn(reader.members.viewer);
    const outsiderLead = await signedIn(outsider.members.lead);
    const shared = `/c/${reader.city.slug}/roadmap/shared/${owner.city.slug}`;

    // Before sharing, the roadmap is not there at all, and it says nothing about the city.
    expect((await readerViewer.get(shared)).status).toBe(404);
    expect((await readerViewer.get(`/c/${reader.city.slug}/roadmap/shared/no-such-city`)).status).toBe(404);

    // Only a lead shares.
    const editor = await signedIn(owner.members.editor);
    const refused = await editor.post(`/c/${owner.city.slug}/roadmap/sharing`, {
      intent: "share",
      target: `city:${reader.city.slug}`,
    });
    expect(refused.status).toBe(403);
    const share = await lead.post(`/c/${owner.city.slug}/roadmap/sharing`, {
      intent: "share",
      target: `city:${reader.city.slug}`,
    });
    expect(share.status).toBe(200);
    const again = await lead.post(`/c/${owner.city.slug}/roadmap/sharing`, {
      intent: "share",
      target: `city:${reader.city.slug}`,
    });
    expect(again.status).toBe(409);

    // The reader city's leads are told, with a link to the roadmap.
    const told = await database.handle.db
      .selectFrom("notifications")
      .select(["user_id", "link"])
      .where("kind", "=", "roadmapShared")
      .execute();
    expect(told).toEqual([{ user_id: reader.members.lead.id, link: shared }]);

    const page = await readerViewer.get(shared);
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).toContain("Open data portal");
    expect(html).toContain("Smart street lighting");
    expect(html).toContain("SCF B9, B4c");
    expect(html).not.toContain(owner.members.editor.name);
    // A viewer reads and compares, but does not copy.
    expect(html).not.toContain("Copy as a template");

    const listing = await pageText(await readerViewer.get(`/c/${reader.city.slug}/roadmap/sharing`));
    expect(listing).toContain(owner.city.name);
    expect(listing).toContain(`shared with ${reader.city.name}`);

    // A third city sees nothing: not the roadmap, not the comparison, not a name in its listing.
    expect(
      (await outsiderLead.get(`/c/${outsider.city.slug}/roadmap/shared/${owner.city.slug}`)).status,
    ).toBe(404);
    expect(
      (await outsiderLead.get(`/c/${outsider.city.slug}/roadmap/compare/${owner.city.slug}`)).status,
    ).toBe(404);
    const outsiderListing = await pageText(
      await outsiderLead.get(`/c/${outsider.city.slug}/roadmap/sharing`),
    );
    const incoming = outsiderListing.slice(
      outsiderListing.indexOf("Roadmaps shared with"),
      outsiderListing.indexOf("Who can read"),
    );
    expect(incoming).toContain("No city shares its roadmap");
    expect(incoming).not.toContain(owner.city.name);
    // Nor can it reach the reader's view of it.
    expect((await outsiderLead.get(shared)).status).toBe(404);

    const { id: shareId } = await database.handle.db
      .selectFrom("roadmap_shares")
      .select("id")
      .executeTakeFirstOrThrow();
    const stop = await lead.post(`/c/${owner.city.slug}/roadmap/sharing`, { intent: "stop", shareId });
    expect(stop.status).toBe(200);
    expect((await readerViewer.get(shared)).status).toBe(404);
  });

  it("shares with every city of a shared space while both take part, and no longer once one leaves", async () => {
    const { owner, reader, outsider } = await setUp();
    const lead = await signedIn(owner.members.lead);
    const readerLead = await signedIn(reader.members.lead);
    const created = await lead.post(`/c/${owner.city.slug}/spaces`, {
      intent: "create",
      name: "Northern cities",
      purpose: "Lessons on lighting",
    });
    const spacePath = created.headers.get("location")!;
    const spaceSlug = spacePath.split("/").pop()!;
    await lead.post(`${spacePath}?index`, { intent: "invite", cityId: reader.city.id });

    // A space the city does not take part in cannot be a target; nor one that does not exist.
    const outsiderLead = await signedIn(outsider.members.lead);
    const foreign = await outsiderLead.post(`/c/${outsider.city.slug}/roadmap/sharing`, {
      intent: "share",
      target: `space:${spaceSlug}`,
    });
    expect(foreign.status).toBe(400);

    expect(
      (
        await lead.post(`/c/${owner.city.slug}/roadmap/sharing`, {
          intent: "share",
          target: `space:${spaceSlug}`,
        })
      ).status,
    ).toBe(200);
    const shared = `/c/${reader.city.slug}/roadmap/shared/${owner.city.slug}`;
    // Invited is not yet taking part.
    expect((await readerLead.get(shared)).status).toBe(404);
    await readerLead.post(`/c/${reader.city.slug}/spaces`, {
      intent: "accept",
      spaceId: await spaceId(spaceSlug),
    });
    const page = await pageText(await readerLead.get(shared));
    expect(page).toContain("through Northern cities");
    // Sharing reached only the cities taking part then: the invited city's leads were not told of it.
    const told = await database.handle.db
      .selectFrom("notifications")
      .select(["kind", "link"])
      .where("user_id", "=", reader.members.lead.id)
      .where("kind", "=", "roadmapShared")
      .execute();
    expect(told).toEqual([]);

    await readerLead.post(`${spacePath}?index`, { intent: "leave", cityId: reader.city.id });
    expect((await readerLead.get(shared)).status).toBe(404);
  });

  it("copies a shared roadmap as a template: items, phases and clauses, no owners, dates or costs, seen live", async () => {
    const { owner, reader } = await setUp();
    const lead = await signedIn(owner.members.lead);
    await lead.post(`/c/${owner.city.slug}/roadmap/sharing`, {
      intent: "share",
      target: `city:${reader.city.slug}`,
    });
    const shared = `/c/${reader.city.slug}/roadmap/shared/${owner.city.slug}`;

    const commenter = await signedIn(reader.members.commenter);
    expect((await commenter.post(shared, {})).status).toBe(403);

    // Someone has the reader's roadmap open while the copy is made.
    const watcher = connectClient({
      baseUrl: env.workspace.url,
      documentId: reader.roadmapId,
      cookie: await sessionCookie(
        env.workspace.url,
        reader.members.viewer.email,
        reader.members.viewer.password,
      ),
    });
    env.clients.push(watcher);
    await waitFor(() => watcher.session.state.status === "saved", 10_000, "the watcher to sync");

    const editor = await signedIn(reader.members.editor);
    const copied = await editor.post(shared, {});
    expect(copied.status).toBe(200);
    expect(await pageText(copied)).toContain("2 items copied into");

    await waitFor(() => readBoard(watcher.doc, ROADMAP).length === 2, 10_000, "the copied items to arrive");
    const items = await readRoadmap(database.handle.db, { cityId: reader.city.id });
    const [portal, lighting] = items.map((item) => item.valid);
    expect(portal).toMatchObject({
      title: "Open data portal",
      description: "Publish the city's datasets",
      phase: "PLAN",
      status: "proposed",
      quickWin: true,
      clauses: ["B9", "B4c"],
      owner: null,
      start: null,
      end: null,
      cost: null,
    });
    expect(lighting).toMatchObject({ title: "Smart street lighting", phase: "DELIVER", status: "proposed" });
    // The dependency points at the copy, not at the other city's item.
    expect(lighting!.dependsOn).toEqual([items[0]!.id]);
    // The original is untouched.
    expect((await readRoadmap(database.handle.db, { cityId: owner.city.id }))[0]!.valid.status).toBe("done");
  });

  it("compares the reader's roadmap with the shared one phase by phase", async () => {
    const { db, owner, reader } = await setUp();
    const { ydoc } = buildRoadmapDoc([
      { title: "Citizen panel", phase: "PLAN", status: "planned", clauses: ["B4"] },
      { title: "Data platform", phase: "DELIVER", status: "done", quickWin: true, clauses: ["B13"] },
    ]);
    await storeBoard(db, reader.roadmapId, ydoc);
    const lead = await signedIn(owner.members.lead);
    await lead.post(`/c/${owner.city.slug}/roadmap/sharing`, {
      intent: "share",
      target: `city:${reader.city.slug}`,
    });
    const viewer = await signedIn(reader.members.viewer);
    const response = await viewer.get(`/c/${reader.city.slug}/roadmap/compare/${owner.city.slug}`);
    expect(response.status).toBe(200);
    const html = await pageText(response);
    expect(html).toContain(`${reader.city.name} and ${owner.city.name} compared`);
    // What the other city covers and this one does not: B5 and B9 (B4 is covered through B4c's clause).
    const oursLacks = html.slice(html.indexOf(`${owner.city.name} covers, ${reader.city.name} does not`));
    expect(oursLacks).toContain(`/c/${reader.city.slug}/framework/B5`);
    expect(oursLacks).toContain(`/c/${reader.city.slug}/framework/B9`);
    expect(oursLacks.slice(0, oursLacks.indexOf("covers, " + owner.city.name))).not.toContain(
      'framework/B4"',
    );
  });
});

async function spaceId(slug: string): Promise<string> {
  const row = await database.handle.db
    .selectFrom("spaces")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return row.id;
}
