import { describe, expect, it } from "vitest";
import { listCitiesOfUser } from "../../../db/repositories/cities";
import { findRole, listMembers } from "../../../db/repositories/memberships";
import {
  acceptInvitation,
  changeRole,
  createCity,
  describeInvitation,
  INVITATION_LIFETIME_MS,
  inviteMember,
  removeMember,
} from "../../../server/cities/commands";
import { DomainError } from "../../../server/errors";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers, buildMembership, buildUser } from "../../support/factories";

const database = useTestDatabase();

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("creating a city", () => {
  it("makes its creator the lead", async () => {
    const { db } = database.handle;
    const user = await buildUser(db);
    const city = await createCity(db, user.id, { name: "Aldermoor", slug: "aldermoor", country: "UK" });
    expect(await listCitiesOfUser(db, { userId: user.id })).toEqual([
      expect.objectContaining({ id: city.id, slug: "aldermoor", role: "lead" }),
    ]);
  });

  it("refuses a taken web address with a message on that field", async () => {
    const { db } = database.handle;
    const user = await buildUser(db);
    await createCity(db, user.id, { name: "Aldermoor", slug: "aldermoor", country: "UK" });
    const error = await failure(createCity(db, user.id, { name: "Other", slug: "aldermoor", country: "UK" }));
    expect(error.status).toBe(409);
    expect(error.fields.slug).toMatch(/taken/);
  });
});

describe("invitations", () => {
  it("join the invited person once, with the invited role", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const invitee = await buildUser(db, { email: "new@example.org" });
    const { token } = await inviteMember(db, {
      cityId: city.id,
      invitedBy: members.lead.id,
      input: { email: "New@Example.org", role: "editor" },
    });

    expect((await describeInvitation(db, token))?.status).toBe("open");
    await acceptInvitation(db, { token, user: invitee });
    expect(await findRole(db, { cityId: city.id, userId: invitee.id })).toBe("editor");
    expect((await describeInvitation(db, token))?.status).toBe("accepted");

    const again = await failure(acceptInvitation(db, { token, user: invitee }));
    expect(again.status).toBe(410);
  });

  it("store only a hash of the link's token", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const { token } = await inviteMember(db, {
      cityId: city.id,
      invitedBy: members.lead.id,
      input: { email: "new@example.org", role: "viewer" },
    });
    const rows = await db.selectFrom("invitations").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("cannot be used by someone signed in with another email", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const stranger = await buildUser(db, { email: "stranger@example.org" });
    const { token } = await inviteMember(db, {
      cityId: city.id,
      invitedBy: members.lead.id,
      input: { email: "invited@example.org", role: "lead" },
    });
    const error = await failure(acceptInvitation(db, { token, user: stranger }));
    expect(error.status).toBe(403);
    expect(await findRole(db, { cityId: city.id, userId: stranger.id })).toBeNull();
  });

  it("expire after seven days", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const invitee = await buildUser(db, { email: "late@example.org" });
    const sent = new Date("2026-01-01T00:00:00Z");
    const { token } = await inviteMember(db, {
      cityId: city.id,
      invitedBy: members.lead.id,
      input: { email: "late@example.org", role: "viewer" },
      now: sent,
    });
    const error = await failure(
      acceptInvitation(db, {
        token,
        user: invitee,
        now: new Date(sent.getTime() + INVITATION_LIFETIME_MS + 1),
      }),
    );
    expect(error.id).toBe("invitation_expired");
  });

  it("are refused for people already in the city", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const error = await failure(
      inviteMember(db, {
        cityId: city.id,
        invitedBy: members.lead.id,
        input: { email: members.viewer.email, role: "editor" },
      }),
    );
    expect(error.fields.email).toMatch(/already a member/);
  });
});

describe("roles", () => {
  it("a lead changes roles and removes members", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    await changeRole(db, { cityId: city.id, userId: members.viewer.id, role: "editor" });
    expect(await findRole(db, { cityId: city.id, userId: members.viewer.id })).toBe("editor");
    await removeMember(db, { cityId: city.id, userId: members.commenter.id });
    expect((await listMembers(db, { cityId: city.id })).map((member) => member.role).sort()).toEqual([
      "editor",
      "editor",
      "lead",
    ]);
  });

  it("the last lead can be neither demoted nor removed", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    expect(
      (await failure(changeRole(db, { cityId: city.id, userId: members.lead.id, role: "editor" }))).id,
    ).toBe("last_lead");
    expect((await failure(removeMember(db, { cityId: city.id, userId: members.lead.id }))).id).toBe(
      "last_lead",
    );

    const second = await buildUser(db);
    await buildMembership(db, { cityId: city.id, userId: second.id, role: "lead" });
    await changeRole(db, { cityId: city.id, userId: members.lead.id, role: "editor" });
    expect(await findRole(db, { cityId: city.id, userId: members.lead.id })).toBe("editor");
  });

  it("two leads demoting each other at once leave one lead", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const second = await buildUser(db);
    await buildMembership(db, { cityId: city.id, userId: second.id, role: "lead" });
    const results = await Promise.allSettled([
      changeRole(db, { cityId: city.id, userId: members.lead.id, role: "viewer" }),
      changeRole(db, { cityId: city.id, userId: second.id, role: "viewer" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const leads = (await listMembers(db, { cityId: city.id })).filter((member) => member.role === "lead");
    expect(leads).toHaveLength(1);
  });

  it("refuses a role that does not exist", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const error = await failure(
      changeRole(db, { cityId: city.id, userId: members.viewer.id, role: "owner" }),
    );
    expect(error.status).toBe(400);
  });
});
