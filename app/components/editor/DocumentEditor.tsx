import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import { documentExtensions } from "../../../shared/editor/extensions";
import type { CollabSession, CollabState } from "../../lib/collab-client";
import { CommentAnchors } from "./comment-anchors";
import { CommentsPanel } from "./CommentsPanel";
import { mentionSuggestion, type MentionableMember } from "./mention-suggestion";
import { Presence } from "./Presence";
import { SaveStatus } from "./SaveStatus";
import { Toolbar } from "./Toolbar";
import { useCollabSession } from "./use-collab-session";

export interface EditorUser {
  id: string;
  name: string;
  color: string;
}

interface Props {
  documentId: string;
  user: EditorUser;
  /** What the user's role allows; the server's word (an Access message) can only narrow it. */
  canEdit: boolean;
  label: string;
  /** Where the document's comment threads are read and written; without it the document has no comments panel. */
  commentsUrl?: string;
  /** The city's members, offered when typing @. */
  members: MentionableMember[];
}

function LiveEditor({
  session,
  state,
  user,
  canEdit,
  label,
  documentId,
  commentsUrl,
  members,
}: Props & {
  session: CollabSession;
  state: CollabState | null;
}) {
  const editable = canEdit && !state?.readOnly && !state?.closed;
  const editor = useEditor(
    {
      immediatelyRender: false,
      injectCSS: false,
      editable,
      extensions: [
        ...documentExtensions({ mentionSuggestion: mentionSuggestion(() => members) }),
        Collaboration.configure({ document: session.provider.doc }),
        CollaborationCaret.configure({ provider: session.provider, user }),
        CommentAnchors,
      ],
      editorProps: {
        attributes: { class: "prose", "aria-label": label, "aria-multiline": "true", role: "textbox" },
      },
    },
    [session],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className="editor">
      <div className="editor__bar">
        <SaveStatus state={state} />
        <Presence awareness={session.provider.awareness} />
      </div>
      <div className="editor__layout">
        <div className="editor__main">
          {editable && editor ? <Toolbar editor={editor} /> : null}
          {!editable ? (
            <p className="tag tag--read-only" data-testid="read-only-badge">
              Read only: you can read this document but not change it
            </p>
          ) : null}
          {editor ? (
            <EditorContent editor={editor} className="editor__content" />
          ) : (
            <p>Loading the document…</p>
          )}
        </div>
        {editor && commentsUrl ? (
          <CommentsPanel editor={editor} documentId={documentId} commentsUrl={commentsUrl} />
        ) : null}
      </div>
    </div>
  );
}

/** A live, co-edited rich-text document. Renders only in the browser. */
export function DocumentEditor(props: Props) {
  const { session, state } = useCollabSession(props.documentId, props.user.id);
  if (!session) return <p className="editor__loading">Loading the document…</p>;
  return <LiveEditor session={session} state={state} {...props} />;
}
