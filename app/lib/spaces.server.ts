// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
import type { AppLoadContext } from "@remix-run/node";
import type { User } from "../../db/repositories/users";
import { findSpaceForActor, type SpaceView } from "../../server/spaces/commands";
import { notFoundResponse, requireUser } from "./auth.server";

export { listCities, listCitiesOfUser } from "../../db/repositories/cities";
export { listDocumentsOfCity as listDocuments, findDocumentOfCity } from "../../db/repositories/documents";
export { listThreads } from "../../db/repositories/discussions";
export { listPeopleOfCities, listSpacesOfCity } from "../../db/repositories/spaces";
export {
  actingCityId,
  answerInvitation,
  createSpace,
  createSpaceDocument,
  inviteCities,
  joinOpenSpace,
  leaveSpace,
  managesSpace,
  removeCity,
  type SpaceView,
} from "../../server/spaces/commands";
export { replyToDiscussion, startDiscussion } from "../../server/spaces/discussion";

/**
 * The shared space at `slug` as the signed-in user may see it. A space none of the user's cities
 * takes part in answers 404, exactly like one that does not exist.
 */
export async function requireSpace(
  context: AppLoadContext,
  request: Request,
  slug: string | undefined,
): Promise<{ user: User; view: SpaceView }> {
  const user = requireUser(context, request);
  const view = slug ? await findSpaceForActor(context.db, { actor: context.actor, slug }) : null;
  if (!view) throw notFoundResponse();
  return { user, view };
}
export {
  adoptLesson,
  editingCities,
  findLessons,
  lessonPath,
  markUseful,
  requireLesson,
  writeLesson,
  type LessonFilters,
} from "../../server/spaces/lessons";
export { isMarkedBy, listAdoptions } from "../../db/repositories/lessons";
