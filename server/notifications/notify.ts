import type { Kysely } from "kysely";
import { insertNotifications, type NotificationKind } from "../../db/repositories/notifications";
import { findCredentialsByEmail } from "../../db/repositories/users";
import type { Database } from "../../db/schema";
import type { RealtimeEmitter } from "../realtime/emitter";

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  text: string;
  link: string | null;
}

/** Stores notifications and pushes each to its person's open tabs. */
export async function notify(
  deps: { db: Kysely<Database>; realtime: RealtimeEmitter },
  notifications: NewNotification[],
): Promise<void> {
  if (notifications.length === 0) return;
  await insertNotifications(deps.db, { notifications });
  for (const notification of notifications) {
    deps.realtime.toUser(notification.userId, "notification", {
      kind: notification.kind,
      text: notification.text,
    });
  }
}

/** The members named in a text as `@Full Name`. */
export function mentionedIn<T extends { name: string }>(text: string, members: T[]): T[] {
  const lower = text.toLowerCase();
  return members.filter((member) => lower.includes(`@${member.name.toLowerCase()}`));
}

/** Tells an invited person who already has an account; the link itself goes to them from the lead. */
export async function notifyInvitation(
  deps: { db: Kysely<Database>; realtime: RealtimeEmitter },
  args: { email: string; cityName: string; role: string; inviterName: string },
): Promise<void> {
  const invited = await findCredentialsByEmail(deps.db, { email: args.email });
  if (!invited) return;
  await notify(deps, [
    {
      userId: invited.user.id,
      kind: "invitation",
      text: `${args.inviterName} invited you to join ${args.cityName} as ${args.role}. Open the link they sent you to accept.`,
      link: null,
    },
  ]);
}
