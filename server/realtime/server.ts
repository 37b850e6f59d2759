import type http from "node:http";
import { Server, type Socket } from "socket.io";
import { findCityBySlug } from "../../db/repositories/cities";
import { findDocumentPlace } from "../../db/repositories/documents";
import { findRole, findRolesOfUser } from "../../db/repositories/memberships";
import { findSpaceAccessPlace } from "../../db/repositories/spaces";
import { presenceColour } from "../../shared/collab";
import { UUID_PATTERN } from "../../shared/documents";
import {
  REALTIME_PATH,
  type ClientToServerEvents,
  type OnlinePerson,
  type ServerToClientEvents,
} from "../../shared/realtime";
import { accessFor } from "../collab/access";
import { isAllowedOrigin } from "../http/security";
import type { UpgradeRouter } from "../http/upgrade";
import type { Services } from "../services";

interface SocketData {
  person: OnlinePerson;
  sessionId: string;
  /** City id → slug of the city rooms this socket joined. */
  cities: Map<string, string>;
  /** The document rooms this socket joined. */
  documents: Set<string>;
  /** The shared space rooms this socket joined. */
  spaces: Set<string>;
}

type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeOptions {
  /** How often joined rooms are checked against memberships and sessions. @default 3000 */
  accessCheckIntervalMs?: number;
}

export interface RealtimeServer {
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  close(): Promise<void>;
}

const cityRoom = (cityId: string) => `city:${cityId}`;
const spaceRoom = (spaceId: string) => `space:${spaceId}`;

/**
 * socket.io at `/realtime`, authenticated by the session cookie like every page: rooms per user and
 * per city (joined on request, after a membership check), carrying presence and live events.
 */
