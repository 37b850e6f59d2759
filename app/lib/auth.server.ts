import { redirect, type AppLoadContext } from "@remix-run/node";
import type { User } from "../../db/repositories/users";
import { findCityBySlug, type City } from "../../db/repositories/cities";
import { can, roleIn, type CityAction } from "../../server/policy";
import type { Role } from "../../shared/roles";

/** The signed-in user, or a redirect to sign in that comes back here afterwards. */
export function requireUser(context: AppLoadContext, request: Request): User {
  if (context.user) return context.user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

export function notFoundResponse(message = "Page not found"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

/**
 * The city at `slug` as the signed-in user may see it. A city the user does not belong to answers
 * 404, exactly like one that does not exist; a member lacking the role for `action` gets 403.
 */
export async function requireCity(
  context: AppLoadContext,
  request: Request,
  slug: string | undefined,
  action: CityAction = "view",
): Promise<{ user: User; city: City; role: Role }> {
  const user = requireUser(context, request);
  const city = slug ? await findCityBySlug(context.db, { slug }) : null;
  const role = city ? roleIn(context.actor, city.id) : null;
  if (!city || !role) throw notFoundResponse();
  if (!can(context.actor, action, { type: "city", id: city.id })) {
    throw new Response("You do not have permission to do that", { status: 403, statusText: "Forbidden" });
  }
  return { user, city, role };
}
