import { afterAll, afterEach, beforeAll } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { CollabSession } from "../../app/lib/collab-client";
import type { DatabaseHandle } from "../../db/connect";
import type { CollabOptions } from "../../server/collab/server";
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/logger";
import { startWorkspace, type RunningWorkspace } from "../../server/workspace";

/** The whole server on a free port, with collaboration timers short enough for tests. */
export function startCollabWorkspace(
  database: DatabaseHandle,
  collab: CollabOptions = {},
): Promise<RunningWorkspace> {
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
  return startWorkspace(config, {
    database: { ...database, close: async () => {} },
    logger: createLogger("silent"),
    seedEmptyEmbedded: false,
    collab: { unloadDelayMs: 50, accessCheckIntervalMs: 100, ...collab },
  });
}

/** Signs in through the real form and returns the session cookie (`name=value`). */
export async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { Origin: new URL(baseUrl).origin },
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie()[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed with ${response.status}`);
  return cookie.split(";")[0]!;
}

/** A `ws` WebSocket class that presents a cookie and an Origin, as a browser would. */
export function authenticatedWebSocket(cookie: string | null, origin: string): typeof globalThis.WebSocket {
  class AuthenticatedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { ...(cookie ? { Cookie: cookie } : {}), Origin: origin } });
    }
  }
  return AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket;
}

export interface TestCollabClient {
  doc: Y.Doc;
  session: CollabSession;
  destroy(): void;
}

/** A real client: a Y.Doc and the app's collaboration session over the stock y-websocket provider. */
export function connectClient(args: {
  baseUrl: string;
  documentId: string;
  cookie: string | null;
  origin?: string;
  doc?: Y.Doc;
}): TestCollabClient {
  const doc = args.doc ?? new Y.Doc();
  const session = new CollabSession({
    serverUrl: `${args.baseUrl.replace(/^http/, "ws")}/collab`,
    documentId: args.documentId,
    doc,
    WebSocketPolyfill: authenticatedWebSocket(args.cookie, args.origin ?? new URL(args.baseUrl).origin),
  });
  return {
    doc,
    session,
    destroy: () => {
      session.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens a raw socket; resolves with the HTTP status of a refused upgrade, or 101 when accepted. */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("open", () => {
      resolve(101);
      socket.close();
    });
    socket.on("error", (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

/**
 * One collaboration workspace per test file on the file's database, and the clients a test
 * connects, destroyed after each test.
 */
export function useCollabWorkspace(
  database: { readonly handle: DatabaseHandle },
  collab: CollabOptions = {},
) {
  let workspace: RunningWorkspace | undefined;
  const clients: TestCollabClient[] = [];
  beforeAll(async () => {
    workspace = await startCollabWorkspace(database.handle, collab);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(() => workspace?.stop());
  return {
    clients,
    get workspace(): RunningWorkspace {
      if (!workspace) throw new Error("The workspace has not started yet");
      return workspace;
    },
  };
}
