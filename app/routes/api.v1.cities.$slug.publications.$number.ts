import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  findCityPublication,
  openDataNotFound,
  openDataPreflight,
  openDataResponse,
} from "../lib/open-data.server";

/** One version of the city's public page, whole, as published: open data, no sign-in needed. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const number = /^\d{1,9}$/.test(params.number ?? "") ? Number(params.number) : null;
  const answer = number ? await findCityPublication(context.db, { slug: params.slug ?? "", number }) : null;
  if (!answer) return openDataNotFound("This city has published no such version of its page");
  return openDataResponse(request, answer);
}
