// Server-only entry points for the open data API (/api/v1/...): public, cacheable, readable from any origin.
import { createHash } from "node:crypto";
import { frameworkJsonLd } from "../../server/scf/jsonld";

export interface OpenDataBody {
  body: string;
  /** A strong validator: the SHA-256 of the body. */
  etag: string;
}

const frameworkBodies = new Map<string, OpenDataBody>();

/**
 * The framework as JSON-LD for this origin. The catalogue ships with the code, so the body is built
 * once per origin and process.
 */
export function frameworkLinkedData(origin: string): OpenDataBody {
  let cached = frameworkBodies.get(origin);
  if (!cached) {
    const body = JSON.stringify(frameworkJsonLd(origin));
    cached = { body, etag: `"${createHash("sha256").update(body).digest("base64url")}"` };
    frameworkBodies.set(origin, cached);
  }
  return cached;
}

/** Whether an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** The headers every answer of the open data API carries, a 304 included. */
export function openDataHeaders(etag: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
    "Cache-Control": "public, max-age=3600",
    ETag: etag,
  };
}

/**
 * The answer to a browser's CORS preflight, which a script on another site triggers when it sends
 * its own If-None-Match: reading is allowed from anywhere, with that header.
 */
export function openDataPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, HEAD",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}
