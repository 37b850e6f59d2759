import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { CollabSession, collabUrlFor, type CollabState } from "../../lib/collab-client";

/**
 * Opens the live session of one document in the browser (never during server rendering) and
 * follows its state; closes it when the component goes away.
 */
export function useCollabSession(documentId: string, userId: string) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [state, setState] = useState<CollabState | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    // A copy in this browser, per user and document: edits made offline survive a reload and are
    // sent when the connection returns.
    const cache = new IndexeddbPersistence(`scf:${userId}:${documentId}`, doc);
    const created = new CollabSession({
      serverUrl: collabUrlFor(window.location),
      documentId,
      doc,
      connect: false,
      ignoredOrigins: [cache],
    });
    void cache.whenSynced.then(() => {
      if (!doc.isDestroyed) created.provider.connect();
    });
    setSession(created);
    setState(created.state);
    const unsubscribe = created.subscribe(setState);
    return () => {
      unsubscribe();
      created.destroy();
      void cache.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [documentId, userId]);

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
