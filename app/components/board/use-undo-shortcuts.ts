import { useEffect } from "react";
import type { BoardHistory } from "./use-board";

/** Whether a key press belongs to a text control, whose own undo must be left alone. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(target.type)
  );
}

/** Ctrl/Cmd+Z undoes this user's last change to the board; Ctrl/Cmd+Shift+Z and Ctrl+Y redo it. */
export function useUndoShortcuts(
  history: BoardHistory,
  enabled: boolean,
  announce: (message: string) => void,
) {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
      if (isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === "z" && event.shiftKey) || (key === "y" && event.ctrlKey && !event.shiftKey);
      const undo = key === "z" && !event.shiftKey;
      if (!undo && !redo) return;
      event.preventDefault();
      if (undo && history.canUndo) {
        history.undo();
        announce("Undid your last change");
      } else if (redo && history.canRedo) {
        history.redo();
        announce("Redid your change");
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [history, enabled, announce]);
}
