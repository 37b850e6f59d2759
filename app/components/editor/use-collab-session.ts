import { useEffect, useState } from "react";
import * as Y from "yjs";
import { CollabSession, collabUrlFor, type CollabState } from "../../lib/collab-client";

/**
 * Opens the live session of one document in the browser (never during server rendering) and
 * follows its state; closes it when the component goes away.
 */
export function useCollabSession(documentId: string) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [state, setState] = useState<CollabState | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const created = new CollabSession({ serverUrl: collabUrlFor(window.location), documentId, doc });
    setSession(created);
    setState(created.state);
    const unsubscribe = created.subscribe(setState);
    return () => {
      unsubscribe();
      created.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [documentId]);

  // Leaving with edits the server has not confirmed would lose them: the browser asks first.
  const unsaved = state?.unacknowledged ?? 0;
  useEffect(() => {
    if (unsaved === 0) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return { session, state };
}
