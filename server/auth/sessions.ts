import { Lucia, TimeSpan } from "lucia";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { User } from "../../db/repositories/users";
import { KyselySessionAdapter } from "./lucia-adapter";
import { generateToken, hashToken } from "./tokens";

declare module "lucia" {
  interface Register {
    Lucia: Lucia<{ createdAt: Date }, Omit<User, "id">>;
    DatabaseSessionAttributes: { createdAt?: Date };
    DatabaseUserAttributes: Omit<User, "id">;
  }
}

export const SESSION_COOKIE = "scf_session";

export interface SessionOptions {
  /** Send the cookie only over HTTPS. */
  secure: boolean;
  /** A session unused for this long ends; each use past its half-life extends it. @default 7 days */
  idleLifetime?: TimeSpan;
  /** No session lives longer than this, however active. @default 30 days */
  absoluteLifetimeMs?: number;
}

export interface ValidatedSession {
  user: User;
  sessionId: string;
  /** Set when the session was extended: the response must carry this Set-Cookie value. */
  renewedCookie?: string;
}

/**
 * The session lifecycle, behind an interface of our own so lucia (whose v3 is no longer maintained)
 * can be replaced without touching callers. The cookie carries a random token; the database holds
 * only its SHA-256, which serves as the session id.
 */
export interface SessionManager {
  readonly cookieName: string;
  /** Starts a session and returns its Set-Cookie value. */
  start(userId: string): Promise<string>;
  validate(token: string): Promise<ValidatedSession | null>;
  /** Ends the session whose cookie carries `token`. */
  end(token: string): Promise<void>;
  endAllOfUser(userId: string): Promise<void>;
  blankCookie(): string;
  readToken(cookieHeader: string | undefined): string | null;
}

export function createSessionManager(db: Kysely<Database>, options: SessionOptions): SessionManager {
  const absoluteLifetimeMs = options.absoluteLifetimeMs ?? 30 * 24 * 60 * 60 * 1000;
  const lucia = new Lucia(new KyselySessionAdapter(db), {
    sessionExpiresIn: options.idleLifetime ?? new TimeSpan(7, "d"),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: true,
      attributes: { secure: options.secure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt ?? new Date() }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      createdAt: attributes.createdAt,
    }),
  });

  return {
    cookieName: SESSION_COOKIE,

    async start(userId) {
      const token = generateToken();
      await lucia.createSession(userId, {}, { sessionId: hashToken(token) });
      // lucia formats the cookie; its value is the token, never the stored id.
      return lucia.createSessionCookie(token).serialize();
    },

    async validate(token) {
      const sessionId = hashToken(token);
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session) return null;
      if (Date.now() - session.createdAt.getTime() > absoluteLifetimeMs) {
        await lucia.invalidateSession(sessionId);
        return null;
      }
      const validated: ValidatedSession = {
        user: { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt },
        sessionId,
      };
      if (session.fresh) validated.renewedCookie = lucia.createSessionCookie(token).serialize();
      return validated;
    },

    end: (token) => lucia.invalidateSession(hashToken(token)),
    endAllOfUser: (userId) => lucia.invalidateUserSessions(userId),
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
    readToken: (cookieHeader) => (cookieHeader ? lucia.readSessionCookie(cookieHeader) : null),
  };
}
