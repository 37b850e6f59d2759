import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRole } from "../../../db/repositories/memberships";
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

describe("cities over HTTP", () => {
  it("creates a city whose creator lands on it as lead", async () => {
    const client = await signedIn(await buildUser(database.handle.db));
    const created = await client.post("/cities/new", { name: "Aldermoor", slug: "aldermoor", country: "UK" });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/c/aldermoor");
    const overview = await pageText(await client.get("/c/aldermoor"));
    expect(overview).toContain("Aldermoor");
    expect(overview).toContain("you are lead");
  });

  it("answers 404 for another city's pages, exactly as for a city that does not exist", async () => {
    const { db } = database.handle;
    const home = await buildCityWithMembers(db, { slug: "home-town" });
    await buildCityWithMembers(db, { slug: "elsewhere", name: "Elsewhere" });
    const client = await signedIn(home.members.lead);

    for (const path of [
      "/c/elsewhere",
      "/c/elsewhere/members",
      "/c/no-such-city",
      "/c/no-such-city/members",
    ]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(404);
      const html = await pageText(response);
      expect(html).toContain("Page not found");
      expect(html).not.toContain("Elsewhere");
    }
    const write = await client.post("/c/elsewhere/members", {
      intent: "invite",
      email: "x@example.org",
      role: "lead",
    });
    expect(write.status).toBe(404);
    expect((await client.get("/c/home-town")).status).toBe(200);
  });

  it("refuses member management to everyone but leads", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    for (const role of ["editor", "commenter", "viewer"] as const) {
      const client = await signedIn(members[role]);
      const page = await pageText(await client.get(`/c/${city.slug}/members`));
      expect(page).not.toContain("Invite someone");
      const response = await client.post(`/c/${city.slug}/members`, {
        intent: "invite",
        email: `${role}-friend@example.org`,
        role: "lead",
      });
      expect(response.status, role).toBe(403);
      const promote = await client.post(`/c/${city.slug}/members`, {
        intent: "change-role",
        userId: members[role].id,
        role: "lead",
      });
      expect(promote.status, role).toBe(403);
    }
    expect(await db.selectFrom("invitations").selectAll().execute()).toHaveLength(0);
    expect(await findRole(db, { cityId: city.id, userId: members.viewer.id })).toBe("viewer");
  });

  it("invites by link: a newcomer signs up through it and joins with the invited role", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db, { name: "Brackenford" });
    const lead = await signedIn(members.lead);
    const invited = await lead.post(`/c/${city.slug}/members`, {
      intent: "invite",
      email: "newcomer@example.org",
      role: "commenter",
    });
    expect(invited.status).toBe(200);
    const link = /value="(http:\/\/[^"]+\/invite\/[^"]+)"/.exec(await pageText(invited))?.[1];
    expect(link).toBeTruthy();

    const newcomer = new TestClient(workspace.url);
    const invitationPage = await pageText(await newcomer.get(new URL(link!).pathname));
    expect(invitationPage).toContain("Join Brackenford");
    const joined = await newcomer.post(new URL(link!).pathname, {
      name: "New Comer",
      password: "a good long password",
    });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe(`/c/${city.slug}`);
    expect(await pageText(await newcomer.get(`/c/${city.slug}`))).toContain("you are commenter");

    const reuse = await new TestClient(workspace.url).get(new URL(link!).pathname);
    expect(await pageText(reuse)).toContain("already been used");
  });

  it("lets an existing user accept while signed in", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const existing = await buildUser(db, { email: "existing@example.org" });
    const lead = await signedIn(members.lead);
    const html = await (
      await lead.post(`/c/${city.slug}/members`, { intent: "invite", email: existing.email, role: "editor" })
    ).text();
    const path = new URL(/value="(http:\/\/[^"]+\/invite\/[^"]+)"/.exec(html)![1]!).pathname;

    const client = await signedIn(existing);
    expect((await client.post(path, {})).status).toBe(302);
    expect(await findRole(db, { cityId: city.id, userId: existing.id })).toBe("editor");
  });

  it("keeps the last lead, with the reason shown", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const lead = await signedIn(members.lead);
    const response = await lead.post(`/c/${city.slug}/members`, {
      intent: "change-role",
      userId: members.lead.id,
      role: "viewer",
    });
    expect(response.status).toBe(409);
    expect(await pageText(response)).toContain("A city must keep at least one lead");
    expect(await findRole(db, { cityId: city.id, userId: members.lead.id })).toBe("lead");
  });

  it("lets a lead change a role and remove a member", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const lead = await signedIn(members.lead);
    await lead.post(`/c/${city.slug}/members`, {
      intent: "change-role",
      userId: members.viewer.id,
      role: "editor",
    });
    expect(await findRole(db, { cityId: city.id, userId: members.viewer.id })).toBe("editor");

    const removed = await lead.post(`/c/${city.slug}/members`, {
      intent: "remove",
      userId: members.commenter.id,
    });
    expect(removed.status).toBe(302);
    expect(await findRole(db, { cityId: city.id, userId: members.commenter.id })).toBeNull();
    const formerMember = await signedIn(members.commenter);
    expect((await formerMember.get(`/c/${city.slug}`)).status).toBe(404);
  });
});
