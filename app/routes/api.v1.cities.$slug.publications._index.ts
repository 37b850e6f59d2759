import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  listCityPublications,
  openDataNotFound,
  openDataPreflight,
  openDataResponse,
} from "../lib/open-data.server";

/** Every version of the city's public page, newest first, without content: open data, no sign-in needed. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const answer = await listCityPublications(context.db, {
    slug: params.slug ?? "",
    origin: context.services.config.publicOrigin,
  });
  if (!answer) return openDataNotFound("This city has published no public page");
  return openDataResponse(request, answer);
}
