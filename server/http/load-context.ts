import type { Kysely } from "kysely";
import type { User } from "../../db/repositories/users";
import type { Database } from "../../db/schema";
import type { Actor } from "../policy";
import type { Services } from "../services";

/** What every Remix loader and action receives from the server. */
export interface RequestContext {
  db: Kysely<Database>;
  services: Services;
  /** The signed-in user, or null. */
  user: User | null;
  /** The user with their city roles, for `can()`. */
  actor: Actor;
  /** The client's address, as Express sees it behind the configured proxies. */
  clientAddress: string;
  /** Nonce of this response's Content-Security-Policy, for inline scripts. */
  cspNonce: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface AppLoadContext extends RequestContext {}
}
