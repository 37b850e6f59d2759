import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  etagMatches,
  frameworkLinkedData,
  openDataHeaders,
  openDataPreflight,
} from "../lib/open-data.server";

/** The Smart City Framework as a SKOS concept scheme in JSON-LD: open data, no sign-in needed. */
export function loader({ context, request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const { body, etag } = frameworkLinkedData(context.services.config.publicOrigin);
  const headers = openDataHeaders(etag);
  if (etagMatches(request.headers.get("If-None-Match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/ld+json" } });
}
