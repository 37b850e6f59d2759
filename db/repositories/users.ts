import type { UserRow } from "../schema";
import type { Executor } from "./executor";

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}

export function toUser(row: Pick<UserRow, "id" | "email" | "name" | "created_at">): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

export async function insertUser(
  db: Executor,
  args: { email: string; name: string; passwordHash: string },
): Promise<User> {
  const row = await db
    .insertInto("users")
    .values({ email: args.email, name: args.name, password_hash: args.passwordHash })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserById(db: Executor, args: { id: string }): Promise<User | null> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", args.id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The user and their password hash, for signing in. */
export async function findCredentialsByEmail(
  db: Executor,
  args: { email: string },
): Promise<{ user: User; passwordHash: string } | null> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", args.email).executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function findPasswordHash(db: Executor, args: { userId: string }): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", args.userId)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function updatePasswordHash(
  db: Executor,
  args: { userId: string; passwordHash: string },
): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: args.passwordHash, password_changed_at: new Date() })
    .where("id", "=", args.userId)
    .execute();
}

export async function emailExists(db: Executor, args: { email: string }): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("email", "=", args.email).executeTakeFirst();
  return row !== undefined;
}
