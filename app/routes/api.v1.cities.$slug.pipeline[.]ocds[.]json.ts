import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataPreflight } from "../lib/open-data.server";
import { findReleasePackage, openDataNotFound, openDataResponse } from "../lib/procurement.server";

/**
 * The city's published procurement pipeline as an OCDS 1.1 release package, every release it has
 * published included: open data, no sign-in needed.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return openDataPreflight();
  const releasePackage = await findReleasePackage(context.db, {
    slug: params.slug ?? "",
    origin: context.services.config.publicOrigin,
  });
  if (!releasePackage) return openDataNotFound("This city has published no procurement pipeline");
  return openDataResponse(request, { body: releasePackage, contentType: "application/json; charset=utf-8" });
}
