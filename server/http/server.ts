import http from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler, type Request, type Response } from "express";
import { pinoHttp } from "pino-http";
import * as memberships from "../../db/repositories/memberships";
import type { Services } from "../services";
import type { RequestContext } from "./load-context";
import { cspNonce, openDataRateLimit, requireSameOrigin, securityHeaders, writeRateLimit } from "./security";
import { UpgradeRouter } from "./upgrade";

export const BUILD_DIR = path.resolve("build");

export interface WorkspaceServer {
  httpServer: http.Server;
  upgrades: UpgradeRouter;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes sockets. */
  close(graceMs?: number): Promise<void>;
}

/** Where the Remix build comes from: loaded once, or re-read on every request while developing. */
export type BuildSource = ServerBuild | (() => Promise<ServerBuild>);

export async function loadBuild(): Promise<ServerBuild> {
  return (await import(path.join(BUILD_DIR, "index.js"))) as ServerBuild;
}

async function requestContext(services: Services, req: Request, res: Response): Promise<AppLoadContext> {
  const base: Omit<RequestContext, "user" | "actor"> = {
    db: services.db,
    services,
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    cspNonce: res.locals.cspNonce as string,
  };
  const token = services.sessions.readToken(req.headers.cookie);
  const validated = token ? await services.sessions.validate(token) : null;
  if (!validated) {
    // A cookie that names no live session is cleared, so the browser stops sending it.
    if (token) res.append("Set-Cookie", services.sessions.blankCookie());
    return { ...base, user: null, actor: null };
  }
  if (validated.renewedCookie) res.append("Set-Cookie", validated.renewedCookie);
  const roles = await memberships.findRolesOfUser(services.db, { userId: validated.user.id });
  return { ...base, user: validated.user, actor: { userId: validated.user.id, roles } };
}

export function createWorkspaceServer(services: Services, build: BuildSource): WorkspaceServer {
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url?.startsWith("/build/") ?? false },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(cspNonce);
  app.use(securityHeaders(config));
  app.use(compression());

  // Fingerprinted assets never change under one name: cache them for a year.
  app.use(
    "/build",
    express.static(path.join(BUILD_DIR, "public", "build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(requireSameOrigin(config));
  app.use(writeRateLimit());
  app.use("/api/v1", openDataRateLimit(config));
  // While developing, every request may bring a new build: nothing rendered is kept.
  if (typeof build !== "function") app.use(services.publicPages.handler(services));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.env === "production" ? "production" : "development",
      getLoadContext: (req, res) => requestContext(services, req, res),
    }),
  );

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    req.log.error({ err: error }, "request failed");
    if (res.headersSent) return res.end();
    res.status(500).type("text/plain").send("Something went wrong on our side. Try again in a moment.");
  };
  app.use(onError);

  const httpServer = http.createServer(app);
  const upgrades = new UpgradeRouter();
  httpServer.on("upgrade", upgrades.handle);

  return {
    httpServer,
    upgrades,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    close: (graceMs = 10_000) =>
      new Promise((resolve) => {
        const force = setTimeout(() => httpServer.closeAllConnections(), graceMs);
        force.unref();
        httpServer.close(() => {
          clearTimeout(force);
          resolve();
        });
        httpServer.closeIdleConnections();
      }),
  };
}
