import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";

/** A commented range, as stored: two Yjs relative positions, so it follows the text as others edit. */
export interface CommentAnchor {
  threadId: string;
  anchor: string;
  active: boolean;
}

const anchorsKey = new PluginKey<CommentAnchor[]>("commentAnchors");

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } | null;
}

function syncState(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding ? sync : null;
}

/** Where a stored anchor is now, or null when its text has been deleted (the thread is detached). */
export function resolveAnchor(state: EditorState, anchor: string): { from: number; to: number } | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  try {
    const parsed = JSON.parse(anchor) as { start: unknown; end: unknown };
    const resolve = (json: unknown) =>
      relativePositionToAbsolutePosition(
        sync.doc,
        sync.type,
        Y.createRelativePositionFromJSON(json),
        sync.binding!.mapping,
      );
    const from = resolve(parsed.start);
    const to = resolve(parsed.end);
    return from !== null && to !== null && from < to ? { from, to } : null;
  } catch {
    return null;
  }
}

/** The anchor of the current selection, with the text it covers; null for an empty selection. */
export function anchorSelection(editor: Editor): { anchor: string; quote: string } | null {
  const { state } = editor;
  const { from, to } = state.selection;
  const sync = syncState(state);
  if (from === to || !sync?.binding) return null;
  const relative = (position: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(position, sync.type, sync.binding!.mapping));
  return {
    anchor: JSON.stringify({ start: relative(from), end: relative(to) }),
    quote: state.doc.textBetween(from, to, " ", " "),
  };
}

/** Shows the ranges of open comment threads; the active one stands out. */
export const CommentAnchors = Extension.create({
  name: "commentAnchors",
  addProseMirrorPlugins() {
    return [
      new Plugin<CommentAnchor[]>({
        key: anchorsKey,
        state: {
          init: () => [],
          apply: (transaction, anchors) =>
            (transaction.getMeta(anchorsKey) as CommentAnchor[] | undefined) ?? anchors,
        },
        props: {
          decorations(state) {
            const decorations: Decoration[] = [];
            for (const anchor of anchorsKey.getState(state) ?? []) {
              const range = resolveAnchor(state, anchor.anchor);
              if (!range) continue;
              decorations.push(
                Decoration.inline(range.from, range.to, {
                  class: anchor.active ? "comment-anchor comment-anchor--active" : "comment-anchor",
                  "data-thread-id": anchor.threadId,
                }),
              );
            }
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});

/** Replaces the highlighted comment ranges. */
export function setCommentAnchors(editor: Editor, anchors: CommentAnchor[]): void {
  editor.view.dispatch(editor.state.tr.setMeta(anchorsKey, anchors).setMeta("addToHistory", false));
}
