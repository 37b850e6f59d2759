import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorkspace } from "../../../server/workspace";
import { hashToken } from "../../../server/auth/tokens";
import { useTestDatabase } from "../../support/database";
import { buildUser } from "../../support/factories";
import { pageText, startTestWorkspace, TestClient } from "../../support/http";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

const sessionToken = (client: TestClient) => client.cookies.get("scf_session");

describe("accounts over HTTP", () => {
  it("signs up, lands signed in, and keeps only the token's hash in the database", async () => {
    const client = new TestClient(workspace.url);
    const response = await client.post("/signup", {
      name: "Ada Lovelace",
      email: "Ada@Example.org",
      password: "analytical engine",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toMatch(/scf_session=[^;]+;.*HttpOnly/i);
    const token = sessionToken(client)!;
    const sessions = await database.handle.db.selectFrom("sessions").select("id").execute();
    expect(sessions.map((session) => session.id)).toEqual([hashToken(token)]);

    const home = await pageText(await client.get("/"));
    expect(home).toContain("Your cities");
  });

  it("shows field errors and keeps what was typed (but never the password)", async () => {
    const client = new TestClient(workspace.url);
    const response = await client.post("/signup", { name: "", email: "kept@example.org", password: "short" });
    expect(response.status).toBe(400);
    const html = await pageText(response);
    expect(html).toContain("Enter your name");
    expect(html).toContain("Password must be at least 10 characters");
    expect(html).toContain('value="kept@example.org"');
    expect(html).not.toContain('value="short"');
  });

  it("refuses a second account with the same email", async () => {
    const existing = await buildUser(database.handle.db, { email: "taken@example.org" });
    const response = await new TestClient(workspace.url).post("/signup", {
      name: "Someone",
      email: existing.email.toUpperCase(),
      password: "long enough password",
    });
    expect(response.status).toBe(409);
    expect(await pageText(response)).toContain("An account with this email already exists");
  });

  it("starts a new session at sign-in and redirects only to local paths", async () => {
    const user = await buildUser(database.handle.db);
    const client = new TestClient(workspace.url);
    client.cookies.set("scf_session", "planted-by-someone-else");
    const local = await client.post("/login", {
      email: user.email,
      password: user.password,
      redirectTo: "/account",
    });
    expect(local.headers.get("location")).toBe("/account");
    expect(sessionToken(client)).not.toBe("planted-by-someone-else");

    const offsite = await new TestClient(workspace.url).post("/login", {
      email: user.email,
      password: user.password,
      redirectTo: "//evil.example/phish",
    });
    expect(offsite.headers.get("location")).toBe("/");
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    const user = await buildUser(database.handle.db);
    const unknown = await new TestClient(workspace.url).post("/login", {
      email: "nobody@example.org",
      password: "whatever password",
    });
    const wrong = await new TestClient(workspace.url).post("/login", {
      email: user.email,
      password: "whatever password",
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const message = "The email or password is not right";
    expect(await pageText(unknown)).toContain(message);
    expect(await pageText(wrong)).toContain(message);
  });

  it("signs out: the session ends on the server and the cookie is cleared", async () => {
    const user = await buildUser(database.handle.db);
    const client = new TestClient(workspace.url);
    await client.signIn(user.email, user.password);
    const token = sessionToken(client)!;

    const response = await client.post("/logout", {});
    expect(response.status).toBe(302);
    expect(sessionToken(client)).toBeUndefined();

    const replay = new TestClient(workspace.url);
    replay.cookies.set("scf_session", token);
    expect((await replay.get("/account")).status).toBe(302);
  });

  it("changing the password ends every other session and keeps this one", async () => {
    const user = await buildUser(database.handle.db);
    const laptop = new TestClient(workspace.url);
    const phone = new TestClient(workspace.url);
    await laptop.signIn(user.email, user.password);
    await phone.signIn(user.email, user.password);

    const wrong = await laptop.post("/account", {
      currentPassword: "not my password",
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect(wrong.status).toBe(400);
    expect(await pageText(wrong)).toContain("Your current password is not right");

    const changed = await laptop.post("/account", {
      currentPassword: user.password,
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect(changed.status).toBe(200);
    expect(await pageText(changed)).toContain("Your password has been changed");

    expect((await laptop.get("/account")).status).toBe(200);
    expect((await phone.get("/account")).status).toBe(302);

    const oldPassword = await new TestClient(workspace.url).post("/login", {
      email: user.email,
      password: user.password,
    });
    expect(oldPassword.status).toBe(401);
    await new TestClient(workspace.url).signIn(user.email, "a brand new password");
  });

  it("sends signed-out visitors to sign in and back", async () => {
    const response = await new TestClient(workspace.url).get("/c/anywhere/members");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fc%2Fanywhere%2Fmembers");
  });
});
