// Server-only entry points for the governance registers and the city's public page.
import type { AppLoadContext } from "@remix-run/node";
import { presenceColour } from "../../shared/collab";
import { findCityBoard } from "../../server/boards/commands";
import { can } from "../../server/policy";
import { listMembers } from "../../db/repositories/memberships";
import { requireCity } from "./auth.server";
import { asResponse } from "./forms.server";

export { compareSections, type SectionChanges } from "../../server/governance/changes";
export { atomFeed } from "../../server/governance/feed";
export {
  findPublication,
  findPublicationHistory,
  findPublicPage,
  listPublishedCities,
  publishCityPage,
  publishingStatus,
} from "../../server/governance/publications";

/** What a governance register's page needs: the city, the board's document, the user and the members. */
export async function loadRegister(
  context: AppLoadContext,
  request: Request,
  slug: string | undefined,
  kind: "leadership" | "decisions",
) {
  const { city, user } = await requireCity(context, request, slug);
  const board = await findCityBoard(context.db, { cityId: city.id, kind }).catch(asResponse);
  return {
    city: { slug: city.slug, name: city.name },
    documentId: board.id,
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    members: (await listMembers(context.db, { cityId: city.id })).map((member) => ({
      id: member.userId,
      name: member.name,
    })),
    mayEdit: can(context.actor, "edit", { type: "city", id: city.id }),
    mayPublish: can(context.actor, "publish", { type: "city", id: city.id }),
  };
}
