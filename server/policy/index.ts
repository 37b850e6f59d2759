import { roleAtLeast, type Role } from "../../shared/roles";

/** Who is asking: a signed-in user with their role in each city, or nobody. */
export type Actor = { userId: string; roles: ReadonlyMap<string, Role> } | null;

export type Resource = { type: "workspace" } | { type: "city"; id: string };

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

export type CityAction = keyof typeof CITY_RULES;
export const CITY_ACTIONS = Object.keys(CITY_RULES) as CityAction[];

export type WorkspaceAction = "createCity";

export type Action<R extends Resource> = R extends { type: "city" } ? CityAction : WorkspaceAction;

/** The one answer to every access question, for pages, sockets and exports alike. */
export function can<R extends Resource>(actor: Actor, action: Action<R>, resource: R): boolean {
  if (!actor) return false;
  if (resource.type === "workspace") return action === "createCity";
  const role = actor.roles.get(resource.id);
  if (!role) return false;
  return roleAtLeast(role, CITY_RULES[action as CityAction]);
}

/** The role an actor holds in a city, if any. */
export function roleIn(actor: Actor, cityId: string): Role | null {
  return actor?.roles.get(cityId) ?? null;
}
