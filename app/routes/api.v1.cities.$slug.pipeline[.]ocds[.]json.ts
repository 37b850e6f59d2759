import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataNotFound, openDataPreflight, openDataResponse } from "../lib/open-data.server";
import { findReleasePackage } from "../lib/procurement.server";

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
  return openDataResponse(request, {
    body: releasePackage,
    lastModified: new Date(releasePackage.publishedDate),
  });
}
