import type { Role } from "../../shared/roles";
import { can } from "../policy";
import type { Access } from "./connection";

/** What a user's role in a city allows on its documents: write, read, or nothing. */
export function accessFor(userId: string, cityId: string, role: Role | null): Access | null {
  const actor = { userId, roles: new Map(role ? [[cityId, role]] : []) };
  const city = { type: "city", id: cityId } as const;
  if (can(actor, "edit", city)) return "write";
  if (can(actor, "view", city)) return "read";
  return null;
}
