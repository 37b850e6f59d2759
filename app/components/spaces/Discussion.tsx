import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { SPACE_LIMITS } from "../../../shared/spaces";
import type { FieldErrors } from "../../../shared/validation";
import { useRealtime } from "../../lib/realtime";
import { TextAreaField, TextField } from "../form";

export interface ThreadView {
  id: string;
  title: string;
  posts: { id: string; authorName: string; cityName: string | null; body: string; createdAt: string }[];
}

type Answer =
  | { ok: true; intent: string }
  | { ok: false; intent?: string; message: string; fieldErrors: FieldErrors; values: Record<string, string> };

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** Posts arriving from others: the page's data is read again whenever one arrives in this space. */
export function useLiveDiscussion(spaceSlug: string): void {
  const socket = useRealtime();
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!socket) return;
    const join = () => socket.emit("space:join", spaceSlug, () => {});
    const onPost = () => revalidate();
    socket.on("discussion:post", onPost);
    socket.on("connect", join);
    if (socket.connected) join();
    return () => {
      socket.off("discussion:post", onPost);
      socket.off("connect", join);
      socket.emit("space:leave", spaceSlug);
    };
  }, [socket, spaceSlug, revalidate]);
}

function ReplyForm({ thread, action }: { thread: ThreadView; action: string }) {
  const fetcher = useFetcher<Answer>();
  const form = useRef<HTMLFormElement>(null);
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : undefined;
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) form.current?.reset();
  }, [fetcher.state, fetcher.data]);
  return (
    <fetcher.Form method="post" action={action} ref={form} className="discussion__reply">
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="threadId" value={thread.id} />
      <TextAreaField
        id={`reply-${thread.id}`}
        name="body"
        label={`Reply to “${thread.title}”`}
        rows={2}
        maxLength={SPACE_LIMITS.postLength}
        error={failure?.fieldErrors.body ?? (failure ? failure.message : undefined)}
        required
      />
      <button type="submit" className="button button--small" disabled={fetcher.state !== "idle"}>
        {fetcher.state === "idle" ? "Reply" : "Sending…"}
      </button>
    </fetcher.Form>
  );
}

function NewThreadForm({ action }: { action: string }) {
  const fetcher = useFetcher<Answer>();
  const form = useRef<HTMLFormElement>(null);
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : undefined;
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) form.current?.reset();
  }, [fetcher.state, fetcher.data]);
  return (
    <fetcher.Form method="post" action={action} ref={form} className="stack discussion__new">
      <input type="hidden" name="intent" value="startThread" />
      <TextField
        id="thread-title"
        name="title"
        label="Subject"
        maxLength={SPACE_LIMITS.threadTitleLength}
        error={failure?.fieldErrors.title}
        required
      />
      <TextAreaField
        id="thread-body"
        name="body"
        label="Message"
        rows={3}
        maxLength={SPACE_LIMITS.postLength}
        error={
          failure?.fieldErrors.body ?? (failure && !failure.fieldErrors.title ? failure.message : undefined)
        }
        required
      />
      <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
        {fetcher.state === "idle" ? "Start discussion" : "Sending…"}
      </button>
    </fetcher.Form>
  );
}

/**
 * A space's discussion: threads with their posts, each signed with the author's city, new ones
 * appearing for everyone as they are written. Commenters and above of the taking-part cities write.
 */
export function Discussion({
  threads,
  action,
  mayWrite,
}: {
  threads: readonly ThreadView[];
  /** Where the forms post: the route whose action takes `startThread` and `reply`. */
  action: string;
  mayWrite: boolean;
}) {
  return (
    <section aria-labelledby="discussion-heading" className="discussion">
      <h2 id="discussion-heading">Discussion</h2>
      {threads.length === 0 ? (
        <p className="empty-state">No one has started a discussion yet.</p>
      ) : (
        <ol className="discussion__threads" aria-live="polite">
          {threads.map((thread) => (
            <li key={thread.id} className="discussion__thread">
              <h3>{thread.title}</h3>
              <ol className="discussion__posts">
                {thread.posts.map((post) => (
                  <li key={post.id} className="discussion__post">
                    <p className="caption">
                      <strong>{post.authorName}</strong>
                      {post.cityName ? ` · ${post.cityName}` : ""} ·{" "}
                      <time dateTime={post.createdAt}>{formatTime(post.createdAt)}</time>
                    </p>
                    <p className="discussion__body">{post.body}</p>
                  </li>
                ))}
              </ol>
              {mayWrite ? <ReplyForm thread={thread} action={action} /> : null}
            </li>
          ))}
        </ol>
      )}
      {mayWrite ? (
        <>
          <h3>Start a discussion</h3>
          <NewThreadForm action={action} />
        </>
      ) : null}
    </section>
  );
}
