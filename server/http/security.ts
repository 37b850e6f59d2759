import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import type { Config } from "../config";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A fresh nonce per response, for the scripts Remix inlines. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

export function securityHeaders(config: Config): RequestHandler {
  const https = config.publicOrigin.startsWith("https:");
  const development = config.env === "development";
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
        styleSrc: ["'self'"],
        // The editor positions tables and carets with style attributes; no <style> elements are allowed.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        // The live-reload socket of `npm run dev` listens on its own port.
        connectSrc: development ? ["'self'", "ws://localhost:*"] : ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    // With "no-referrer", browsers send `Origin: null` on plain form posts, which the Origin check
    // must refuse; "same-origin" keeps the real origin on our own requests and tells others nothing.
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}

/** Whether a request's origin is one of ours. */
export function isAllowedOrigin(
  headers: { origin?: string | undefined; "sec-fetch-site"?: string | string[] | undefined },
  allowedOrigins: readonly string[],
): boolean {
  if (headers["sec-fetch-site"] === "cross-site") return false;
  const origin = headers.origin;
  return typeof origin === "string" && allowedOrigins.includes(origin);
}

/**
 * Refuses every state-changing request that does not come from our own pages: a foreign or missing
 * `Origin`, or `Sec-Fetch-Site: cross-site`, is answered 403 before any handler runs.
 */
export function requireSameOrigin(config: Config): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (isAllowedOrigin(req.headers, config.allowedOrigins)) return next();
    res
      .status(403)
      .type("text/plain")
      .send("Forbidden: this request did not come from the workspace's own pages.");
  };
}

/** A ceiling on state-changing requests per address; sign-in has its own, stricter throttle. */
export function writeRateLimit(): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: 300,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    skip: (req) => SAFE_METHODS.has(req.method),
    message: "Too many requests from this address. Wait a minute and try again.",
  });
}

/**
 * A ceiling on reads of the open data API per address (decision 016): generous enough for a tool
 * that walks every city and publication each minute, low enough that one client cannot take the
 * server from everyone else. Refusals are JSON and readable from any origin, like the API's answers.
 */
export function openDataRateLimit(config: Config): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: config.apiRateLimit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, res, _next, options) => {
      res
        .status(options.statusCode)
        .set({
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Expose-Headers": "Retry-After, RateLimit, RateLimit-Policy",
        })
        .json({
          error: "Too many requests from this address. Wait for the time Retry-After gives and try again.",
        });
    },
  });
}
