import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createSessionManager } from "../../../server/auth/sessions";
import { hashToken } from "../../../server/auth/tokens";
import { useTestDatabase } from "../../support/database";
import { buildUser } from "../../support/factories";

const database = useTestDatabase();

function tokenOf(cookie: string): string {
  return cookie.split(";")[0]!.split("=")[1]!;
}

describe("sessions", () => {
  it("puts a random token in an HttpOnly, SameSite=Lax cookie and stores only its SHA-256", async () => {
    const { db } = database.handle;
    const user = await buildUser(db);
    const cookie = await createSessionManager(db, { secure: false }).start(user.id);
    const token = tokenOf(cookie);

    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);

    const stored = await db.selectFrom("sessions").selectAll().execute();
    expect(stored.map((row) => row.id)).toEqual([hashToken(token)]);
    const everything = JSON.stringify((await sql`select * from sessions`.execute(db)).rows);
    expect(everything).not.toContain(token);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const { db } = database.handle;
    const user = await buildUser(db);
    expect(await createSessionManager(db, { secure: true }).start(user.id)).toMatch(/Secure/);
  });

  it("validates the token and refuses its hash or anything else", async () => {
    const { db } = database.handle;
    const sessions = createSessionManager(db, { secure: false });
    const user = await buildUser(db, { name: "Ada" });
    const token = tokenOf(await sessions.start(user.id));

    expect((await sessions.validate(token))?.user.name).toBe("Ada");
    expect(await sessions.validate(hashToken(token))).toBeNull();
    expect(await sessions.validate("not-a-token")).toBeNull();
  });

  it("extends an active session past its half-life and says so with a new cookie", async () => {
    const { db } = database.handle;
    const sessions = createSessionManager(db, { secure: false });
    const user = await buildUser(db);
    const token = tokenOf(await sessions.start(user.id));
    expect((await sessions.validate(token))?.renewedCookie).toBeUndefined();

    const soon = new Date(Date.now() + 60 * 60 * 1000);
    await db.updateTable("sessions").set({ expires_at: soon }).execute();
    const renewed = await sessions.validate(token);
    expect(renewed?.renewedCookie).toContain(token);
    const row = await db.selectFrom("sessions").select("expires_at").executeTakeFirstOrThrow();
    expect(row.expires_at.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60 * 1000);
  });

  it("ends a session after its absolute lifetime however active it was", async () => {
    const { db } = database.handle;
    const sessions = createSessionManager(db, { secure: false });
    const user = await buildUser(db);
    const token = tokenOf(await sessions.start(user.id));
    await db
      .updateTable("sessions")
      .set({ created_at: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) })
      .execute();

    expect(await sessions.validate(token)).toBeNull();
    expect(await db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
  });

  it("ends an expired session", async () => {
    const { db } = database.handle;
    const sessions = createSessionManager(db, { secure: false });
    const user = await buildUser(db);
    const token = tokenOf(await sessions.start(user.id));
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect(await sessions.validate(token)).toBeNull();
  });

  it("ends one session, or all of a user's", async () => {
    const { db } = database.handle;
    const sessions = createSessionManager(db, { secure: false });
    const user = await buildUser(db);
    const other = await buildUser(db);
    const first = tokenOf(await sessions.start(user.id));
    const second = tokenOf(await sessions.start(user.id));
    const others = tokenOf(await sessions.start(other.id));

    await sessions.end(first);
    expect(await sessions.validate(first)).toBeNull();
    expect(await sessions.validate(second)).not.toBeNull();

    await sessions.endAllOfUser(user.id);
    expect(await sessions.validate(second)).toBeNull();
    expect(await sessions.validate(others)).not.toBeNull();
  });
});
