import { roleAtLeast, type Role } from "../../shared/roles";

/** Who is asking: a signed-in user with their role in each city, or nobody. */
export type Actor = { userId: string; roles: ReadonlyMap<string, Role> } | null;

/**
 * What is asked about. A space is reached through the cities taking part in it: a member of any of
 * them acts there with their role in that city (the strongest, if they belong to several). A document
 * owned by one of those cities is changed by that city's members alone.
 */
export type Resource =
  | { type: "workspace" }
  | { type: "city"; id: string }
  | { type: "space"; cityIds: readonly string[]; ownerCityId?: string | null };

/** The weakest role that may take each action on a city. */
const CITY_RULES = {
  view: "viewer",
  comment: "commenter",
  edit: "editor",
  invite: "lead",
  manageMembers: "lead",
  publish: "lead",
  deleteDocument: "lead",
} as const satisfies Record<string, Role>;

/** The weakest role that may take each action in a shared space, through one of its cities. */
const SPACE_RULES = {
  view: "viewer",
  comment: "commenter",
  edit: "editor",
} as const satisfies Record<string, Role>;

export type CityAction = keyof typeof CITY_RULES;
export const CITY_ACTIONS = Object.keys(CITY_RULES) as CityAction[];
export type SpaceAction = keyof typeof SPACE_RULES;

export type WorkspaceAction = "createCity";

export type Action<R extends Resource> = R extends { type: "city" }
  ? CityAction
  : R extends { type: "space" }
    ? SpaceAction
    : WorkspaceAction;

/** The one answer to every access question, for pages, sockets and exports alike. */
export function can<R extends Resource>(actor: Actor, action: Action<R>, resource: R): boolean {
  if (!actor) return false;
  if (resource.type === "workspace") return action === "createCity";
  if (resource.type === "city") {
    const role = actor.roles.get(resource.id);
    return role ? roleAtLeast(role, CITY_RULES[action as CityAction]) : false;
  }
  const { cityIds, ownerCityId } = resource;
  if (action === "edit" && ownerCityId) {
    const role = cityIds.includes(ownerCityId) ? actor.roles.get(ownerCityId) : undefined;
    return role ? roleAtLeast(role, SPACE_RULES.edit) : false;
  }
  const role = strongestRole(actor, cityIds);
  return role ? roleAtLeast(role, SPACE_RULES[action as SpaceAction]) : false;
}

/** The role an actor holds in a city, if any. */
export function roleIn(actor: Actor, cityId: string): Role | null {
  return actor?.roles.get(cityId) ?? null;
}

/** The strongest role an actor holds in any of the cities, with the city it is held in. */
export function strongestRole(actor: Actor, cityIds: readonly string[]): Role | null {
  return strongestCity(actor, cityIds)?.role ?? null;
}

/** The city of those given in which the actor holds the strongest role (the first of equals). */
export function strongestCity(
  actor: Actor,
  cityIds: readonly string[],
): { cityId: string; role: Role } | null {
  let best: { cityId: string; role: Role } | null = null;
  for (const cityId of cityIds) {
    const role = actor?.roles.get(cityId);
    if (role && (!best || !roleAtLeast(best.role, role))) best = { cityId, role };
  }
  return best;
}
