import type { Kysely } from "kysely";
import { z } from "zod";
import * as comments from "../../db/repositories/comments";
import type { Database } from "../../db/schema";
import { UUID_PATTERN } from "../../shared/documents";
import { fieldErrors } from "../../shared/validation";
import { findCityById } from "../../db/repositories/cities";
import { listMembers } from "../../db/repositories/memberships";
import { requireDocumentOfCity } from "../documents/commands";
import { notFound, validationError } from "../errors";
import { mentionedIn, notify, type NewNotification } from "../notifications/notify";
import type { RealtimeEmitter } from "../realtime/emitter";

export const COMMENT_LIMITS = { body: 5000, quote: 500, anchor: 4000 } as const;

const body = z
  .string()
  .trim()
  .min(1, "Write a comment")
  .max(COMMENT_LIMITS.body, `A comment must be ${COMMENT_LIMITS.body} characters or fewer`);

const anchor = z
  .string()
  .max(COMMENT_LIMITS.anchor)
  .refine((value) => {
    try {
      const parsed = JSON.parse(value) as { start?: unknown; end?: unknown };
      return typeof parsed.start === "object" && parsed.start !== null && typeof parsed.end === "object";
    } catch {
      return false;
    }
  }, "Select the text to comment on");

const startSchema = z.object({
  anchor,
  quote: z
    .string()
    .max(COMMENT_LIMITS.quote * 2)
    .transform((quote) => quote.slice(0, COMMENT_LIMITS.quote)),
  body,
});

interface Context {
  db: Kysely<Database>;
  realtime: RealtimeEmitter;
  cityId: string;
  documentId: string;
  userId: string;
}

const requireDocument = (context: Pick<Context, "db" | "cityId" | "documentId">) =>
  requireDocumentOfCity(context.db, { cityId: context.cityId, documentId: context.documentId });

async function requireThread(context: Context, threadId: unknown) {
  const thread =
    typeof threadId === "string" && UUID_PATTERN.test(threadId)
      ? await comments.findThread(context.db, { documentId: context.documentId, threadId })
      : undefined;
  if (!thread) throw notFound("That comment thread does not exist");
  return thread;
}

const changed = (context: Context) =>
  context.realtime.toDocument(context.documentId, "comments:changed", { documentId: context.documentId });

/**
 * Tells people about a comment: those it mentions as `@Full Name`, and (for a reply) everyone who
 * wrote in the thread before. Nobody is told about their own comment.
 */
async function notifyAbout(
  context: Context,
  args: { documentTitle: string; body: string; threadId: string; isReply: boolean },
): Promise<void> {
  const city = await findCityById(context.db, { id: context.cityId });
  if (!city) return;
  const members = await listMembers(context.db, { cityId: context.cityId });
  const author = members.find((member) => member.userId === context.userId)?.name ?? "Someone";
  const link = `/c/${city.slug}/docs/${context.documentId}`;
  const told = new Set<string>([context.userId]);
  const notifications: NewNotification[] = [];
  for (const member of mentionedIn(args.body, members)) {
    if (told.has(member.userId)) continue;
    told.add(member.userId);
    notifications.push({
      userId: member.userId,
      kind: "mention",
      text: `${author} mentioned you in a comment on “${args.documentTitle}”`,
      link,
    });
  }
  if (args.isReply) {
    const thread = await comments.listThreadAuthors(context.db, { threadId: args.threadId });
    for (const userId of thread) {
      if (told.has(userId)) continue;
      told.add(userId);
      notifications.push({
        userId,
        kind: "reply",
        text: `${author} replied on “${args.documentTitle}”`,
        link,
      });
    }
  }
  await notify(context, notifications);
}

/** Starts a thread on a range of the document, with its first comment. */
export async function startThread(context: Context, input: unknown): Promise<string> {
  const document = await requireDocument(context);
  const parsed = startSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const threadId = await context.db
    .transaction()
    .execute((trx) =>
      comments.insertThread(trx, { documentId: context.documentId, userId: context.userId, ...parsed.data }),
    );
  changed(context);
  await notifyAbout(context, {
    documentTitle: document.title,
    body: parsed.data.body,
    threadId,
    isReply: false,
  });
  return threadId;
}

export async function reply(context: Context, input: { threadId?: unknown; body?: unknown }): Promise<void> {
  const document = await requireDocument(context);
  const thread = await requireThread(context, input.threadId);
  const parsed = body.safeParse(input.body);
  if (!parsed.success) throw validationError({ body: parsed.error.issues[0]?.message ?? "Write a comment" });
  await comments.insertComment(context.db, {
    threadId: thread.id,
    userId: context.userId,
    body: parsed.data,
  });
  changed(context);
  await notifyAbout(context, {
    documentTitle: document.title,
    body: parsed.data,
    threadId: thread.id,
    isReply: true,
  });
}

export async function setResolved(
  context: Context,
  input: { threadId?: unknown; resolved: boolean },
): Promise<void> {
  await requireDocument(context);
  const thread = await requireThread(context, input.threadId);
  await comments.setThreadResolved(context.db, {
    threadId: thread.id,
    userId: context.userId,
    resolved: input.resolved,
  });
  changed(context);
}

export async function listThreads(context: Omit<Context, "userId" | "realtime">) {
  await requireDocument(context);
  return comments.listThreads(context.db, { documentId: context.documentId });
}
