import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setOcidPrefix } from "../../../server/procurement/publishing";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { pageText, startTestWorkspace, TestClient } from "../../support/http";
import { releasePackageErrors } from "../procurement/ocds-schema";
import {
  addOpportunities,
  buildCityWithPipeline,
  buildOpportunity,
  updateOpportunity,
} from "../procurement/support";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

type Member = { email: string; password: string };

async function signedIn(user: Member) {
  const client = new TestClient(workspace.url);
  await client.signIn(user.email, user.password);
  return client;
}

/** Posts the publishing form as a browser does without JavaScript: one field per ticked box. */
function publish(client: TestClient, slug: string, rowIds: string[]) {
  const body = new URLSearchParams([["intent", "publish"], ...rowIds.map((id) => ["opportunity", id])]);
  return client.request(`/c/${slug}/procurement/publish`, {
    method: "POST",
    body,
    headers: { Origin: client.origin, "Sec-Fetch-Site": "same-origin" },
  });
}

async function cityWithOpportunities(slug: string, prefix: string | null) {
  const { db } = database.handle;
  const built = await buildCityWithPipeline(db, { slug, name: slug[0]!.toUpperCase() + slug.slice(1) });
  if (prefix) await setOcidPrefix(db, { cityId: built.city.id, prefix });
  const [published, draft] = await addOpportunities(db, built.pipelineId, [
    buildOpportunity({ title: "Air quality sensors on lamp posts", stage: "market-engagement" }),
    buildOpportunity({ title: "Confidential depot relocation", stage: "idea" }),
  ]);
  return { ...built, published: published!, draft: draft! };
}

const packagePath = (slug: string) => `/api/v1/cities/${slug}/pipeline.ocds.json`;

describe("the publishing page", () => {
  it("is for leads: editors are refused and nothing is published, other people see no such page", async () => {
    const { city, members, published } = await cityWithOpportunities("rivermouth", "ocds-r1v3r5");
    const path = `/c/${city.slug}/procurement/publish`;

    const anonymous = new TestClient(workspace.url);
    const toLogin = await anonymous.get(path);
    expect(toLogin.status).toBe(302);
    expect(toLogin.headers.get("location")).toContain("/login");

    const editor = await signedIn(members.editor);
    expect((await editor.get(path)).status).toBe(403);
    expect((await publish(editor, city.slug, [published])).status).toBe(403);
    expect((await editor.post(path, { intent: "prefix", ocidPrefix: "ocds-zzzzzz" })).status).toBe(403);
    expect((await anonymous.get(packagePath(city.slug))).status).toBe(404);

    const { members: strangers } = await buildCityWithPipeline(database.handle.db, { slug: "elsewhere" });
    const otherLead = await signedIn(strangers.lead);
    expect((await otherLead.get(path)).status).toBe(404);

    const lead = await signedIn(members.lead);
    const page = await lead.get(path);
    expect(page.status).toBe(200);
    const text = await pageText(page);
    expect(text).toContain("Publish the procurement pipeline");
    expect(text).toContain("Air quality sensors on lamp posts");
    expect(text).toContain("Market engagement · Not published");
  });

  it("lets a lead set the prefix, shows what is wrong with a bad one, and publishes the chosen opportunities", async () => {
    const { city, members, published, draft, pipelineId } = await cityWithOpportunities("saltash", null);
    const path = `/c/${city.slug}/procurement/publish`;
    const lead = await signedIn(members.lead);

    const early = await publish(lead, city.slug, [published]);
    expect(early.status).toBe(400);
    expect(await pageText(early)).toContain("Set the city&#x27;s ocid prefix before publishing");

    const bad = await lead.post(path, { intent: "prefix", ocidPrefix: "ocds-abc" });
    expect(bad.status).toBe(400);
    const badText = await pageText(bad);
    expect(badText).toMatch(
      /id="ocidPrefix-error"[^>]*><span class="visually-hidden">Error: <\/span>Enter “ocds-”/,
    );
    expect(badText).toContain('value="ocds-abc"');

    const saved = await lead.post(path, { intent: "prefix", ocidPrefix: "ocds-5a1ta5" });
    expect(saved.status).toBe(200);
    expect(await pageText(saved)).toContain("Prefix saved");

    const unknown = await lead.post(path, { intent: "unpublish", opportunity: published });
    expect(unknown.status).toBe(400);
    expect(await pageText(unknown)).toContain("That action is not known");

    const none = await publish(lead, city.slug, []);
    expect(none.status).toBe(400);
    expect(await pageText(none)).toContain("Choose at least one opportunity to publish");

    const done = await publish(lead, city.slug, [published]);
    expect(done.status).toBe(200);
    const doneText = await pageText(done);
    expect(doneText).toContain("Published 1 opportunity");
    expect(doneText).toContain("Published for the first time:");

    const again = await pageText(await lead.get(path));
    expect(again).toMatch(/Market engagement · Published on \d+ \w+ \d{4}, no changes since/);
    expect(again).toContain("Idea · Not published");
    expect(again).not.toContain('name="ocidPrefix"');

    await updateOpportunity(database.handle.db, pipelineId, published, { value: 520_000 });
    expect(await pageText(await lead.get(path))).toMatch(/Changed since published on \d+ \w+ \d{4}/);
    const update = await pageText(await publish(lead, city.slug, [published]));
    expect(update).toContain("Changes published as an update:");

    const releasePackage = (await (await fetch(`${workspace.url}${packagePath(city.slug)}`)).json()) as {
      releases: { tag: string[]; tender: { title: string } }[];
    };
    expect(releasePackage.releases.map((release) => release.tag)).toEqual([["planning"], ["planningUpdate"]]);
    expect(JSON.stringify(releasePackage)).not.toContain(draft);
    expect(JSON.stringify(releasePackage)).not.toContain("Confidential depot relocation");
  });

  it("publishes nothing of another city through a forged opportunity id", async () => {
    const ours = await cityWithOpportunities("penrock", "ocds-p3nr0c");
    const theirs = await cityWithOpportunities("tamarly", "ocds-t4m4r1");
    const lead = await signedIn(ours.members.lead);

    const forged = await publish(lead, ours.city.slug, [theirs.draft]);
    expect(forged.status).toBe(200);
    const text = await pageText(forged);
    expect(text).toContain("Nothing new was published");
    expect(text).toContain("It is not on the city&#x27;s pipeline");

    expect((await fetch(`${workspace.url}${packagePath(ours.city.slug)}`)).status).toBe(404);
    expect((await fetch(`${workspace.url}${packagePath(theirs.city.slug)}`)).status).toBe(404);
  });
});

