import { sql } from "kysely";
import * as Y from "yjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../../db/connect";
import { appendUpdates, countUpdates, findSnapshot } from "../../../db/repositories/doc-updates";
import { UpdateStore } from "../../../server/collab/persistence";
import { createDocument } from "../../../server/documents/commands";
import { createLogger } from "../../../server/logger";
import type { RunningWorkspace } from "../../../server/workspace";
import { missingUpdates, mulberry32, RecordingEditor } from "../../durability/editor";
import { connectClient, sessionCookie, startCollabWorkspace, waitFor } from "../../support/collab";
import { testDatabaseKind, useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";

/**
 * Two collaboration servers writing the same document, each compacting it every 20 rows. On
 * PostgreSQL they are two workspaces with a connection pool each, as two processes would be; on
 * PGlite (one process per data directory) two workspaces in this process share the one handle,
 * which still gives two hubs and two update stores racing on the same rows.
 */
const database = useTestDatabase();
let secondHandle: DatabaseHandle | null = null;
const workspaces: RunningWorkspace[] = [];
const editors: RecordingEditor[] = [];

const OPTIONS = { compactAfterRows: 20, compactQuietMs: 0, unloadDelayMs: 50 };
const LOADS = Number(process.env.RACE_LOADS ?? 30);
const EDITS = 100;

beforeAll(async () => {
  if (testDatabaseKind === "postgres") {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
      database.handle.db,
    );
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${rows[0]!.name}`;
    secondHandle = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
  }
  workspaces.push(await startCollabWorkspace(database.handle, OPTIONS));
  workspaces.push(await startCollabWorkspace(secondHandle ?? database.handle, OPTIONS));
});
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});
afterAll(async () => {
  for (const workspace of workspaces) await workspace.stop();
  await secondHandle?.close();
});

async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: members.lead.id,
    input: { kind: "page", title: "Shared plan" },
  });
  const [first, second] = workspaces as [RunningWorkspace, RunningWorkspace];
  const cookies = {
    lead: await sessionCookie(first.url, members.lead.email, members.lead.password),
    editor: await sessionCookie(first.url, members.editor.email, members.editor.password),
  };
  const editor = (workspace: RunningWorkspace, role: keyof typeof cookies, label: string) => {
    const recording = new RecordingEditor(label, {
      baseUrl: workspace.url,
      documentId: document.id,
      cookie: cookies[role],
    });
    editors.push(recording);
    return recording;
  };
  return { document, cookies, first, second, editor };
}

/** Counts the compactions each store runs and how often two were running at once. */
function watchCompactions(stores: UpdateStore[]) {
  const counts = stores.map(() => 0);
  let running = 0;
  let overlapping = 0;
  stores.forEach((store, index) => {
    const compact = store.compact.bind(store);
    store.compact = async (...args: Parameters<UpdateStore["compact"]>) => {
      counts[index]!++;
      if (++running > 1) overlapping++;
      try {
        return await compact(...args);
      } finally {
        running--;
      }
    };
  });
  return { counts, overlapping: () => overlapping };
}

/** The document as the next process would load it: snapshot plus rows, straight from the database. */
async function loadFresh(documentId: string): Promise<Y.Doc> {
  const { updates } = await new UpdateStore(database.handle.db, createLogger("silent")).load(documentId);
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}

describe(`two collaboration servers on one ${testDatabaseKind === "postgres" ? "PostgreSQL" : "PGlite"} database`, () => {
  it(
    "lose no acknowledged update while both write and compact the same document",
    { timeout: 120_000 },
    async () => {
      const { document, cookies, first, second, editor } = await setUp();
      const watch = watchCompactions([first.collab.hub.store, second.collab.hub.store]);
      const writers = [
        editor(first, "lead", "lead@1"),
        editor(first, "editor", "editor@1"),
        editor(second, "lead", "lead@2"),
        editor(second, "editor", "editor@2"),
      ];
      await waitFor(() => writers.every((writer) => writer.synced), 10_000, "the writers to sync");
      writers.forEach((writer, index) => writer.startEditing(mulberry32(1000 + index), 4, 12));
      // Besides the compactions the servers start themselves, both compact at the very same moment,
      // over and over, so one always waits for the other's lock.
      let writing = true;
      let forced = 0;
      const forcing = (async () => {
        while (writing) {
          await Promise.all(
            [first, second].map((workspace) => workspace.collab.hub.store.compact(document.id)),
          );
          forced++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      // Until both have happened: the forced compactions rebuild from storage in each server's
      // compactor thread, whose first start takes a while.
      await waitFor(
        () => writers.every((writer) => writer.updates.length >= EDITS) && forced > 3,
        60_000,
        `${EDITS} edits each and four forced compactions`,
      );
      writing = false;
      await forcing;
      for (const writer of writers) writer.stopEditing();
      await waitFor(
        () => writers.every((writer) => writer.session.state.unacknowledged === 0),
        20_000,
        "every ack",
      );

      // Both sides compacted, on their own and at the same moment.
      expect(watch.counts[0]).toBeGreaterThan(3);
      expect(watch.counts[1]).toBeGreaterThan(3);
      expect(watch.overlapping()).toBeGreaterThan(3);
      expect(forced).toBeGreaterThan(3);

      for (const writer of editors.splice(0)) writer.destroy();
      await waitFor(
        () => first.collab.hub.loadedCount === 0 && second.collab.hub.loadedCount === 0,
        10_000,
        "unload",
      );

      const loaded = await loadFresh(document.id);
      let checked = 0;
      for (const writer of writers) {
        expect(writer.accountingErrors).toEqual([]);
        expect(writer.acknowledgedUpdates().length).toBe(writer.updates.length);
        expect(
          missingUpdates(loaded, writer.acknowledgedUpdates()),
          `${writer.label}: session accounting`,
        ).toEqual([]);
        expect(
          missingUpdates(loaded, writer.acknowledgedMessages()),
          `${writer.label}: wire accounting`,
        ).toEqual([]);
        checked += writer.updates.length;
      }
      expect(checked).toBeGreaterThanOrEqual(4 * EDITS);
      // After the last unload everything is folded into the snapshot.
      expect(await countUpdates(database.handle.db, { documentId: document.id })).toBe(0);
      expect(await findSnapshot(database.handle.db, { documentId: document.id })).not.toBeNull();

      // And either server loads that snapshot whole.
      for (const workspace of [first, second]) {
        const reader = connectClient({
          baseUrl: workspace.url,
          documentId: document.id,
          cookie: cookies.lead,
        });
        await waitFor(() => reader.session.provider.synced, 10_000, "a reader to sync");
        expect(Y.equalSnapshots(Y.snapshot(reader.doc), Y.snapshot(loaded))).toBe(true);
        reader.destroy();
      }
      loaded.destroy();
    },
  );

  it(
    "a document loaded while the other server compacts it holds every update stored before the load",
    { timeout: 60_000 },
    async () => {
      const { document, cookies, first, second, editor } = await setUp();
      const watch = watchCompactions([first.collab.hub.store]);
      const writers = [editor(first, "lead", "lead@1"), editor(first, "editor", "editor@1")];
      await waitFor(() => writers.every((writer) => writer.synced), 10_000, "the writers to sync");
      writers.forEach((writer, index) => writer.startEditing(mulberry32(2000 + index), 3, 8));

      const incomplete: string[] = [];
      const deadline = Date.now() + 30_000;
      let loads = 0;
      while (loads < LOADS && Date.now() < deadline) {
        // Everything acknowledged by now is committed, so a load that starts now must contain it.
        const stored = writers.flatMap((writer) => writer.acknowledgedUpdates());
        const reader = connectClient({
          baseUrl: second.url,
          documentId: document.id,
          cookie: cookies.editor,
        });
        try {
          await waitFor(() => reader.session.provider.synced, 10_000, "the reader to sync");
          const missing = missingUpdates(reader.doc, stored);
          if (missing.length > 0)
            incomplete.push(`load ${loads}: ${missing.length} of ${stored.length} updates missing`);
        } finally {
          reader.destroy();
        }
        loads++;
        await waitFor(() => second.collab.hub.loadedCount === 0, 10_000, "the reader's document to unload");
      }
      for (const writer of writers) writer.stopEditing();

      expect(incomplete).toEqual([]);
      expect(loads).toBeGreaterThan(10);
      expect(watch.counts[0]).toBeGreaterThan(5);
    },
  );

  it("a load never pairs an old snapshot with the rows left after another server's compaction", async () => {
    const { document } = await setUp();
    const { db } = database.handle;
    const documentId = document.id;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    const compactor = new UpdateStore(db, createLogger("silent"));
    const loader = new UpdateStore(db, createLogger("silent"));
    // On PostgreSQL the compaction and the load run at once on two connections of the pool.
    for (let round = 0; round < 20; round++) {
      const from = updates.length;
      for (let index = 0; index < 5; index++) source.getText("text").insert(0, String(index));
      await appendUpdates(db, { updates: updates.slice(from).map((update) => ({ documentId, update })) });
      const [, state] = await Promise.all([compactor.compact(documentId), loader.load(documentId)]);
      const loaded = new Y.Doc();
      state.updates.forEach((update) => Y.applyUpdate(loaded, update));
      expect(missingUpdates(loaded, updates)).toEqual([]);
      expect(loaded.getText("text").toString()).toBe(source.getText("text").toString());
    }
  });
});
