/**
 * kill -9 durability: the real server runs as a child process; clients make seeded random edits
 * and record exactly which of their updates were acknowledged; the server is killed with SIGKILL
 * at a random moment; after a restart on the same database, a fresh load must contain every
 * acknowledged update. Used by test/server/collab/durability.test.ts (a few seeds) and by
 * `npm run test:durability` (hundreds of runs).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import * as Y from "yjs";
import { openDatabase, type DatabaseHandle } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import { UpdateStore } from "../../server/collab/persistence";
import { createSessionManager } from "../../server/auth/sessions";
import { createDocument } from "../../server/documents/commands";
import { createLogger } from "../../server/logger";
import { connectClient, waitFor } from "../support/collab";
import { buildCity, buildMembership, buildUser } from "../support/factories";
import { deriveSeed, missingUpdates, mulberry32, RecordingEditor } from "./editor";

const ROOT = path.resolve(import.meta.dirname, "../..");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The server as a child process

export interface ServerProcess {
  /** Base URL, on 127.0.0.1 (an origin the server accepts). */
  url: string;
  child: ChildProcess;
  /** The last 64 KiB of stdout and stderr, for diagnostics. */
  output(): string;
  /** SIGKILL, and resolves once the process is gone. */
  kill(): Promise<void>;
}

