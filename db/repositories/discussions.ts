import type { Executor } from "./executor";

export interface DiscussionPost {
  id: string;
  authorName: string;
  cityName: string | null;
  body: string;
  createdAt: Date;
}

export interface DiscussionThread {
  id: string;
  title: string;
  documentId: string | null;
  createdAt: Date;
  lastPostAt: Date;
  posts: DiscussionPost[];
}

export async function insertThread(
  db: Executor,
  args: {
    spaceId: string;
    documentId: string | null;
    rowId?: string | null;
    title: string;
    createdBy: string;
  },
): Promise<{ id: string }> {
  return db
    .insertInto("discussion_threads")
    .values({
      space_id: args.spaceId,
      document_id: args.documentId,
      row_id: args.rowId ?? null,
      title: args.title,
      created_by: args.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function insertPost(
  db: Executor,
  args: { threadId: string; authorId: string; cityId: string | null; body: string; createdAt?: Date },
): Promise<{ id: string; createdAt: Date }> {
  const row = await db
    .insertInto("discussion_posts")
    .values({
      thread_id: args.threadId,
      author_id: args.authorId,
      city_id: args.cityId,
      body: args.body,
      created_at: args.createdAt ?? new Date(),
    })
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
  await db
    .updateTable("discussion_threads")
    .set({ last_post_at: row.created_at })
    .where("id", "=", args.threadId)
    .execute();
  return { id: row.id, createdAt: row.created_at };
}

/** The thread, only if it is in the space, with what it is about. */
export async function findThreadInSpace(
  db: Executor,
  args: { spaceId: string; threadId: string },
): Promise<{ id: string; title: string; documentId: string | null; rowId: string | null } | null> {
  const row = await db
    .selectFrom("discussion_threads")
    .select(["id", "title", "document_id", "row_id"])
    .where("space_id", "=", args.spaceId)
    .where("id", "=", args.threadId)
    .executeTakeFirst();
  return row ? { id: row.id, title: row.title, documentId: row.document_id, rowId: row.row_id } : null;
}

/**
 * A space's threads, the most recently active first, each with its posts oldest first: the general
 * discussion (no document), the threads about one document, or those about one row of a board (a lesson).
 */
export async function listThreads(
  db: Executor,
  args: { spaceId: string; documentId: string | null; rowId?: string | null },
): Promise<DiscussionThread[]> {
  let query = db
    .selectFrom("discussion_threads")
    .select(["id", "title", "document_id", "created_at", "last_post_at"])
    .where("space_id", "=", args.spaceId)
    .orderBy("last_post_at", "desc")
    .limit(100);
  query = args.documentId
    ? query.where("document_id", "=", args.documentId)
    : query.where("document_id", "is", null);
  query = args.rowId ? query.where("row_id", "=", args.rowId) : query.where("row_id", "is", null);
  const threads = await query.execute();
  if (threads.length === 0) return [];
  const posts = await db
    .selectFrom("discussion_posts")
    .leftJoin("users", "users.id", "discussion_posts.author_id")
    .leftJoin("cities", "cities.id", "discussion_posts.city_id")
    .select([
      "discussion_posts.id",
      "discussion_posts.thread_id",
      "discussion_posts.body",
      "discussion_posts.created_at",
      "users.name as author_name",
      "cities.name as city_name",
    ])
    .where(
      "discussion_posts.thread_id",
      "in",
      threads.map((thread) => thread.id),
    )
    .orderBy("discussion_posts.created_at")
    .orderBy("discussion_posts.id")
    .execute();
  return threads.map((thread) => ({
    id: thread.id,
    title: thread.title,
    documentId: thread.document_id,
    createdAt: thread.created_at,
    lastPostAt: thread.last_post_at,
    posts: posts
      .filter((post) => post.thread_id === thread.id)
      .map((post) => ({
        id: post.id,
        authorName: post.author_name ?? "A former member",
        cityName: post.city_name,
        body: post.body,
        createdAt: post.created_at,
      })),
  }));
}
