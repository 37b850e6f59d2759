import type { RequestHandler, Response } from "express";
import { findCityWithLatestNumber } from "../../db/repositories/publications";
import type { Services } from "../services";

/** Stands in a stored page for the nonce of the response that rendered it. */
const NONCE_MARK = "\u0000nonce\u0000";

const PUBLIC_PAGE = /^\/p\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\/?$/;

/** Headers of a rendered page that belong to that one response, not to the page. */
const PER_RESPONSE = new Set(["content-length", "content-encoding", "set-cookie", "date", "vary", "etag"]);

/**
 * How long a read of a city's latest publication number is trusted. A publication made through this
 * process is seen at once (`published`); one made by another process (several servers on PostgreSQL)
 * within this time.
 */
const FRESH_MS = 1_000;

interface StoredPage {
  version: string;
  /** When the version was last read. */
  checkedAt: number;
  /** The HTML with every occurrence of its nonce replaced by `NONCE_MARK`. */
  html: string;
  headers: Record<string, string | number | string[]>;
}

/** Collects what the rest of the chain writes, passing every chunk on as it goes. */
function capture(res: Response, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const keep = (chunk: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && typeof chunk !== "function") keep(chunk);
    const result = end(chunk, ...rest);
    done(Buffer.concat(chunks));
    return result;
  }) as Response["end"];
}

/**
 * A city's public page as a signed-out reader gets it, rendered once per publication and then served
 * whole (decision 016). The page reads only the latest publication, so that publication's number names
 * its content; one small query finds the number, trusted for a second (`FRESH_MS`) unless this process
 * publishes meanwhile.
 * Each answer still carries a nonce of its own, in the page and in its Content-Security-Policy. Signed-in
 * readers, query strings and anything but a 200 go through Remix as usual.
 */
export class PublicPageCache {
  private readonly pages = new Map<string, StoredPage>();

  /** A city published: its next reader gets the new publication, whatever was read a moment ago. */
  published(slug: string): void {
    const stored = this.pages.get(slug);
    if (stored) stored.checkedAt = 0;
  }

  /** The middleware that answers from the stored pages, and stores what Remix renders. */
  handler(services: Pick<Services, "db" | "sessions">): RequestHandler {
    const pages = this.pages;
    return (req, res, next) => {
      const match = PUBLIC_PAGE.exec(req.path);
      const anonymous = services.sessions.readToken(req.headers.cookie) === null;
      const plain = Object.keys(req.query).length === 0;
      if ((req.method !== "GET" && req.method !== "HEAD") || !match || !anonymous || !plain) return next();
      const slug = match[1]!;
      const nonce = res.locals.cspNonce as string;
      const serve = (stored: StoredPage) => {
        // Sent as it is: an entity tag of a body that differs in its nonce every time would never match.
        res.status(200).set(stored.headers);
        res.end(stored.html.replaceAll(NONCE_MARK, nonce));
      };
      const known = pages.get(slug);
      if (known && Date.now() - known.checkedAt < FRESH_MS) return serve(known);
      findCityWithLatestNumber(services.db, { slug })
        .then((found) => {
          if (!found || found.latestNumber === null) {
            pages.delete(slug);
            return next();
          }
          const version = `${found.latestNumber}\u0000${found.city.name}\u0000${found.city.country ?? ""}`;
          const stored = pages.get(slug);
          if (stored?.version === version) {
            stored.checkedAt = Date.now();
            return serve(stored);
          }
          // A HEAD answer has no body to keep.
          if (req.method === "HEAD") return next();
          const checkedAt = Date.now();
          capture(res, (body) => {
            const type = String(res.getHeader("content-type") ?? "");
            if (res.statusCode !== 200 || !type.startsWith("text/html") || res.getHeader("set-cookie"))
              return;
            const headers = Object.fromEntries(
              Object.entries(res.getHeaders()).filter(
                (entry): entry is [string, string | number | string[]] =>
                  entry[1] !== undefined &&
                  !PER_RESPONSE.has(entry[0]) &&
                  entry[0] !== "content-security-policy",
              ),
            );
            const html = body.toString("utf8").replaceAll(nonce, NONCE_MARK);
            pages.set(slug, { version, checkedAt, html, headers });
          });
          next();
        })
        .catch(next);
    };
  }
}
