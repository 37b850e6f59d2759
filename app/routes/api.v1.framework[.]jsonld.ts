import type { LoaderFunctionArgs } from "@remix-run/node";
import { frameworkLinkedData, openDataPreflight, openDataResponse } from "../lib/open-data.server";

/** The Smart City Framework as a SKOS concept scheme in JSON-LD: open data, no sign-in needed. */
export function loader({ context, request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  return openDataResponse(request, frameworkLinkedData(context.services.config.publicOrigin), {
    contentType: "application/ld+json",
    maxAge: 3600,
  });
}
