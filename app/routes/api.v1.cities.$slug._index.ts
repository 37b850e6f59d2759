import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  findOpenDataCity,
  openDataNotFound,
  openDataPreflight,
  openDataResponse,
} from "../lib/open-data.server";

/** A city with published data and links to its endpoints: open data, no sign-in needed. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const answer = await findOpenDataCity(context.db, {
    slug: params.slug ?? "",
    origin: context.services.config.publicOrigin,
  });
  if (!answer) return openDataNotFound("This city has published nothing");
  return openDataResponse(request, answer);
}
