import type { LoaderFunctionArgs } from "@remix-run/node";
import { listOpenDataCities, openDataPreflight, openDataResponse } from "../lib/open-data.server";

/** Every city with a published page or pipeline, with links to its endpoints: open data, no sign-in needed. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const answer = await listOpenDataCities(context.db, { origin: context.services.config.publicOrigin });
  return openDataResponse(request, answer);
}
