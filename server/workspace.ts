import { openDatabase, type DatabaseHandle } from "../db/connect";
import { migrateToLatest } from "../db/migrate";
import { countCities } from "../db/repositories/cities";
import { createSessionManager } from "./auth/sessions";
import { createSignInThrottle } from "./auth/throttle";
import { localOrigins, type Config } from "./config";
import { formatDemoLogins, seedDemo } from "./demo";
import { createWorkspaceServer, loadBuild, type BuildSource, type WorkspaceServer } from "./http/server";
import { createLogger, type Logger } from "./logger";
import { PublicPageCache } from "./http/public-page-cache";
import { RealtimeEmitter } from "./realtime/emitter";
import { createRealtimeServer, type RealtimeOptions, type RealtimeServer } from "./realtime/server";
import { COLLAB_PATH, createCollabServer, type CollabOptions, type CollabServer } from "./collab/server";
import type { Services } from "./services";

export interface RunningWorkspace {
  url: string;
  port: number;
  services: Services;
  server: WorkspaceServer;
  collab: CollabServer;
  realtime: RealtimeServer;
  /** Graceful stop: no new connections, requests in flight finish, then the database closes. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  build?: BuildSource;
  /** An already open database (tests); otherwise the one the configuration names is opened. */
  database?: DatabaseHandle;
  /** Seed demo cities into an empty embedded database. @default true */
  seedEmptyEmbedded?: boolean;
  /** Tuning of the collaboration server (tests shorten its timers). */
  collab?: CollabOptions;
  realtime?: RealtimeOptions;
}

export async function startWorkspace(config: Config, options: StartOptions = {}): Promise<RunningWorkspace> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase(config.database));
  try {
    const applied = await migrateToLatest(database.db);
    for (const result of applied) logger.info({ migration: result.migrationName }, "migration applied");

    if (
      database.kind === "embedded" &&
      (options.seedEmptyEmbedded ?? true) &&
      (await countCities(database.db)) === 0
    ) {
      const logins = await seedDemo(database.db);
      logger.info({ cities: 3 }, "seeded demo cities into the empty embedded database");
      process.stdout.write(`\n${formatDemoLogins(logins)}\n\n`);
    }

    const services: Services = {
      config,
      db: database.db,
      logger,
      sessions: createSessionManager(database.db, { secure: config.secureCookies }),
      signInThrottle: createSignInThrottle(database.db),
      realtime: new RealtimeEmitter(),
      publicPages: new PublicPageCache(),
    };
    const server = createWorkspaceServer(services, options.build ?? (await loadBuild()));
    const collab = createCollabServer(services, {
      maxMessageBytes: config.collabMaxMessageBytes,
      // PGlite has one owner, its own thread: the compactor thread cannot reach it, so the server
      // compacts those documents itself (their SQL still runs in the database thread).
      compactionDatabase: database.options.kind === "postgres" ? database.options : undefined,
      ...options.collab,
    });
    server.upgrades.register(COLLAB_PATH, collab.handleUpgrade);
    services.collabHub = collab.hub;
    const realtime = createRealtimeServer(services, server.httpServer, server.upgrades, options.realtime);
    const port = await server.listen(config.port, config.host);
    if (!config.explicitOrigin && port !== config.port) {
      // PORT=0 binds a free port: only now is the origin of our own pages known.
      config.allowedOrigins = localOrigins(port);
      config.publicOrigin = config.allowedOrigins[0]!;
    }
    const url = `http://localhost:${port}`;
    logger.info({ url, database: database.kind, location: database.location }, "SCF Workspace is listening");

    return {
      url,
      port,
      services,
      server,
      collab,
      realtime,
      async stop() {
        await realtime.close();
        await collab.close();
        await server.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
