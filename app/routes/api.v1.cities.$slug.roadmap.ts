import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  findPublishedRoadmap,
  openDataNotFound,
  openDataPreflight,
  openDataResponse,
} from "../lib/open-data.server";

/** The roadmap progress of the city's latest publication: open data, no sign-in needed. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const answer = await findPublishedRoadmap(context.db, { slug: params.slug ?? "" });
  if (!answer) return openDataNotFound("This city has published no roadmap progress");
  return openDataResponse(request, answer);
}
