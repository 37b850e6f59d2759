import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { pageText, startTestWorkspace, TestClient } from "../../support/http";
import {
  addRows,
  buildCityWithGovernance,
  buildPage,
  paragraphs,
  setCells,
  writeStarter,
} from "../governance/support";

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

/** Posts the publishing form as a browser does without JavaScript: one field per ticked box. */
function publish(client: TestClient, slug: string, sections: string[], update = "") {
  const body = new URLSearchParams([...sections.map((key) => ["section", key]), ["update", update]]);
  return client.request(`/c/${slug}/governance/publish`, {
    method: "POST",
    body,
    headers: { Origin: client.origin, "Sec-Fetch-Site": "same-origin" },
  });
}

async function cityWithTeam(slug: string) {
  const { db } = database.handle;
  const built = await buildCityWithGovernance(db, { slug, name: slug[0]!.toUpperCase() + slug.slice(1) });
  await writeStarter(db, built.city.id, "vision", paragraphs("Clean air and short journeys for everyone."));
  const [, hidden] = await addRows(db, built.city.id, "leadership", [
    { name: "Ann Lee", role: "Programme director", contact: "ann@city.example", public: true },
    { name: "Hidden Adviser", role: "Adviser", contact: "https://adviser.example", public: false },
  ]);
  await addRows(db, built.city.id, "roadmap", [
    { title: "Open data portal", phase: "DELIVER", status: "in-progress", public: true },
    { title: "Secret depot move", phase: "PLAN", status: "planned" },
  ]);
  return { ...built, hidden: hidden! };
}

describe("the governance pages", () => {
  it("are open to members of the city only, and the publishing page to its leads only", async () => {
    const { city, members } = await cityWithTeam("ashby");
    const anonymous = new TestClient(workspace.url);
    expect((await anonymous.get(`/c/${city.slug}/governance`)).status).toBe(302);

    const viewer = await signedIn(members.viewer);
    const register = await viewer.get(`/c/${city.slug}/governance`);
    expect(register.status).toBe(200);
    const registerText = await pageText(register);
    expect(registerText).toContain("<h1");
    expect(registerText).toContain("Leadership team");
    expect(registerText).toContain("Read only: you can see the whole register but not change it");
    expect((await viewer.get(`/c/${city.slug}/governance/decisions`)).status).toBe(200);

    const editor = await signedIn(members.editor);
    expect((await editor.get(`/c/${city.slug}/governance/publish`)).status).toBe(403);
    expect((await publish(editor, city.slug, ["vision"])).status).toBe(403);
    expect((await anonymous.get(`/p/${city.slug}`)).status).toBe(404);

    const { members: strangers } = await buildCityWithGovernance(database.handle.db, { slug: "elsewhere" });
    const otherLead = await signedIn(strangers.lead);
    expect((await otherLead.get(`/c/${city.slug}/governance`)).status).toBe(404);
    expect((await otherLead.get(`/c/${city.slug}/governance/publish`)).status).toBe(404);
  });
});

