import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { SessionManager } from "./auth/sessions";
import type { SignInThrottle } from "./auth/throttle";
import type { Config } from "./config";
import type { Logger } from "./logger";
import type { CollabHub } from "./collab/hub";
import type { PublicPageCache } from "./http/public-page-cache";
import type { RealtimeEmitter } from "./realtime/emitter";

/** The long-lived parts of the server that route modules reach through the load context. */
export interface Services {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  sessions: SessionManager;
  signInThrottle: SignInThrottle;
  realtime: RealtimeEmitter;
  /** Public pages as rendered for their latest publication, served whole to signed-out readers. */
  publicPages: PublicPageCache;
  /** The collaboration hub of this process, once the collaboration server has started. */
  collabHub?: CollabHub;
}
