import { CloseCode } from "../../../shared/collab";
import type { CollabState } from "../../lib/collab-client";

/** Saving / Saved / Offline (N unsaved changes), announced politely as it changes. */
export function SaveStatus({ state }: { state: CollabState | null }) {
  let text = "Connecting…";
  let tone = "pending";
  if (state?.closed) {
    text =
      state.closed.code === CloseCode.Forbidden
        ? "You no longer have access to this document"
        : state.closed.code === CloseCode.DocumentDeleted
          ? "This document has been deleted"
          : state.closed.code === CloseCode.Unauthorized
            ? "You have been signed out: sign in again to keep editing"
            : "Disconnected: reload the page";
    tone = "error";
  } else if (state?.status === "saved") {
    text = "Saved";
    tone = "ok";
  } else if (state?.status === "saving") {
    text = "Saving…";
  } else if (state?.status === "offline" && state.unacknowledged > 0) {
    const count = state.unacknowledged;
    text = `Offline (${count} unsaved ${count === 1 ? "change" : "changes"})`;
    tone = "error";
  } else if (state?.status === "offline") {
    text = "Offline";
    tone = "error";
  }
  return (
    <p
      className={`save-status save-status--${tone}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {text}
    </p>
  );
}
