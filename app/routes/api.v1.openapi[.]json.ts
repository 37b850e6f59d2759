import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDescription, openDataPreflight, openDataResponse } from "../lib/open-data.server";

/** The OpenAPI 3.1 description of the open data API. */
export function loader({ context, request }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  return openDataResponse(request, openApiDescription(context.services.config.publicOrigin), {
    maxAge: 3600,
  });
}
