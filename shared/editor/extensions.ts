import type { Extensions } from "@tiptap/core";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import Mention, { type MentionOptions } from "@tiptap/extension-mention";
import { TableKit } from "@tiptap/extension-table";
import { Placeholder } from "@tiptap/extensions";
import StarterKit from "@tiptap/starter-kit";

export { EDITOR_FRAGMENT } from "./fragment";

/** Only web and mail links, and paths on this site: anything else (javascript:, data:) is refused. */
export function isAllowedLink(url: string): boolean {
  // A path on this site ("/s/…", never "//host") stays here, whatever origin the workspace is served from.
  return /^(https?:\/\/|mailto:|\/(?![/\\]))/i.test(url.trim());
}

/**
 * The document schema's extensions, the same in the browser's editor and on the server (search
 * text, exports). The collaboration extensions are the editor's own and are added there.
 */
export function documentExtensions(
  options: { mentionSuggestion?: MentionOptions["suggestion"] } = {},
): Extensions {
  return [
    // A mention keeps the member's id and the name as written; the browser adds the suggestion list.
    Mention.configure({
      HTMLAttributes: { class: "mention" },
      renderText: ({ node }) => `@${(node.attrs.label as string | null) ?? (node.attrs.id as string)}`,
      renderHTML: ({ node, options: mention }) => [
        "span",
        mention.HTMLAttributes,
        `@${(node.attrs.label as string | null) ?? (node.attrs.id as string)}`,
      ],
      ...(options.mentionSuggestion ? { suggestion: options.mentionSuggestion } : {}),
    }),
    // Undo and redo come from Collaboration: they undo only the user's own changes.
    StarterKit.configure({
      undoRedo: false,
      link: {
        openOnClick: false,
        autolink: true,
        isAllowedUri: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({ placeholder: "Start writing…" }),
  ];
}
