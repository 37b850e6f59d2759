// Server-only entry points for publishing a city's procurement pipeline as open data (OCDS).
import { createHash } from "node:crypto";
import { etagMatches, openDataHeaders } from "./open-data.server";

export {
  findPublishedPipeline,
  findReleasePackage,
  listPublishingCities,
  publishingOverview,
  publishOpportunities,
  releasePackageUri,
  setOcidPrefix,
  type PublishReport,
} from "../../server/procurement/publishing";

/**
 * An answer of the open data API for published data: readable from any origin, with an ETag that
 * changes with the body, and a short cache life since a lead may publish at any time.
 */
export function openDataResponse(request: Request, args: { body: unknown; contentType: string }): Response {
  const body = JSON.stringify(args.body);
  const etag = `"${createHash("sha256").update(body).digest("base64url")}"`;
  const headers = { ...openDataHeaders(etag), "Cache-Control": "public, max-age=60" };
  if (etagMatches(request.headers.get("If-None-Match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": args.contentType } });
}

/** The open data API's answer for something it does not have. */
export function openDataNotFound(message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status: 404,
    headers: { "Access-Control-Allow-Origin": "*", "Content-Type": "application/json; charset=utf-8" },
  });
}