/** Starts `node --import tsx server/main.ts` in production mode and waits for its listening line. */
export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      DATABASE_URL: "",
      PUBLIC_ORIGIN: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65_536);
  };
  // Never outlive the harness.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      process.off("exit", killOnExit);
      resolve();
    }),
  );
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  return new Promise((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stderr!.on("data", keep);
    child.stdout!.on("data", (chunk: Buffer) => {
      keep(chunk);
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.includes("SCF Workspace is listening")) continue;
        clearTimeout(timer);
        const { url } = JSON.parse(line) as { url: string };
        const port = new URL(url).port;
        resolve({ url: `http://127.0.0.1:${port}`, child, output: () => output, kill });
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited during start-up (${signal ?? code}):\n${output}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// A database of its own per session

export type DatabaseTarget = { kind: "embedded" } | { kind: "postgres"; url: string };

export interface DurabilityDatabase {
  kind: DatabaseTarget["kind"];
  /** Environment that points the server at this database. */
  env: Record<string, string>;
  /** Opens it in this process; for the embedded database, only while no server runs. */
  open(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
}

let embeddedTemplate: Promise<string> | undefined;

/** An initialised and migrated PGlite directory, copied for each session (initdb takes seconds). */
function templateDataDir(): Promise<string> {
  embeddedTemplate ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-durability-template-"));
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    const handle = await openDatabase({ kind: "embedded", dataDir: dir });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
    return dir;
  })();
  return embeddedTemplate;
}

let databaseCounter = 0;

export async function createDurabilityDatabase(target: DatabaseTarget): Promise<DurabilityDatabase> {
  if (target.kind === "embedded") {
    const template = await templateDataDir();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-durability-"));
    fs.cpSync(template, dataDir, { recursive: true });
    const remove = () => fs.rmSync(dataDir, { recursive: true, force: true });
    process.once("exit", remove);
    return {
      kind: "embedded",
      env: { DATABASE_URL: "", DATA_DIR: dataDir },
      open: () => openDatabase({ kind: "embedded", dataDir }),
      dispose: async () => {
        process.off("exit", remove);
        remove();
      },
    };
  }
  const name = `scf_durability_${process.pid}_${++databaseCounter}_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 }),
    dispose: () => admin(`drop database if exists "${name}" with (force)`),
  };
}

// ---------------------------------------------------------------------------------------------
// Fixture: a city, a lead and an editor with sessions, two documents

interface Fixture {
  documents: string[];
  cookies: { lead: string; editor: string };
}

async function setUpFixture(database: DurabilityDatabase): Promise<Fixture> {
  const handle = await database.open();
  try {
    const { db } = handle;
    await migrateToLatest(db);
    const city = await buildCity(db);
    const lead = await buildUser(db, { name: "Durable Lead" });
    const editor = await buildUser(db, { name: "Durable Editor" });
    await buildMembership(db, { cityId: city.id, userId: lead.id, role: "lead" });
    await buildMembership(db, { cityId: city.id, userId: editor.id, role: "editor" });
    const documents: string[] = [];
    for (const title of ["Vision", "Operating model"]) {
      const document = await createDocument(db, {
        cityId: city.id,
        createdBy: lead.id,
        input: { kind: "page", title },
      });
      documents.push(document.id);
    }
    const sessions = createSessionManager(db, { secure: false });
    const cookie = async (userId: string) => (await sessions.start(userId)).split(";")[0]!;
    return { documents, cookies: { lead: await cookie(lead.id), editor: await cookie(editor.id) } };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Runs

/** An acknowledged update that a fresh load did not contain. */
export interface Loss {
  run: number;
  seed: number;
  documentId: string;
  editor: string;
  /** A local update (acknowledged with a message carrying it), or an acknowledged message's payload. */
  accounting: "update" | "message";
  index: number;
  /** For a local update: the messages that carried it. */
  carriedBy?: string;
  /** Found missing right after the restart, or in the final load straight from the database. */
  phase: "restart" | "final";
}

export interface RunResult {
  run: number;
  seed: number;
  killAtMs: number;
  localUpdates: number;
  /** Local updates acknowledged. */
  acknowledged: number;
  /** Update messages acknowledged. */
  acknowledgedMessages: number;
  restartMs: number;
  lost: Loss[];
}

export interface DurabilityResult {
  runs: number;
  localUpdates: number;
  acknowledged: number;
  acknowledgedMessages: number;
  lost: Loss[];
  /** Times the session's count of unacknowledged updates disagreed with the wire. */
  accountingErrors: string[];
  results: RunResult[];
  durationMs: number;
}

interface LedgerEntry {
  run: number;
  seed: number;
  editor: string;
  accounting: Loss["accounting"];
  index: number;
  carriedBy?: string;
  update: Uint8Array;
}

/** Two documents; several clients per document, from two users, one user twice. */
const EDITORS = [
  { label: "lead→doc0", document: 0, user: "lead" },
  { label: "editor→doc0", document: 0, user: "editor" },
  { label: "editor(2nd tab)→doc0", document: 0, user: "editor" },
  { label: "editor→doc1", document: 1, user: "editor" },
  { label: "lead→doc1", document: 1, user: "lead" },
] as const;

/** Checks every ledger entry against a loaded document; reports each lost entry once. */
function check(
  doc: Y.Doc,
  documentId: string,
  entries: LedgerEntry[],
  phase: Loss["phase"],
  reported: Set<LedgerEntry>,
): Loss[] {
  const missing = missingUpdates(
    doc,
    entries.map((entry) => entry.update),
  ).map((position) => entries[position]!);
  return missing
    .filter((entry) => !reported.has(entry))
    .map((entry) => {
      reported.add(entry);
      const { run, seed, editor, accounting, index, carriedBy } = entry;
      return { run, seed, documentId, editor, accounting, index, carriedBy, phase };
    });
}

export interface SessionOptions {
  target: DatabaseTarget;
  /** Kill runs on this database, one after the other. */
  runs: number;
  seed: number;
  /** Number of the first run, for reports. */
  firstRun?: number;
  /** Share of clients that edit before their socket opens and pause until synced. @default 0.3 */
  editBeforeSync?: number;
  /**
   * Share of clients that edit before their socket opens and right through the handshake, so that
   * updates sent on the open socket can depend on offline edits still to come in the sync step 2.
   * @default 0.15
   */
  editThroughSync?: number;
  log?: (line: string) => void;
}

/**
 * One database, `runs` kill -9 runs on it in a row: each run's clients edit the same two
 * documents, so history, snapshots and compaction pile up across runs and every earlier run's
 * acknowledged updates are checked again after each restart. At the end the server is killed
 * once more and every document is loaded straight from the database.
 */
export async function runDurabilitySession(options: SessionOptions): Promise<DurabilityResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const firstRun = options.firstRun ?? 1;
  const editBeforeSync = options.editBeforeSync ?? 0.3;
  const editThroughSync = options.editThroughSync ?? 0.15;
  const database = await createDurabilityDatabase(options.target);
  const results: RunResult[] = [];
  const accountingErrors: string[] = [];
  const finalLosses: Loss[] = [];
  try {
    const fixture = await setUpFixture(database);
    const ledger = new Map<string, LedgerEntry[]>(fixture.documents.map((id) => [id, []]));
    const reported = new Set<LedgerEntry>();
    let server = await startServerProcess(database.env);
    log(`database ready and server started in ${Math.round(performance.now() - started)} ms`);
    try {
      for (let index = 0; index < options.runs; index++) {
        const run = firstRun + index;
        const seed = deriveSeed(options.seed, run);
        const random = mulberry32(seed);
        const editors = EDITORS.map(
          (spec) =>
            new RecordingEditor(spec.label, {
              baseUrl: server.url,
              documentId: fixture.documents[spec.document]!,
              cookie: fixture.cookies[spec.user],
            }),
        );
        const editMs = 100 + random() * 400;
        const killAtMs = random() * (editMs + 100);
        const editorRandoms = editors.map((_, position) => mulberry32(deriveSeed(seed, position)));
        // Some edit before their socket is open, so those edits go out in the sync step 2: either
        // pausing from the moment the socket opens until everyone is synced, or editing right
        // through it. The others start once everyone is synced.
        const modes = editors.map(() => {
          const draw = random();
          return draw < editThroughSync
            ? "through"
            : draw < editThroughSync + editBeforeSync
              ? "before"
              : "after";
        });
        editors.forEach((editor, position) => {
          if (modes[position] === "after") return;
          editor.startEditing(editorRandoms[position]!);
          if (modes[position] === "before") {
            editor.session.provider.on("status", ({ status }: { status: string }) => {
              if (status === "connected") editor.stopEditing();
            });
          }
        });
        await waitFor(() => editors.every((editor) => editor.synced), 30_000, "the editors to sync");
        editors.forEach((editor, position) => {
          if (modes[position] !== "through") editor.startEditing(editorRandoms[position]!);
        });
        const stopEditing = setTimeout(() => editors.forEach((editor) => editor.stopEditing()), editMs);

        await sleep(killAtMs);
        await server.kill();
        clearTimeout(stopEditing);
        for (const editor of editors) editor.stopEditing();
        // Whatever the server sent before it died (acks included) is read before the close.
        await waitFor(() => editors.every((editor) => !editor.session.provider.wsconnected), 10_000).catch(
          () => {},
        );

        let localUpdates = 0;
        let acknowledged = 0;
        let acknowledgedMessages = 0;
        editors.forEach((editor, position) => {
          const documentId = fixture.documents[EDITORS[position]!.document]!;
          const entries = ledger.get(documentId)!;
          const updates = editor.acknowledgedDetails();
          const messages = editor.acknowledgedMessages();
          for (const { index: at, update, carriedBy } of updates) {
            entries.push({
              run,
              seed,
              editor: editor.label,
              accounting: "update",
              index: at,
              carriedBy,
              update,
            });
          }
          messages.forEach((update, at) =>
            entries.push({ run, seed, editor: editor.label, accounting: "message", index: at, update }),
          );
          accountingErrors.push(...editor.accountingErrors.map((error) => `run ${run}: ${error}`));
          localUpdates += editor.updates.length;
          acknowledged += updates.length;
          acknowledgedMessages += messages.length;
          editor.destroy();
        });

        const restartStarted = performance.now();
        server = await startServerProcess(database.env);
        const restartMs = performance.now() - restartStarted;

        const lost: Loss[] = [];
        const verifyStarted = performance.now();
        for (const documentId of fixture.documents) {
          const reader = connectClient({ baseUrl: server.url, documentId, cookie: fixture.cookies.lead });
          try {
            await waitFor(() => reader.session.provider.synced, 30_000, `a fresh load of ${documentId}`);
            lost.push(...check(reader.doc, documentId, ledger.get(documentId)!, "restart", reported));
          } finally {
            reader.destroy();
          }
        }
        results.push({
          run,
          seed,
          killAtMs,
          localUpdates,
          acknowledged,
          acknowledgedMessages,
          restartMs,
          lost,
        });
        log(
          `run ${run}: killed ${Math.round(killAtMs)} ms into ${Math.round(editMs)} ms of editing, ` +
            `${localUpdates} local updates, ${acknowledged} acknowledged (${acknowledgedMessages} messages), ` +
            `restart ${Math.round(restartMs)} ms, check ${Math.round(performance.now() - verifyStarted)} ms, ` +
            `${lost.length} lost`,
        );
      }
    } finally {
      await server.kill();
    }

    // Once more, straight from the database, as the next process would load it.
    const handle = await database.open();
    try {
      const store = new UpdateStore(handle.db, createLogger("silent"));
      for (const documentId of fixture.documents) {
        const { updates } = await store.load(documentId);
        const doc = new Y.Doc();
        doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)));
        finalLosses.push(...check(doc, documentId, ledger.get(documentId)!, "final", reported));
        doc.destroy();
      }
    } finally {
      await handle.close();
    }
  } finally {
    await database.dispose();
  }
  const lost = results.flatMap((result) => result.lost).concat(finalLosses);
  return {
    runs: results.length,
    localUpdates: sum(results.map((result) => result.localUpdates)),
    acknowledged: sum(results.map((result) => result.acknowledged)),
    acknowledgedMessages: sum(results.map((result) => result.acknowledgedMessages)),
    lost,
    accountingErrors,
    results,
    durationMs: performance.now() - started,
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export interface DurabilityOptions {
  target: DatabaseTarget;
  runs: number;
  seed: number;
  /** Runs per fresh database. @default 25 */
  runsPerDatabase?: number;
  /** Sessions (databases) run at the same time. @default 1 */
  jobs?: number;
  editBeforeSync?: number;
  editThroughSync?: number;
  log?: (line: string) => void;
}

/** `runs` kill -9 runs, split into sessions of `runsPerDatabase` on fresh databases. */
export async function runDurability(options: DurabilityOptions): Promise<DurabilityResult> {
  const started = performance.now();
  const perDatabase = Math.max(1, options.runsPerDatabase ?? 25);
  const sessions: { runs: number; firstRun: number; seed: number }[] = [];
  for (let first = 1; first <= options.runs; first += perDatabase) {
    sessions.push({
      runs: Math.min(perDatabase, options.runs - first + 1),
      firstRun: first,
      seed: options.seed,
    });
  }
  const outcomes: DurabilityResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < sessions.length) {
      const session = sessions[next++]!;
      outcomes.push(
        await runDurabilitySession({
          target: options.target,
          log: options.log,
          editBeforeSync: options.editBeforeSync,
          editThroughSync: options.editThroughSync,
          ...session,
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs ?? 1) }, worker));
  const results = outcomes.flatMap((outcome) => outcome.results).sort((a, b) => a.run - b.run);
  return {
    runs: results.length,
    localUpdates: sum(outcomes.map((outcome) => outcome.localUpdates)),
    acknowledged: sum(outcomes.map((outcome) => outcome.acknowledged)),
    acknowledgedMessages: sum(outcomes.map((outcome) => outcome.acknowledgedMessages)),
    lost: outcomes.flatMap((outcome) => outcome.lost),
    accountingErrors: outcomes.flatMap((outcome) => outcome.accountingErrors),
    results,
    durationMs: performance.now() - started,
  };
}
