import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { SessionManager } from "./auth/sessions";
import type { SignInThrottle } from "./auth/throttle";
import type { Config } from "./config";
import type { Logger } from "./logger";

/** The long-lived parts of the server that route modules reach through the load context. */
export interface Services {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  sessions: SessionManager;
  signInThrottle: SignInThrottle;
}
