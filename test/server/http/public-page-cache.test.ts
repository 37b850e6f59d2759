import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { pageText, startTestWorkspace, TestClient } from "../../support/http";
import { buildCityWithGovernance, paragraphs, writeStarter } from "../governance/support";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

function publish(client: TestClient, slug: string) {
  return client.request(`/c/${slug}/governance/publish`, {
    method: "POST",
    body: new URLSearchParams([["section", "vision"]]),
    headers: { Origin: client.origin, "Sec-Fetch-Site": "same-origin" },
  });
}

const nonceOf = (html: string) => [
  ...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1])),
];
const policyNonce = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("a public page served from what was rendered for its publication", () => {
  it("gives every reader a nonce of their own, and the new publication the moment it is made", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithGovernance(db, { slug: "corby", name: "Corby" });
    await writeStarter(db, city.id, "vision", paragraphs("Warm homes on every street."));
    const lead = new TestClient(workspace.url);
    await lead.signIn(members.lead.email, members.lead.password);
    expect((await publish(lead, city.slug)).status).toBe(200);

    const reader = new TestClient(workspace.url);
    const first = await reader.get(`/p/${city.slug}`);
    const second = await reader.get(`/p/${city.slug}`);
    const [firstHtml, secondHtml] = [await pageText(first), await pageText(second)];
    for (const [response, html] of [
      [first, firstHtml],
      [second, secondHtml],
    ] as const) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(html).toContain("Warm homes on every street.");
      // Every inline script carries the nonce its own Content-Security-Policy allows.
      expect(nonceOf(html)).toEqual([policyNonce(response)]);
    }
    expect(policyNonce(first)).not.toBe(policyNonce(second));
    expect(firstHtml.replaceAll(policyNonce(first)!, "")).toBe(
      secondHtml.replaceAll(policyNonce(second)!, ""),
    );

    // A signed-in reader gets the page made for them, with a way to sign out.
    expect(await pageText(await lead.get(`/p/${city.slug}`))).toContain("Sign out");
    expect(await pageText(await reader.get(`/p/${city.slug}`))).not.toContain("Sign out");

    await writeStarter(db, city.id, "vision", paragraphs("Warm homes and clean air on every street."));
    expect((await publish(lead, city.slug)).status).toBe(200);
    const after = await pageText(await reader.get(`/p/${city.slug}`));
    expect(after).toContain("Warm homes and clean air on every street.");
    expect(after).not.toContain("Warm homes on every street.");

    // HEAD answers as GET does, without a body; an unknown city is still a 404.
    const head = await reader.request(`/p/${city.slug}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect((await reader.get("/p/no-such-city")).status).toBe(404);
  });
});
