import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDescription, openDataPreflight, openDataStaticResponse } from "../lib/open-data.server";

/** The OpenAPI 3.1 description of the open data API. */
export function loader({ context, request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  return openDataStaticResponse(request, {
    body: openApiDescription(context.services.config.publicOrigin),
    contentType: "application/json; charset=utf-8",
  });
}
