// Server-only entry points for the open data API (/api/v1/...): public, cacheable, readable from any origin.
import { openDataBody, type OpenDataAnswer, type OpenDataBody } from "../../server/open-data/answer";
import { openApiDocument } from "../../server/open-data/openapi";
import { frameworkJsonLd } from "../../server/scf/jsonld";

export {
  findCityPublication,
  findOpenDataCity,
  findPublishedRoadmap,
  findReleasePackageAnswer,
  listCityPublications,
  listOpenDataCities,
} from "../../server/open-data/cities";

/** When this process started: what ships with the code last changed no later than that. */
const SHIPPED_AT = new Date(Math.floor(Date.now() / 1000) * 1000);

const frameworkBodies = new Map<string, OpenDataBody>();
const openApiBodies = new Map<string, OpenDataBody>();

/**
 * The framework as JSON-LD for this origin. The catalogue ships with the code, so the body is built
 * once per origin and process.
 */
export function frameworkLinkedData(origin: string): OpenDataAnswer {
  let cached = frameworkBodies.get(origin);
  if (!cached) {
    cached = openDataBody(frameworkJsonLd(origin));
    frameworkBodies.set(origin, cached);
  }
  return { ...cached, lastModified: SHIPPED_AT };
}

/** The OpenAPI description of the API for this origin, built once per origin and process like the framework. */
export function openApiDescription(origin: string): OpenDataAnswer {
  let cached = openApiBodies.get(origin);
  if (!cached) {
    cached = openDataBody(openApiDocument(origin));
    openApiBodies.set(origin, cached);
  }
  return { ...cached, lastModified: SHIPPED_AT };
}

/** Whether an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/**
 * Whether the client's copy is current: If-None-Match decides when sent; only without it does
 * If-Modified-Since count (RFC 9110, 13.2.2), at the whole seconds an HTTP date carries.
 */
export function notModified(
  request: Request,
  validators: { etag: string; lastModified: Date | null },
): boolean {
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch) return etagMatches(ifNoneMatch, validators.etag);
  const ifModifiedSince = Date.parse(request.headers.get("If-Modified-Since") ?? "");
  if (!validators.lastModified || Number.isNaN(ifModifiedSince)) return false;
  return Math.floor(validators.lastModified.getTime() / 1000) * 1000 <= ifModifiedSince;
}

/** The headers every answer of the open data API carries, a 304 included. */
export function openDataHeaders(etag: string, lastModified: Date | null = null): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
    "Cache-Control": "public, max-age=3600",
    ETag: etag,
    ...(lastModified ? { "Last-Modified": lastModified.toUTCString() } : {}),
  };
}

/**
 * The answer to a browser's CORS preflight, which a script on another site triggers when it sends
 * its own If-None-Match or If-Modified-Since: reading is allowed from anywhere, with those headers.
 */
export function openDataPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, HEAD",
      "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/**
 * An answer of the open data API: readable from any origin, with an ETag that changes with the
 * body and Last-Modified the time it was published, or 304 when the client's copy is current.
 * Published data gets a short cache life since a lead may publish at any time; what ships with the
 * code, an hour.
 */
export function openDataResponse(
  request: Request,
  answer: OpenDataAnswer,
  options: { contentType?: string; maxAge?: number } = {},
): Response {
  const headers = {
    ...openDataHeaders(answer.etag, answer.lastModified),
    "Cache-Control": `public, max-age=${options.maxAge ?? 60}`,
  };
  if (notModified(request, answer)) return new Response(null, { status: 304, headers });
  return new Response(answer.body, {
    headers: { ...headers, "Content-Type": options.contentType ?? "application/json; charset=utf-8" },
  });
}

/**
 * The open data API's answer for something it does not have: the same for a city that does not
 * exist and one that has published nothing, so the API tells no more than the public pages.
 */
export function openDataNotFound(message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status: 404,
    headers: { "Access-Control-Allow-Origin": "*", "Content-Type": "application/json; charset=utf-8" },
  });
}

/**
 * What an open data endpoint for published data answers: the preflight, the answer `find` gives
 * (or 304), or a 404 with `missing` when it gives none.
 */
export async function answerOpenData(
  request: Request,
  missing: string,
  find: () => Promise<OpenDataAnswer | null>,
): Promise<Response> {
  if (request.method === "OPTIONS") return openDataPreflight();
  const answer = await find();
  return answer ? openDataResponse(request, answer) : openDataNotFound(missing);
}