describe("publishing the public page", () => {
  it("shows the public only what a lead published, without signing in, and never a later draft", async () => {
    const { db } = database.handle;
    const { city, members, hidden } = await cityWithTeam("brompton");
    const lead = await signedIn(members.lead);
    const form = await pageText(await lead.get(`/c/${city.slug}/governance/publish`));
    expect(form).toContain("Nothing has been published yet.");
    expect(form).toContain("To publish a progress update, first write it as a page");

    const none = await publish(lead, city.slug, []);
    expect(none.status).toBe(400);
    expect(await pageText(none)).toContain("Choose at least one part of the page to publish");

    const done = await publish(lead, city.slug, ["vision", "leadership", "roadmap", "pipeline"]);
    expect(done.status).toBe(200);
    expect(await pageText(done)).toContain("Published as version 1");

    const anonymous = new TestClient(workspace.url);
    const page = await anonymous.get(`/p/${city.slug}`);
    expect(page.status).toBe(200);
    const text = await pageText(page);
    expect(text).toContain("Brompton smart city programme");
    expect(text).toContain("Clean air and short journeys for everyone.");
    expect(text).toContain("Ann Lee");
    expect(text).toContain('<a href="mailto:ann@city.example">ann@city.example</a>');
    expect(text).toContain("Open data portal");
    expect(text).toMatch(
      /Last updated on <time dateTime="[^"]+">\d+ \w+ \d{4}<\/time> \(version 1, published by lead of Brompton\)/,
    );
    expect(text).toContain("No procurement opportunities are published yet.");
    expect(text).not.toContain("Hidden Adviser");
    expect(text).not.toContain("Secret depot move");

    await writeStarter(db, city.id, "vision", paragraphs("An unagreed draft."));
    await setCells(db, city.id, "leadership", hidden, { public: true });
    const still = await pageText(await anonymous.get(`/p/${city.slug}`));
    expect(still).toContain("Clean air and short journeys for everyone.");
    expect(still).not.toContain("unagreed draft");
    expect(still).not.toContain("Hidden Adviser");

    const status = await pageText(await lead.get(`/c/${city.slug}/governance/publish`));
    expect(status).toContain("Last published as version 1");
    expect(status.match(/Changed since it was published/g)).toHaveLength(2);

    const page2 = await buildPage(db, city.id, "Spring update", paragraphs("Forty datasets are open."));
    const second = await publish(lead, city.slug, ["vision", "leadership", "update"], page2);
    expect(await pageText(second)).toContain("Published as version 2");
    const after = await pageText(await anonymous.get(`/p/${city.slug}`));
    expect(after).toContain("An unagreed draft.");
    expect(after).toContain("Hidden Adviser");
    expect(after).toContain('<a href="https://adviser.example" rel="noopener noreferrer nofollow">');
    expect(after).toContain("Spring update");
    expect(after).toContain("Forty datasets are open.");

    const again = await publish(lead, city.slug, ["vision"]);
    expect(await pageText(again)).toContain("Nothing new to publish");
  });

  it("lets anyone see what changed between two versions, and follow versions in an Atom feed", async () => {
    const { db } = database.handle;
    const { city, members, hidden } = await cityWithTeam("carrow");
    const lead = await signedIn(members.lead);
    await publish(lead, city.slug, ["vision", "leadership"]);
    await writeStarter(db, city.id, "vision", paragraphs("Clean air and quick journeys for everyone."));
    await setCells(db, city.id, "leadership", hidden, { public: true });
    await publish(lead, city.slug, ["vision", "leadership"]);

    const anonymous = new TestClient(workspace.url);
    const history = await pageText(await anonymous.get(`/p/${city.slug}/history`));
    expect(history).toContain("From version 1 to version 2");
    expect(history).toContain("Vision: Changed");
    expect(history).toContain("<del>short</del>");
    expect(history).toContain("<ins>quick</ins>");
    expect(history).toContain("Leadership team: Changed");
    expect(history).toContain(
      "<ins>Hidden Adviser · Adviser · Strategic board · contact https://adviser.example</ins>",
    );

    const back = await pageText(await anonymous.get(`/p/${city.slug}/history?from=2&to=2`));
    expect(back).toContain("Choose two different versions to compare.");
    expect((await anonymous.get(`/p/${city.slug}/history?from=1&to=7`)).status).toBe(200);
    expect((await anonymous.get(`/p/nowhere/history`)).status).toBe(404);

    const feed = await anonymous.get(`/p/${city.slug}/feed.atom`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain("<title>Version 2: Vision, Leadership team</title>");
    expect(xml).toContain(`/p/${city.slug}/history?from=1&amp;to=2`);

    const index = await pageText(await anonymous.get("/p"));
    expect(index).toContain(`<a href="/p/${city.slug}">Carrow</a>`);
  });
});
