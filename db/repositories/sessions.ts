import type { Executor } from "./executor";

export interface StoredSession {
  id: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
}

export async function insertSession(
  db: Executor,
  args: { id: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({ id: args.id, user_id: args.userId, expires_at: args.expiresAt })
    .execute();
}

export async function findSessionWithUser(db: Executor, args: { id: string }) {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as session_id",
      "sessions.expires_at",
      "sessions.created_at as session_created_at",
      "users.id as user_id",
      "users.email",
      "users.name",
      "users.created_at as user_created_at",
    ])
    .where("sessions.id", "=", args.id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    session: {
      id: row.session_id,
      userId: row.user_id,
      expiresAt: row.expires_at,
      createdAt: row.session_created_at,
    } satisfies StoredSession,
    user: { id: row.user_id, email: row.email, name: row.name, createdAt: row.user_created_at },
  };
}

export async function findSessionsOfUser(db: Executor, args: { userId: string }): Promise<StoredSession[]> {
  const rows = await db.selectFrom("sessions").selectAll().where("user_id", "=", args.userId).execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  }));
}

export async function updateSessionExpiry(
  db: Executor,
  args: { id: string; expiresAt: Date },
): Promise<void> {
  await db.updateTable("sessions").set({ expires_at: args.expiresAt }).where("id", "=", args.id).execute();
}

export async function deleteSession(db: Executor, args: { id: string }): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", args.id).execute();
}

export async function deleteSessionsOfUser(db: Executor, args: { userId: string }): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", args.userId).execute();
}

export async function deleteExpiredSessions(db: Executor, args: { now: Date }): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", args.now).execute();
}
