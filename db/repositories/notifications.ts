import type { NotificationTable } from "../schema";
import type { Executor } from "./executor";

export type NotificationKind = NotificationTable["kind"];

export async function insertNotifications(
  db: Executor,
  args: { notifications: { userId: string; kind: NotificationKind; text: string; link: string | null }[] },
): Promise<void> {
  if (args.notifications.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      args.notifications.map((item) => ({
        user_id: item.userId,
        kind: item.kind,
        text: item.text,
        link: item.link,
      })),
    )
    .execute();
}

export async function listNotifications(db: Executor, args: { userId: string; limit: number }) {
  const rows = await db
    .selectFrom("notifications")
    .selectAll()
    .where("user_id", "=", args.userId)
    .orderBy("created_at", "desc")
    .limit(args.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.text,
    link: row.link,
    createdAt: row.created_at,
    read: row.read_at !== null,
  }));
}

export async function countUnread(db: Executor, args: { userId: string }): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("user_id", "=", args.userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function markAllRead(db: Executor, args: { userId: string }): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("user_id", "=", args.userId)
    .where("read_at", "is", null)
    .execute();
}
