import type { Role } from "../../shared/roles";
import { can } from "../policy";
import type { Access } from "./connection";

/** Where a document lives, as access decisions need it. */
export interface DocumentPlace {
  /** The cities through which the document is reached: its city, or the member cities of its shared space. */
  cityIds: readonly string[];
  /** In a shared space, the city whose members alone may change the document. */
  ownerCityId: string | null;
}

/** What a user's roles allow on a document: write, read, or nothing. */
export function accessFor(
  userId: string,
  place: DocumentPlace,
  roles: ReadonlyMap<string, Role>,
): Access | null {
  const actor = { userId, roles };
  const space = { type: "space", cityIds: place.cityIds, ownerCityId: place.ownerCityId } as const;
  if (can(actor, "edit", space)) return "write";
  if (can(actor, "view", space)) return "read";
  return null;
}
