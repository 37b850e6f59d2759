import type { Executor } from "./executor";

export interface ThrottleState {
  key: string;
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

export async function findThrottles(db: Executor, args: { keys: string[] }): Promise<ThrottleState[]> {
  if (args.keys.length === 0) return [];
  const rows = await db.selectFrom("auth_throttles").selectAll().where("key", "in", args.keys).execute();
  return rows.map((row) => ({
    key: row.key,
    failures: row.failures,
    windowStartedAt: row.window_started_at,
    blockedUntil: row.blocked_until,
  }));
}

export async function saveThrottle(db: Executor, state: ThrottleState): Promise<void> {
  const values = {
    key: state.key,
    failures: state.failures,
    window_started_at: state.windowStartedAt,
    blocked_until: state.blockedUntil,
  };
  await db
    .insertInto("auth_throttles")
    .values(values)
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}

export async function deleteThrottles(db: Executor, args: { keys: string[] }): Promise<void> {
  if (args.keys.length === 0) return;
  await db.deleteFrom("auth_throttles").where("key", "in", args.keys).execute();
}