export function createRealtimeServer(
  services: Services,
  httpServer: http.Server,
  upgrades: UpgradeRouter,
  options: RealtimeOptions = {},
): RealtimeServer {
  const { config, db, logger, sessions } = services;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(
    httpServer,
    {
      path: REALTIME_PATH,
      serveClient: false,
      destroyUpgrade: false,
      // Browsers send no Origin on same-origin GETs (the long-polling transport); those must at least
      // not be cross-site. Every other request must name one of our origins.
      allowRequest: (request, callback) => {
        const sameOriginGet =
          request.method === "GET" &&
          !request.headers.origin &&
          request.headers["sec-fetch-site"] === "same-origin";
        callback(null, sameOriginGet || isAllowedOrigin(request.headers, config.allowedOrigins));
      },
    },
  );
  services.realtime.attach(io);
  // socket.io answers its own upgrades; the router only needs to let them through.
  upgrades.register(REALTIME_PATH, () => {});

  io.use((socket, next) => {
    const token = sessions.readToken(socket.request.headers.cookie);
    const validated = token ? sessions.validate(token) : Promise.resolve(null);
    validated.then(
      (session) => {
        if (!session) return next(new Error("unauthorized"));
        socket.data.person = {
          id: session.user.id,
          name: session.user.name,
          color: presenceColour(session.user.id),
        };
        socket.data.sessionId = session.sessionId;
        socket.data.cities = new Map();
        socket.data.documents = new Set();
        socket.data.spaces = new Set();
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });

  async function announcePresence(cityId: string, citySlug: string): Promise<void> {
    const sockets = await io.in(cityRoom(cityId)).fetchSockets();
    const people = new Map<string, OnlinePerson>();
    for (const socket of sockets) people.set(socket.data.person.id, socket.data.person);
    io.to(cityRoom(cityId)).emit("city:presence", {
      citySlug,
      people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)),
    });
  }

  function leaveCity(socket: RealtimeSocket, cityId: string): void {
    const slug = socket.data.cities.get(cityId);
    if (slug === undefined) return;
    socket.data.cities.delete(cityId);
    void socket.leave(cityRoom(cityId));
    void announcePresence(cityId, slug);
  }

  io.on("connection", (socket) => {
    void socket.join(`user:${socket.data.person.id}`);

    socket.on("city:join", (citySlug, answer) => {
      const reply = typeof answer === "function" ? answer : () => {};
      (async () => {
        const city = typeof citySlug === "string" ? await findCityBySlug(db, { slug: citySlug }) : null;
        const role = city ? await findRole(db, { cityId: city.id, userId: socket.data.person.id }) : null;
        if (!city || !role) return reply({ ok: false });
        socket.data.cities.set(city.id, city.slug);
        await socket.join(cityRoom(city.id));
        reply({ ok: true });
        await announcePresence(city.id, city.slug);
      })().catch((error: unknown) => {
        logger.error({ err: error }, "realtime city:join failed");
        reply({ ok: false });
      });
    });

    socket.on("document:join", (documentId, answer) => {
      const reply = typeof answer === "function" ? answer : () => {};
      (async () => {
        if (typeof documentId !== "string" || !(await mayReadDocument(documentId, socket.data.person.id)))
          return reply({ ok: false });
        socket.data.documents.add(documentId);
        await socket.join(`document:${documentId}`);
        reply({ ok: true });
      })().catch((error: unknown) => {
        logger.error({ err: error }, "realtime document:join failed");
        reply({ ok: false });
      });
    });

    socket.on("space:join", (spaceSlug, answer) => {
      const reply = typeof answer === "function" ? answer : () => {};
      (async () => {
        const place =
          typeof spaceSlug === "string" ? await findSpaceAccessPlace(db, { slug: spaceSlug }) : null;
        if (!place || !(await mayReadSpace(place.cityIds, socket.data.person.id)))
          return reply({ ok: false });
        socket.data.spaces.add(place.spaceId);
        await socket.join(spaceRoom(place.spaceId));
        reply({ ok: true });
      })().catch((error: unknown) => {
        logger.error({ err: error }, "realtime space:join failed");
        reply({ ok: false });
      });
    });

    socket.on("space:leave", (spaceSlug) => {
      void findSpaceAccessPlace(db, { slug: String(spaceSlug) }).then((place) => {
        if (!place) return;
        socket.data.spaces.delete(place.spaceId);
        void socket.leave(spaceRoom(place.spaceId));
      });
    });

    socket.on("document:leave", (documentId) => {
      socket.data.documents.delete(String(documentId));
      void socket.leave(`document:${documentId}`);
    });

    socket.on("city:leave", (citySlug) => {
      for (const [cityId, slug] of socket.data.cities) if (slug === citySlug) leaveCity(socket, cityId);
    });

    socket.on("disconnect", () => {
      for (const [cityId, slug] of socket.data.cities) void announcePresence(cityId, slug);
    });
  });

  async function mayReadDocument(documentId: string, userId: string): Promise<boolean> {
    const place = UUID_PATTERN.test(documentId) ? await findDocumentPlace(db, { documentId }) : null;
    return place !== null && accessFor(userId, place, await findRolesOfUser(db, { userId })) !== null;
  }

  async function mayReadSpace(cityIds: readonly string[], userId: string): Promise<boolean> {
    const roles = await findRolesOfUser(db, { userId });
    return cityIds.some((cityId) => roles.has(cityId));
  }

  /** Disconnects this process's sockets whose session ended and takes the others out of rooms they lost. */
  async function recheck(): Promise<void> {
    for (const socket of [...io.of("/").sockets.values()]) {
      const userId = socket.data.person.id;
      const live = await db
        .selectFrom("sessions")
        .select("id")
        .where("id", "=", socket.data.sessionId)
        .where("expires_at", ">", new Date())
        .executeTakeFirst();
      if (!live) {
        socket.disconnect(true);
        continue;
      }
      for (const cityId of [...socket.data.cities.keys()]) {
        if (!(await findRole(db, { cityId, userId }))) leaveCity(socket, cityId);
      }
      for (const documentId of [...socket.data.documents]) {
        if (!(await mayReadDocument(documentId, userId))) {
          socket.data.documents.delete(documentId);
          void socket.leave(`document:${documentId}`);
        }
      }
      for (const spaceId of [...socket.data.spaces]) {
        const place = await findSpaceAccessPlace(db, { spaceId });
        if (!place || !(await mayReadSpace(place.cityIds, userId))) {
          socket.data.spaces.delete(spaceId);
          void socket.leave(spaceRoom(spaceId));
        }
      }
    }
  }

  const runRecheck = () => {
    recheck().catch((error: unknown) => logger.error({ err: error }, "realtime access re-check failed"));
  };
  services.realtime.onAccessChanged(runRecheck);
  const timer = setInterval(runRecheck, options.accessCheckIntervalMs ?? 3000);
  timer.unref();

  return {
    io,
    close: () =>
      new Promise((resolve) => {
        clearInterval(timer);
        io.disconnectSockets(true);
        // io.close() would also close the HTTP server, which the workspace closes itself.
        io.engine.close();
        resolve();
      }),
  };
}
