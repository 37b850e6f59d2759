import type { Role } from "../../shared/roles";
import type { Executor } from "./executor";

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

export async function insertMembership(
  db: Executor,
  args: { cityId: string; userId: string; role: Role },
): Promise<void> {
  await db
    .insertInto("memberships")
    .values({ city_id: args.cityId, user_id: args.userId, role: args.role })
    .execute();
}

/** Adds the member, or changes the role of an existing one. */
export async function upsertMembership(
  db: Executor,
  args: { cityId: string; userId: string; role: Role },
): Promise<void> {
  await db
    .insertInto("memberships")
    .values({ city_id: args.cityId, user_id: args.userId, role: args.role })
    .onConflict((oc) => oc.columns(["city_id", "user_id"]).doUpdateSet({ role: args.role }))
    .execute();
}

export async function findRole(db: Executor, args: { cityId: string; userId: string }): Promise<Role | null> {
  const row = await db
    .selectFrom("memberships")
    .select("role")
    .where("city_id", "=", args.cityId)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Every membership of a user, as city id → role. */
export async function findRolesOfUser(db: Executor, args: { userId: string }): Promise<Map<string, Role>> {
  const rows = await db
    .selectFrom("memberships")
    .select(["city_id", "role"])
    .where("user_id", "=", args.userId)
    .execute();
  return new Map(rows.map((row) => [row.city_id, row.role]));
}

export async function listMembers(db: Executor, args: { cityId: string }): Promise<Member[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.name", "users.email", "memberships.role", "memberships.created_at"])
    .where("memberships.city_id", "=", args.cityId)
    .orderBy("users.name")
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    joinedAt: row.created_at,
  }));
}

export async function updateRole(
  db: Executor,
  args: { cityId: string; userId: string; role: Role },
): Promise<boolean> {
  const result = await db
    .updateTable("memberships")
    .set({ role: args.role })
    .where("city_id", "=", args.cityId)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteMembership(
  db: Executor,
  args: { cityId: string; userId: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom("memberships")
    .where("city_id", "=", args.cityId)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Locks the city's lead rows and counts them, so two demotions cannot both remove the last lead. */
export async function countLeadsForUpdate(db: Executor, args: { cityId: string }): Promise<number> {
  const rows = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("city_id", "=", args.cityId)
    .where("role", "=", "lead")
    .forUpdate()
    .execute();
  return rows.length;
}
