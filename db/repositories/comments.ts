import type { Executor } from "./executor";

export interface CommentView {
  id: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export interface ThreadView {
  id: string;
  anchor: string;
  quote: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  comments: CommentView[];
}

export async function insertThread(
  db: Executor,
  args: { documentId: string; anchor: string; quote: string; userId: string; body: string },
): Promise<string> {
  const thread = await db
    .insertInto("comment_threads")
    .values({ document_id: args.documentId, anchor: args.anchor, quote: args.quote, created_by: args.userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertComment(db, { threadId: thread.id, userId: args.userId, body: args.body });
  return thread.id;
}

export async function insertComment(
  db: Executor,
  args: { threadId: string; userId: string; body: string },
): Promise<void> {
  await db
    .insertInto("comments")
    .values({ thread_id: args.threadId, author_id: args.userId, body: args.body })
    .execute();
}

/** The thread, only if it belongs to the document. */
export async function findThread(db: Executor, args: { documentId: string; threadId: string }) {
  return db
    .selectFrom("comment_threads")
    .select(["id", "document_id", "created_by"])
    .where("id", "=", args.threadId)
    .where("document_id", "=", args.documentId)
    .executeTakeFirst();
}

export async function setThreadResolved(
  db: Executor,
  args: { threadId: string; userId: string; resolved: boolean },
): Promise<void> {
  await db
    .updateTable("comment_threads")
    .set(
      args.resolved
        ? { resolved_at: new Date(), resolved_by: args.userId }
        : { resolved_at: null, resolved_by: null },
    )
    .where("id", "=", args.threadId)
    .execute();
}

/** Every thread of a document with its comments, oldest first. */
export async function listThreads(db: Executor, args: { documentId: string }): Promise<ThreadView[]> {
  const threads = await db
    .selectFrom("comment_threads")
    .leftJoin("users as resolver", "resolver.id", "comment_threads.resolved_by")
    .select([
      "comment_threads.id",
      "comment_threads.anchor",
      "comment_threads.quote",
      "comment_threads.created_at",
      "comment_threads.resolved_at",
      "resolver.name as resolved_by_name",
    ])
    .where("comment_threads.document_id", "=", args.documentId)
    .orderBy("comment_threads.created_at")
    .execute();
  if (threads.length === 0) return [];
  const comments = await db
    .selectFrom("comments")
    .leftJoin("users", "users.id", "comments.author_id")
    .select([
      "comments.id",
      "comments.thread_id",
      "comments.author_id",
      "users.name",
      "comments.body",
      "comments.created_at",
    ])
    .where(
      "comments.thread_id",
      "in",
      threads.map((thread) => thread.id),
    )
    .orderBy("comments.created_at")
    .execute();
  return threads.map((thread) => ({
    id: thread.id,
    anchor: thread.anchor,
    quote: thread.quote,
    createdAt: thread.created_at,
    resolvedAt: thread.resolved_at,
    resolvedByName: thread.resolved_by_name,
    comments: comments
      .filter((comment) => comment.thread_id === thread.id)
      .map((comment) => ({
        id: comment.id,
        authorId: comment.author_id,
        authorName: comment.name,
        body: comment.body,
        createdAt: comment.created_at,
      })),
  }));
}

/** Everyone who has written in a thread. */
export async function listThreadAuthors(db: Executor, args: { threadId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom("comments")
    .select("author_id")
    .distinct()
    .where("thread_id", "=", args.threadId)
    .where("author_id", "is not", null)
    .execute();
  return rows.flatMap((row) => (row.author_id ? [row.author_id] : []));
}
