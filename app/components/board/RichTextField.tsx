import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import type * as Y from "yjs";
import { documentExtensions } from "../../../shared/editor/extensions";
import type { CollabSession } from "../../lib/collab-client";
import { Toolbar } from "../editor/Toolbar";

/**
 * The rich text of a row's field, live: carets and names of others, and its own undo history
 * (Ctrl+Z inside it undoes typing, not the board's changes).
 */
export default function RichTextField({
  fragment,
  session,
  user,
  editable,
  labelledBy,
  describedBy,
}: {
  fragment: Y.XmlFragment;
  session: CollabSession;
  user: { name: string; color: string };
  editable: boolean;
  labelledBy: string;
  describedBy: string | undefined;
}) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      injectCSS: false,
      editable,
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { name: user.name, color: user.color },
        }),
      ],
      editorProps: {
        attributes: {
          class: "prose prose--field",
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelledBy,
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
        },
      },
    },
    [fragment, session],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  if (!editor) return <p className="secondary">Loading the description…</p>;
  return (
    <div className="row-detail__rich-text">
      {editable ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} className="editor__content" />
    </div>
  );
}
