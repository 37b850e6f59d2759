import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorkspace } from "../../../server/workspace";
import { CLAUSES } from "../../../shared/scf/catalogue";
import { useTestDatabase } from "../../support/database";
import { startTestWorkspace } from "../../support/http";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

const PATH = "/api/v1/framework.jsonld";

describe("GET /api/v1/framework.jsonld", () => {
  it("serves the framework as JSON-LD to anyone, from any origin, without signing in", async () => {
    const response = await fetch(`${workspace.url}${PATH}`, {
      headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(response.headers.get("set-cookie")).toBeNull();
    const document = (await response.json()) as {
      "@context": { scf: string };
      "@graph": { "@id": string }[];
    };
    const origin = workspace.services.config.publicOrigin;
    expect(document["@context"].scf).toBe(`${origin}/api/v1/framework#`);
    const ids = document["@graph"].map((node) => node["@id"]);
    expect(ids).toContain(`${origin}/api/v1/framework`);
    for (const clause of CLAUSES) expect(ids).toContain(`scf:clause-${clause.id}`);
  });

  it("answers 304 to a client that already has this version, and the full body to one that has another", async () => {
    const first = await fetch(`${workspace.url}${PATH}`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const body = await first.text();

    const again = await fetch(`${workspace.url}${PATH}`, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("access-control-allow-origin")).toBe("*");
    expect(await again.text()).toBe("");

    const listed = await fetch(`${workspace.url}${PATH}`, {
      headers: { "If-None-Match": `"something-older", W/${etag!}` },
    });
    expect(listed.status).toBe(304);

    const stale = await fetch(`${workspace.url}${PATH}`, {
      headers: { "If-None-Match": '"something-older"' },
    });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });

  it("lets a script on another site send its own If-None-Match", async () => {
    const preflight = await fetch(`${workspace.url}${PATH}`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://elsewhere.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/if-none-match/i);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });
});
