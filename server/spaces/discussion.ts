import { findCityById } from "../../db/repositories/cities";
import * as discussions from "../../db/repositories/discussions";
import { UUID_PATTERN } from "../../shared/documents";
import { discussionReplySchema, startDiscussionSchema } from "../../shared/spaces";
import { fieldErrors } from "../../shared/validation";
import { forbidden, notFound, validationError } from "../errors";
import { can, type Actor } from "../policy";
import { actingCityId, type SpaceDeps, type SpaceView } from "./commands";

interface Author {
  actor: Actor;
  userId: string;
  name: string;
}

/** Who writes, for which city, after checking they may: commenters and above of a member city. */
async function authorCity(deps: SpaceDeps, view: SpaceView, author: Author) {
  if (!can(author.actor, "comment", { type: "space", cityIds: view.cityIds }))
    throw forbidden("Commenters and above of the taking-part cities may write here");
  const cityId = actingCityId(author.actor, view);
  const city = cityId ? await findCityById(deps.db, { id: cityId }) : null;
  return { cityId, cityName: city?.name ?? null };
}

/** Starts a thread in the space's discussion (or about one of its documents) with a first post. */
export async function startDiscussion(
  deps: SpaceDeps,
  args: {
    view: SpaceView;
    author: Author;
    documentId?: string | null;
    rowId?: string | null;
    input: unknown;
  },
): Promise<{ threadId: string }> {
  const parsed = startDiscussionSchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const { cityId, cityName } = await authorCity(deps, args.view, args.author);
  const { view, author } = args;
  const { threadId, post } = await deps.db.transaction().execute(async (trx) => {
    const thread = await discussions.insertThread(trx, {
      spaceId: view.space.id,
      documentId: args.documentId ?? null,
      rowId: args.rowId ?? null,
      title: parsed.data.title,
      createdBy: author.userId,
    });
    const post = await discussions.insertPost(trx, {
      threadId: thread.id,
      authorId: author.userId,
      cityId,
      body: parsed.data.body,
    });
    return { threadId: thread.id, post };
  });
  deps.realtime.toSpace(view.space.id, "discussion:post", {
    spaceId: view.space.id,
    threadId,
    threadTitle: parsed.data.title,
    post: {
      id: post.id,
      authorName: author.name,
      cityName,
      body: parsed.data.body,
      createdAt: post.createdAt.toISOString(),
    },
  });
  return { threadId };
}

/** Adds a reply to a thread of the space; everyone with the space open sees it arrive. */
export async function replyToDiscussion(
  deps: SpaceDeps,
  args: { view: SpaceView; author: Author; threadId: unknown; input: unknown },
): Promise<void> {
  const parsed = discussionReplySchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const { cityId, cityName } = await authorCity(deps, args.view, args.author);
  const threadId = typeof args.threadId === "string" ? args.threadId : "";
  const thread = UUID_PATTERN.test(threadId)
    ? await discussions.findThreadInSpace(deps.db, { spaceId: args.view.space.id, threadId })
    : null;
  if (!thread) throw notFound("That discussion does not exist");
  const post = await discussions.insertPost(deps.db, {
    threadId,
    authorId: args.author.userId,
    cityId,
    body: parsed.data.body,
  });
  deps.realtime.toSpace(args.view.space.id, "discussion:post", {
    spaceId: args.view.space.id,
    threadId,
    threadTitle: null,
    post: {
      id: post.id,
      authorName: args.author.name,
      cityName,
      body: parsed.data.body,
      createdAt: post.createdAt.toISOString(),
    },
  });
}
