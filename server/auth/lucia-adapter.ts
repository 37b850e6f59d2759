import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import * as sessions from "../../db/repositories/sessions";

/** lucia's storage interface over our Kysely repositories. */
export class KyselySessionAdapter implements Adapter {
  constructor(private readonly db: Kysely<Database>) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const found = await sessions.findSessionWithUser(this.db, { id: sessionId });
    if (!found) return [null, null];
    return [
      {
        id: found.session.id,
        userId: found.session.userId,
        expiresAt: found.session.expiresAt,
        attributes: { createdAt: found.session.createdAt },
      },
      {
        id: found.user.id,
        attributes: { email: found.user.email, name: found.user.name, createdAt: found.user.createdAt },
      },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await sessions.findSessionsOfUser(this.db, { userId });
    return rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { createdAt: row.createdAt },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await sessions.insertSession(this.db, {
      id: session.id,
      userId: session.userId,
      expiresAt: session.expiresAt,
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await sessions.updateSessionExpiry(this.db, { id: sessionId, expiresAt });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await sessions.deleteSession(this.db, { id: sessionId });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await sessions.deleteSessionsOfUser(this.db, { userId });
  }

  async deleteExpiredSessions(): Promise<void> {
    await sessions.deleteExpiredSessions(this.db, { now: new Date() });
  }
}
