import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishCityPage } from "../../../server/governance/publications";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { startTestWorkspace } from "../../support/http";
import { buildCityWithGovernance, paragraphs, setCells, writeStarter } from "../governance/support";
import { buildPublishingCity } from "../open-data/support";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

/** Reads the API as a script on another site would. */
function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${workspace.url}${path}`, {
    headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site", ...headers },
  });
}

async function getJson<T>(path: string): Promise<T> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("the open data API", () => {
  it("lists every city with published data, links to each of its endpoints, and leaves out the rest", async () => {
    const { db } = database.handle;
    await buildPublishingCity(db, { slug: "ashby", pipeline: true });
    await buildPublishingCity(db, { slug: "burford" });
    await buildCityWithGovernance(db, { slug: "quietby", name: "Quietby" });
    const origin = workspace.services.config.publicOrigin;

    const { cities } = await getJson<{ cities: { slug: string; links: Record<string, string> }[] }>(
      "/api/v1/cities",
    );
    expect(cities.map((city) => city.slug)).toEqual(["ashby", "burford"]);
    const ashby = await getJson<Record<string, unknown>>("/api/v1/cities/ashby");
    expect(ashby).toEqual(cities[0]);
    expect(ashby).toEqual({
      slug: "ashby",
      name: "Ashby",
      country: "United Kingdom",
      page: {
        publications: 1,
        latestPublication: 1,
        sections: ["vision", "leadership", "roadmap"],
        lastPublished: expect.stringMatching(ISO_TIME),
      },
      pipeline: { opportunities: 1, lastPublished: expect.stringMatching(ISO_TIME) },
      links: {
        self: `${origin}/api/v1/cities/ashby`,
        publicPage: `${origin}/p/ashby`,
        history: `${origin}/p/ashby/history`,
        feed: `${origin}/p/ashby/feed.atom`,
        publications: `${origin}/api/v1/cities/ashby/publications`,
        latestPublication: `${origin}/api/v1/cities/ashby/publications/1`,
        roadmap: `${origin}/api/v1/cities/ashby/roadmap`,
        pipeline: `${origin}/p/ashby/pipeline`,
        releasePackage: `${origin}/api/v1/cities/ashby/pipeline.ocds.json`,
      },
    });
    expect(Object.keys(cities[1]!.links)).not.toContain("releasePackage");
    for (const link of Object.values(ashby.links as Record<string, string>)) {
      const response = await get(link.replace(origin, ""));
      expect(response.status, link).toBe(200);
    }
  });

  it("answers 404 in JSON alike for a city that does not exist and one that has published nothing", async () => {
    const { db } = database.handle;
    await buildCityWithGovernance(db, { slug: "quietby", name: "Quietby" });
    const published = await buildPublishingCity(db, { slug: "ashby" });
    for (const path of ["", "/roadmap", "/publications", "/publications/1", "/pipeline.ocds.json"]) {
      const unknown = await get(`/api/v1/cities/no-such-city${path}`);
      const quiet = await get(`/api/v1/cities/quietby${path}`);
      expect([unknown.status, quiet.status], path).toEqual([404, 404]);
      expect(quiet.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(quiet.headers.get("access-control-allow-origin")).toBe("*");
      expect(await quiet.json()).toEqual(await unknown.json());
    }
    expect((await get("/api/v1/cities/ashby/publications/2")).status).toBe(404);
    expect((await get("/api/v1/cities/ashby/publications/0")).status).toBe(404);
    expect((await get("/api/v1/cities/ashby/publications/one")).status).toBe(404);
    expect((await get("/api/v1/cities/ashby/pipeline.ocds.json")).status).toBe(404);

    // A city whose latest publication has no roadmap progress has no roadmap to serve.
    const { city } = await buildCityWithGovernance(db, { slug: "carrow", name: "Carrow" });
    await writeStarter(db, city.id, "vision", paragraphs("Short journeys."));
    await publishCityPage(db, { cityId: city.id, userId: null, sections: ["vision"] });
    expect((await get("/api/v1/cities/carrow/roadmap")).status).toBe(404);
    expect((await get("/api/v1/cities/carrow")).status).toBe(200);
    expect(published.publication.number).toBe(1);
  });

  it("serves the published roadmap progress by phase, with the public items only", async () => {
    const { openItem, publication } = await buildPublishingCity(database.handle.db, { slug: "ashby" });
    const roadmap = await getJson<{
      phases: { phase: string; done: number; total: number; items: { title: string }[] }[];
    }>("/api/v1/cities/ashby/roadmap");
    expect(roadmap).toMatchObject({
      city: { slug: "ashby", name: "Ashby" },
      publication: { number: 1, publishedAt: publication.publishedAt.toISOString() },
      updatedAt: publication.publishedAt.toISOString(),
      overall: { done: 1, total: 3 },
      itemsWithoutPhase: [],
    });
    expect(roadmap.phases.map(({ phase, done, total }) => [phase, done, total])).toEqual([
      ["PLAN", 1, 2],
      ["INITIATE", 0, 0],
      ["DELIVER", 0, 1],
      ["CONSOLIDATE", 0, 0],
      ["TRANSFORM", 0, 0],
    ]);
    expect(roadmap.phases[0]!.items).toEqual([
      { id: expect.any(String), title: "Vision adopted", status: "done", start: null, end: null },
    ]);
    expect(roadmap.phases[2]!.items).toEqual([
      { id: openItem, title: "Open data portal", status: "in-progress", start: "2026-01-05", end: null },
    ]);
    expect(JSON.stringify(roadmap)).not.toContain("Secret depot move");
  });

  it("lists the publications and serves each whole, rich text as the sanitised HTML published", async () => {
    const { db } = database.handle;
    const { city, members } = await buildPublishingCity(db, { slug: "ashby" });
    await writeStarter(db, city.id, "vision", paragraphs("Clean air and short journeys."));
    await publishCityPage(db, { cityId: city.id, userId: members.lead.id, sections: ["vision", "roadmap"] });
    const origin = workspace.services.config.publicOrigin;

    const list = await getJson<unknown>("/api/v1/cities/ashby/publications");
    expect(list).toEqual({
      city: { slug: "ashby", name: "Ashby" },
      publications: [
        {
          number: 2,
          publishedAt: expect.stringMatching(ISO_TIME),
          publisherName: "lead of Ashby",
          changed: ["vision"],
          links: { self: `${origin}/api/v1/cities/ashby/publications/2` },
        },
        {
          number: 1,
          publishedAt: expect.stringMatching(ISO_TIME),
          publisherName: "lead of Ashby",
          changed: ["vision", "leadership", "roadmap"],
          links: { self: `${origin}/api/v1/cities/ashby/publications/1` },
        },
      ],
    });

    const first = await getJson<{ sections: Record<string, unknown> }>("/api/v1/cities/ashby/publications/1");
    expect(first).toMatchObject({
      number: 1,
      publisherName: "lead of Ashby",
      changed: ["vision", "leadership", "roadmap"],
    });
    expect(first.sections.vision).toEqual({
      title: "Vision",
      html: '<p>Clean air for everyone, <a href="https://council.example/vision" rel="noopener noreferrer nofollow">as agreed</a>.</p>',
      text: "Clean air for everyone, as agreed.",
    });
    expect(first.sections.leadership).toEqual({
      people: [
        {
          name: "Ann Lee",
          role: "Programme director",
          organisation: "",
          board: "strategic",
          responsibility: "",
          contact: "ann@city.example",
        },
      ],
    });
    const second = await getJson<{ sections: { vision: { html: string } } }>(
      "/api/v1/cities/ashby/publications/2",
    );
    expect(second.sections.vision.html).toBe("<p>Clean air and short journeys.</p>");
  });

  it("never shows a draft: changes after publishing stay out of every answer until published", async () => {
    const { db } = database.handle;
    const { city, hiddenLeader, openItem } = await buildPublishingCity(db, { slug: "ashby" });
    const paths = [
      "/api/v1/cities",
      "/api/v1/cities/ashby",
      "/api/v1/cities/ashby/roadmap",
      "/api/v1/cities/ashby/publications",
      "/api/v1/cities/ashby/publications/1",
    ];
    const before = new Map<string, string>();
    for (const path of paths) before.set(path, (await get(path)).headers.get("etag")!);

    await writeStarter(db, city.id, "vision", paragraphs("An unagreed draft."));
    await setCells(db, city.id, "leadership", hiddenLeader, { public: true });
    await setCells(db, city.id, "roadmap", openItem, { title: "Renamed in a draft", status: "done" });

    for (const path of paths) {
      const response = await get(path);
      const body = await response.text();
      expect(response.headers.get("etag"), path).toBe(before.get(path));
      for (const draft of ["An unagreed draft", "Hidden Adviser", "Renamed in a draft"])
        expect(body, path).not.toContain(draft);
    }

    // Once published, the change is in every answer at once.
    await publishCityPage(db, {
      cityId: city.id,
      userId: null,
      sections: ["vision", "leadership", "roadmap"],
    });
    for (const path of paths.slice(0, 4)) {
      const response = await get(path, { "If-None-Match": before.get(path)! });
      expect(response.status, path).toBe(200);
    }
    const roadmap = await (await get("/api/v1/cities/ashby/roadmap")).text();
    expect(roadmap).toContain("Renamed in a draft");
    const latest = await (await get("/api/v1/cities/ashby/publications/2")).text();
    expect(latest).toContain("An unagreed draft");
    expect(latest).toContain("Hidden Adviser");
  });

  it("answers 304 to a matching If-None-Match or a current If-Modified-Since, with CORS, and allows preflights", async () => {
    const { publication } = await buildPublishingCity(database.handle.db, { slug: "ashby", pipeline: true });
    const paths = [
      "/api/v1/cities",
      "/api/v1/cities/ashby",
      "/api/v1/cities/ashby/roadmap",
      "/api/v1/cities/ashby/publications",
      "/api/v1/cities/ashby/publications/1",
      "/api/v1/cities/ashby/pipeline.ocds.json",
      "/api/v1/framework.jsonld",
      "/api/v1/openapi.json",
    ];
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(response.headers.get("set-cookie"), path).toBeNull();
      const etag = response.headers.get("etag")!;
      const lastModified = response.headers.get("last-modified")!;
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect(new Date(lastModified).toUTCString(), path).toBe(lastModified);

      const byTag = await get(path, { "If-None-Match": `"other", ${etag}` });
      expect(byTag.status, path).toBe(304);
      expect(byTag.headers.get("etag")).toBe(etag);
      expect(byTag.headers.get("access-control-allow-origin")).toBe("*");
      expect(await byTag.text()).toBe("");
      expect((await get(path, { "If-Modified-Since": lastModified })).status, path).toBe(304);
      const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await get(path, { "If-Modified-Since": earlier })).status, path).toBe(200);
      // A tag that does not match wins over a date that does, as RFC 9110 orders them.
      expect(
        (await get(path, { "If-None-Match": '"other"', "If-Modified-Since": lastModified })).status,
      ).toBe(200);

      const preflight = await fetch(`${workspace.url}${path}`, {
        method: "OPTIONS",
        headers: {
          Origin: "https://elsewhere.example",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "if-none-match, if-modified-since",
        },
      });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-headers")).toMatch(/if-modified-since/i);
    }
    const roadmap = await get("/api/v1/cities/ashby/roadmap");
    expect(new Date(roadmap.headers.get("last-modified")!).getTime()).toBe(
      Math.floor(publication.publishedAt.getTime() / 1000) * 1000,
    );
  });
});

describe("the open data API's rate limit", () => {
  let limited: RunningWorkspace;

  beforeAll(async () => {
    limited = await startTestWorkspace(database.handle, { API_RATE_LIMIT: "3" });
  });
  afterAll(() => limited.stop());

  it("refuses an address past its limit with 429, Retry-After and a JSON error, and leaves pages alone", async () => {
    const read = () =>
      fetch(`${limited.url}/api/v1/cities`, { headers: { Origin: "https://elsewhere.example" } });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await read()).status).toBe(200);
    const refused = await read();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await refused.json()).toEqual({ error: expect.stringContaining("Too many requests") });
    expect((await fetch(`${limited.url}/p`)).status).toBe(200);
  });
});
