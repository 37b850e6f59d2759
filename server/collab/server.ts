import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { findDocumentPlace } from "../../db/repositories/documents";
import { findRolesOfUser } from "../../db/repositories/memberships";
import { ACK_PARAM, presenceColour } from "../../shared/collab";
import { UUID_PATTERN } from "../../shared/documents";
import { isAllowedOrigin } from "../http/security";
import { refuseUpgrade } from "../http/upgrade";
import type { Services } from "../services";
import { accessFor } from "./access";
import { CollabHub, type HubOptions } from "./hub";
import { UpdateStore, type PersistenceOptions } from "./persistence";

export const COLLAB_PATH = "/collab";

function destroySocket(this: Duplex): void {
  this.destroy();
}

export interface CollabOptions extends HubOptions, PersistenceOptions {
  /** Largest message accepted; a bigger frame closes the socket with 1009. @default 16 MiB */
  maxMessageBytes?: number;
}

export interface CollabServer {
  hub: CollabHub;
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * The collaboration endpoint `/collab/<documentId>`: every check happens before the upgrade
 * completes, so a refused client gets a plain HTTP status and never a socket.
 */
export function createCollabServer(services: Services, options: CollabOptions = {}): CollabServer {
  const { config, db, logger, sessions } = services;
  const store = new UpdateStore(db, logger, options);
  const hub = new CollabHub(db, store, logger, options);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? 16 * 1024 * 1024,
  });

  type Decision =
    | { refused: { status: number; reason: string }; granted?: undefined }
    | { refused?: undefined; granted: Parameters<CollabHub["connect"]>[1] };

  async function authorize(request: IncomingMessage): Promise<Decision> {
    if (!isAllowedOrigin(request.headers, config.allowedOrigins)) {
      return { refused: { status: 403, reason: "Forbidden: foreign origin" } };
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    const documentId = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length + 1));
    if (!UUID_PATTERN.test(documentId))
      return { refused: { status: 400, reason: "Bad Request: not a document id" } };
    const token = sessions.readToken(request.headers.cookie);
    const session = token ? await sessions.validate(token) : null;
    if (!session) return { refused: { status: 401, reason: "Unauthorized: sign in first" } };
    const place = await findDocumentPlace(db, { documentId });
    if (!place) return { refused: { status: 404, reason: "Not Found" } };
    const roles = await findRolesOfUser(db, { userId: session.user.id });
    const allowed = accessFor(session.user.id, place, roles);
    // Someone outside the document's cities cannot tell it from a document that does not exist.
    if (!allowed) return { refused: { status: 404, reason: "Not Found" } };
    // An archived document can be read but not changed.
    const access = place.archived ? "read" : allowed;
    return {
      granted: {
        documentId,
        access,
        archived: place.archived,
        wantsAcks: url.searchParams.get(ACK_PARAM) === "1",
        principal: {
          userId: session.user.id,
          name: session.user.name,
          colour: presenceColour(session.user.id),
          sessionId: session.sessionId,
        },
      },
    };
  }

  return {
    hub,
    handleUpgrade(request, socket, head) {
      socket.on("error", destroySocket);
      authorize(request).then(
        (decision) => {
          if (decision.refused)
            return refuseUpgrade(socket, decision.refused.status, decision.refused.reason);
          const granted = decision.granted;
          // From here the WebSocket handles socket errors; a listener of ours would keep the upgrade
          // request alive as long as the connection.
          socket.off("error", destroySocket);
          wss.handleUpgrade(request, socket, head, (ws) => hub.connect(ws, granted));
        },
        (error: unknown) => {
          logger.error({ err: error }, "collaboration upgrade failed");
          refuseUpgrade(socket, 500, "Internal Server Error");
        },
      );
    },
    async close() {
      await hub.close();
      wss.close();
    },
  };
}
