import { describe, expect, it } from "vitest";
import { can, CITY_ACTIONS, type Actor, type CityAction } from "../../../server/policy";
import { ROLES, type Role } from "../../../shared/roles";

const city = { type: "city", id: "city-a" } as const;
const otherCity = { type: "city", id: "city-b" } as const;

const actorWith = (role: Role): Actor => ({ userId: "u", roles: new Map([[city.id, role]]) });

/** What each role may do in its own city: the product's access rules, written out in full. */
const EXPECTED: Record<Role, Record<CityAction, boolean>> = {
  lead: {
    view: true,
    comment: true,
    edit: true,
    invite: true,
    manageMembers: true,
    publish: true,
    deleteDocument: true,
  },
  editor: {
    view: true,
    comment: true,
    edit: true,
    invite: false,
    manageMembers: false,
    publish: false,
    deleteDocument: false,
  },
  commenter: {
    view: true,
    comment: true,
    edit: false,
    invite: false,
    manageMembers: false,
    publish: false,
    deleteDocument: false,
  },
  viewer: {
    view: true,
    comment: false,
    edit: false,
    invite: false,
    manageMembers: false,
    publish: false,
    deleteDocument: false,
  },
};

describe("can()", () => {
  it("covers every city action in the expectations", () => {
    expect(Object.keys(EXPECTED.lead).sort()).toEqual([...CITY_ACTIONS].sort());
  });

  for (const role of ROLES) {
    for (const action of CITY_ACTIONS) {
      it(`${role} ${EXPECTED[role][action] ? "may" : "may not"} ${action} in their city`, () => {
        expect(can(actorWith(role), action, city)).toBe(EXPECTED[role][action]);
      });
      it(`${role} of one city may not ${action} in another`, () => {
        expect(can(actorWith(role), action, otherCity)).toBe(false);
      });
    }
  }

  it.each(CITY_ACTIONS)("nobody signed out may %s", (action) => {
    expect(can(null, action, city)).toBe(false);
  });

  it("lets any signed-in user create a city, and nobody signed out", () => {
    expect(can({ userId: "u", roles: new Map() }, "createCity", { type: "workspace" })).toBe(true);
    expect(can(null, "createCity", { type: "workspace" })).toBe(false);
  });
});
