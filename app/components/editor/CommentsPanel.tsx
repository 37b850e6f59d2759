import type { Editor } from "@tiptap/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { action, loader } from "../../routes/c.$slug.docs.$id.comments";
import { useRealtime } from "../../lib/realtime";
import { anchorSelection, resolveAnchor, setCommentAnchors } from "./comment-anchors";

interface Props {
  editor: Editor;
  documentId: string;
  commentsUrl: string;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** Re-renders on every change of the document, so anchors and detached marks stay current. */
function useDocumentVersion(editor: Editor): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((value) => value + 1);
    editor.on("update", bump);
    editor.on("selectionUpdate", bump);
    return () => {
      editor.off("update", bump);
      editor.off("selectionUpdate", bump);
    };
  }, [editor]);
  return version;
}

function CommentForm({
  label,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  label: string;
  submitLabel: string;
  busy: boolean;
  error?: string | undefined;
  onSubmit: (body: string) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const id = useRef(`comment-${Math.random().toString(36).slice(2)}`).current;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "");
    onSubmit(body);
  };
  useEffect(() => {
    if (!busy && !error) ref.current?.reset();
  }, [busy, error]);
  return (
    <form ref={ref} onSubmit={submit} className="comment-form">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        className="textarea"
        id={id}
        name="body"
        rows={3}
        autoFocus={autoFocus}
        aria-describedby={error ? `${id}-error` : undefined}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey))
            event.currentTarget.form?.requestSubmit();
          if (event.key === "Escape") onCancel?.();
        }}
      />
      <div className="inline-form">
        <button type="submit" className="button button--small" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary button--small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The document's comment threads beside the editor: start one on the selected text, reply,
 * resolve and reopen. Changes arrive live from everyone in the document.
 */
export function CommentsPanel({ editor, documentId, commentsUrl }: Props) {
  const threads = useFetcher<typeof loader>();
  const write = useFetcher<typeof action>();
  const socket = useRealtime();
  const [draft, setDraft] = useState<{ anchor: string; quote: string } | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  useDocumentVersion(editor);

  const { load } = threads;
  useEffect(() => {
    load(commentsUrl);
  }, [load, commentsUrl]);

  useEffect(() => {
    if (!socket) return;
    const join = () => socket.emit("document:join", documentId, () => {});
    const onChanged = (payload: { documentId: string }) => {
      if (payload.documentId === documentId) load(commentsUrl);
    };
    socket.on("comments:changed", onChanged);
    socket.on("connect", join);
    if (socket.connected) join();
    return () => {
      socket.off("comments:changed", onChanged);
      socket.off("connect", join);
      socket.emit("document:leave", documentId);
    };
  }, [socket, documentId, load, commentsUrl]);

  const data = threads.data;
  const list = useMemo(() => data?.threads ?? [], [data]);
  const open = useMemo(() => list.filter((thread) => !thread.resolvedAt), [list]);
  const resolved = list.filter((thread) => thread.resolvedAt);

  useEffect(() => {
    setCommentAnchors(
      editor,
      open.map((thread) => ({ threadId: thread.id, anchor: thread.anchor, active: thread.id === active })),
    );
  }, [editor, open, active]);

  // After a successful write, the draft closes and the list is fetched again.
  const lastWrite = write.data;
  useEffect(() => {
    if (write.state !== "idle" || !lastWrite?.ok) return;
    if (lastWrite.intent === "start") setDraft(null);
    load(commentsUrl);
  }, [write.state, lastWrite, load, commentsUrl]);

  const failure = lastWrite && !lastWrite.ok ? lastWrite : undefined;
  const busy = write.state !== "idle";
  const send = (fields: Record<string, string>) =>
    write.submit(fields, { method: "post", action: commentsUrl });
  const selection = data?.canComment ? anchorSelection(editor) : null;

  const focusThread = (threadId: string, anchor: string) => {
    setActive(threadId);
    const range = resolveAnchor(editor.state, anchor);
    if (range) editor.chain().setTextSelection(range).scrollIntoView().run();
  };

  const renderThread = (thread: (typeof list)[number]) => {
    const detached = !resolveAnchor(editor.state, thread.anchor);
    const replyError =
      failure?.intent === "reply" && failure.values.threadId === thread.id ? failure : undefined;
    return (
      <li
        key={thread.id}
        className={thread.id === active ? "thread thread--active" : "thread"}
        data-testid="comment-thread"
      >
        <button
          type="button"
          className="thread__quote link-button"
          onClick={() => focusThread(thread.id, thread.anchor)}
        >
          “{thread.quote}”
        </button>
        {detached ? <p className="tag thread__detached">Detached: the commented text was deleted</p> : null}
        <ol className="thread__comments">
          {thread.comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment__meta">
                <strong>{comment.authorName ?? "Former member"}</strong>{" "}
                <span className="secondary">{when(comment.createdAt)}</span>
              </p>
              <p className="comment__body">{comment.body}</p>
            </li>
          ))}
        </ol>
        {thread.resolvedAt ? (
          <p className="secondary">
            Resolved {thread.resolvedByName ? `by ${thread.resolvedByName}` : ""} {when(thread.resolvedAt)}
          </p>
        ) : null}
        {data?.canComment ? (
          <>
            {!thread.resolvedAt ? (
              <CommentForm
                label="Reply"
                submitLabel="Reply"
                busy={busy}
                error={replyError?.fieldErrors.body}
                onSubmit={(body) => send({ intent: "reply", threadId: thread.id, body })}
              />
            ) : null}
            <button
              type="button"
              className="link-button"
              onClick={() => send({ intent: thread.resolvedAt ? "reopen" : "resolve", threadId: thread.id })}
            >
              {thread.resolvedAt ? "Reopen" : "Resolve"}
              <span className="visually-hidden"> the thread on “{thread.quote}”</span>
            </button>
          </>
        ) : null}
      </li>
    );
  };

  return (
    <aside className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="comments__title">
        Comments {open.length > 0 ? <span className="tag">{open.length}</span> : null}
      </h2>
      {data?.canComment && !draft ? (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!selection}
          onClick={() => setDraft(selection)}
        >
          Comment on selected text
        </button>
      ) : null}
      {data?.canComment && !draft && !selection ? (
        <p className="secondary comments__hint">Select text in the document to comment on it.</p>
      ) : null}
      {draft ? (
        <div className="thread thread--draft">
          <p className="thread__quote">“{draft.quote}”</p>
          <CommentForm
            label="Your comment"
            submitLabel="Comment"
            busy={busy}
            autoFocus
            error={failure?.intent === "start" ? (failure.fieldErrors.body ?? failure.message) : undefined}
            onSubmit={(body) => send({ intent: "start", anchor: draft.anchor, quote: draft.quote, body })}
            onCancel={() => setDraft(null)}
          />
        </div>
      ) : null}
      {!data ? <p className="secondary">Loading comments…</p> : null}
      {data && list.length === 0 && !draft ? <p className="empty-state">No comments yet.</p> : null}
      <ul className="threads">{open.map(renderThread)}</ul>
      {resolved.length > 0 ? (
        <>
          <button
            type="button"
            className="link-button"
            aria-expanded={showResolved}
            onClick={() => setShowResolved((v) => !v)}
          >
            {showResolved ? "Hide" : "Show"} {resolved.length} resolved
          </button>
          {showResolved ? <ul className="threads">{resolved.map(renderThread)}</ul> : null}
        </>
      ) : null}
    </aside>
  );
}