describe("the public pipeline and the open data API", () => {
  it("shows only what a lead published, to anyone, without signing in", async () => {
    const { city, members, published, pipelineId } = await cityWithOpportunities("kingsbay", "ocds-k1ng5b");
    const anonymous = new TestClient(workspace.url);
    expect((await anonymous.get(`/p/${city.slug}/pipeline`)).status).toBe(404);
    expect((await anonymous.get(`/p/no-such-city/pipeline`)).status).toBe(404);

    const lead = await signedIn(members.lead);
    await publish(lead, city.slug, [published]);
    await updateOpportunity(database.handle.db, pipelineId, published, { budgetSource: "Not yet agreed" });

    const page = await anonymous.get(`/p/${city.slug}/pipeline`);
    expect(page.status).toBe(200);
    const text = await pageText(page);
    expect(text).toContain("Air quality sensors on lamp posts");
    expect(text).toContain("Drivers find a free space without circling the centre.");
    expect(text).toContain("£400,000");
    expect(text).toContain("Transport capital fund");
    // Changes are public only once published.
    expect(text).not.toContain("Not yet agreed");
    expect(text).not.toContain("Confidential depot relocation");
    expect(text).toContain(`ocds-k1ng5b-${published}`);
    expect(text).toContain(`href="${packagePath(city.slug)}"`);
  });

  it("lists the cities with published data and serves each one's release package, valid OCDS, to any origin", async () => {
    const publishing = await cityWithOpportunities("westholme", "ocds-w35th0");
    await cityWithOpportunities("quietby", "ocds-qu13tb");
    const lead = await signedIn(publishing.members.lead);
    await publish(lead, publishing.city.slug, [publishing.published]);
    const origin = workspace.services.config.publicOrigin;

    const cities = await fetch(`${workspace.url}/api/v1/cities`, {
      headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(cities.status).toBe(200);
    expect(cities.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(cities.headers.get("access-control-allow-origin")).toBe("*");
    expect(cities.headers.get("cache-control")).toBe("public, max-age=60");
    expect(cities.headers.get("set-cookie")).toBeNull();
    expect(await cities.json()).toEqual({
      cities: [
        {
          slug: "westholme",
          name: "Westholme",
          country: "United Kingdom",
          page: null,
          pipeline: { opportunities: 1, lastPublished: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
          links: {
            self: `${origin}/api/v1/cities/westholme`,
            pipeline: `${origin}/p/westholme/pipeline`,
            releasePackage: `${origin}/api/v1/cities/westholme/pipeline.ocds.json`,
          },
        },
      ],
    });

    const response = await fetch(`${workspace.url}${packagePath("westholme")}`, {
      headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const releasePackage = (await response.json()) as { uri: string; releases: { ocid: string }[] };
    expect(releasePackageErrors(releasePackage)).toEqual([]);
    expect(releasePackage.uri).toBe(`${origin}/api/v1/cities/westholme/pipeline.ocds.json`);
    expect(releasePackage.releases.map((release) => release.ocid)).toEqual([
      `ocds-w35th0-${publishing.published}`,
    ]);

    const cached = await fetch(`${workspace.url}${packagePath("westholme")}`, {
      headers: { "If-None-Match": etag! },
    });
    expect(cached.status).toBe(304);
    expect(cached.headers.get("access-control-allow-origin")).toBe("*");
    expect(await cached.text()).toBe("");

    await updateOpportunity(database.handle.db, publishing.pipelineId, publishing.published, {
      stage: "tender",
    });
    const unpublishedChange = await fetch(`${workspace.url}${packagePath("westholme")}`, {
      headers: { "If-None-Match": etag! },
    });
    expect(unpublishedChange.status).toBe(304);
    await publish(lead, publishing.city.slug, [publishing.published]);
    const changed = await fetch(`${workspace.url}${packagePath("westholme")}`, {
      headers: { "If-None-Match": etag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);

    expect((await fetch(`${workspace.url}${packagePath("quietby")}`)).status).toBe(404);
    const unknown = await fetch(`${workspace.url}${packagePath("no-such-city")}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("access-control-allow-origin")).toBe("*");

    const preflight = await fetch(`${workspace.url}${packagePath("westholme")}`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://elsewhere.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/if-none-match/i);
  });
});
