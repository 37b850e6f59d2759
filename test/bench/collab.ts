/**
 * Collaboration benchmark: our server (durable, PostgreSQL or PGlite) side by side with
 * @hocuspocus/server (database extension) and the y-websocket reference server (in memory).
 *
 *   npm run bench:collab -- [--quick] [--json FILE] [--systems ours,hocuspocus,y-websocket]
 *                           [--scenarios 1,2,3,4,5] [--runs N] [--cpu-prof DIR] [--only REGEX]
 *
 * Each system runs alone in its own process pinned to core 0; this load generator re-executes
 * itself pinned to core 1. See docs/performance.md.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseOptions } from "../../db/connect";
import { coldLoad, Meter, type Endpoint, type Role } from "./lib/clients";
import {
  connectClients,
  measureRun,
  runLoad,
  sleep,
  summarizeRuns,
  type LoadResult,
  type LoadSpec,
  type RunFigures,
} from "./lib/load";
import {
  BENCH_EMAIL,
  BENCH_PASSWORD,
  countStored,
  setupHocuspocus,
  setupOurs,
  type OursDocuments,
} from "./lib/setup";
import { summarize, type Summary } from "./lib/stats";
import {
  endpointFor,
  pinProcessTree,
  signIn,
  startSystem,
  waitForQuietMachine,
  SYSTEMS,
  type ServerProcess,
  type SystemName,
} from "./lib/systems";
import { loadTrace } from "./lib/trace";

const ROOT = path.resolve(import.meta.dirname, "../..");

// ---------------------------------------------------------------------------------------------
// Arguments, pinning, build

interface Options {
  quick: boolean;
  json: string | null;
  systems: SystemName[];
  scenarios: Set<number>;
  runs: number | null;
  cpuProfileDir: string | null;
  /** Only the scenarios whose name matches (e.g. "N=1000 @100"). */
  only: RegExp | null;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    quick: false,
    json: null,
    systems: [...SYSTEMS],
    scenarios: new Set([1, 2, 3, 4, 5]),
    runs: null,
    cpuProfileDir: null,
    only: null,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--quick") options.quick = true;
    else if (arg === "--json") options.json = path.resolve(value());
    else if (arg === "--systems") options.systems = value().split(",") as SystemName[];
    else if (arg === "--scenarios") options.scenarios = new Set(value().split(",").map(Number));
    else if (arg === "--runs") options.runs = Number(value());
    else if (arg === "--cpu-prof") options.cpuProfileDir = path.resolve(value());
    else if (arg === "--only") options.only = new RegExp(value());
    else throw new Error(`unknown argument ${arg}`);
  }
  for (const system of options.systems)
    if (!SYSTEMS.includes(system)) throw new Error(`unknown system ${system}`);
  return options;
}

/**
 * The load generator runs pinned to core 1; the servers get core 0. Its receivers allocate a
 * buffer per message: a larger young generation keeps its collections, and so its own share of
 * the measured latency, small at the highest rates.
 */
function pinSelf(): void {
  if (process.env.BENCH_PINNED === "1") return;
  const result = spawnSync(
    "taskset",
    ["-c", "1", process.execPath, "--max-semi-space-size=64", "--import", "tsx", ...process.argv.slice(1)],
    { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } },
  );
  process.exit(result.status ?? 1);
}

function ensureBuild(): void {
  if (fs.existsSync(path.join(ROOT, "build/index.js"))) return;
  console.log("build/ is missing: running remix build");
  execFileSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "inherit" });
}

// ---------------------------------------------------------------------------------------------
// The plan: scenarios and their sizes, full and quick

interface Plan {
  runs: number;
  durationMs: number;
  settleMs: number;
  afterCloseMs: number;
  /** Wait for a quiet machine before each server start (`waitForQuietMachine`). */
  waitForQuiet: boolean;
  /**
   * One server process per system for every scenario that does not need a fresh one (quick: a
   * server start costs ours about 5 s on PGlite). Full runs start a fresh server per scenario, so
   * each scenario's memory figures start from an idle server that has served nothing.
   */
  shareServer: boolean;
  fanout: { clients: number; rate: number }[];
  typing: { clients: number; perClient: number }[];
  sweep: { clients: number; writers: number; rates: number[]; runs: number; durationMs: number };
  manyDocs: { documents: number; perDocRate: number };
  traceOps: number;
  coldCopies: number;
  /** Also load from the raw update log (a fresh server per run). */
  rawLog: boolean;
  dbWrites: { documents: number; perDocRate: number; durationMs: number; runs: number };
}

function makePlan(options: Options): Plan {
  if (options.quick) {
    const runs = options.runs ?? 2;
    return {
      runs,
      durationMs: 800,
      settleMs: 200,
      afterCloseMs: 500,
      waitForQuiet: false,
      shareServer: true,
      fanout: [{ clients: 100, rate: 100 }],
      typing: [],
      sweep: { clients: 30, writers: 10, rates: [400, 1600], runs: 1, durationMs: 800 },
      manyDocs: { documents: 50, perDocRate: 2 },
      traceOps: 26_000,
      coldCopies: 1,
      rawLog: false,
      dbWrites: { documents: 10, perDocRate: 20, durationMs: 1000, runs: 1 },
    };
  }
  const runs = options.runs ?? 5;
  return {
    runs,
    durationMs: 4000,
    settleMs: 2000,
    // Ours unloads a document 5 s after its last client left (then versions and compacts it).
    afterCloseMs: 10_000,
    waitForQuiet: true,
    shareServer: false,
    fanout: [10, 100, 300, 1000].flatMap((clients) => [20, 100].map((rate) => ({ clients, rate }))),
    typing: [
      { clients: 10, perClient: 5 },
      { clients: 100, perClient: 5 },
    ],
    // 80 writers stay within our server's limit of 250 messages/s per connection up to 20,000/s.
    sweep: {
      clients: 90,
      writers: 80,
      rates: [100, 200, 400, 800, 1600, 3200, 4800, 6400, 9600, 12800, 16000],
      runs: 3,
      durationMs: 3000,
    },
    manyDocs: { documents: 500, perDocRate: 2 },
    traceOps: 260_000,
    coldCopies: runs,
    rawLog: true,
    dbWrites: { documents: 50, perDocRate: 20, durationMs: 5000, runs },
  };
}

const WRITER: Role = { receive: false, write: true, full: false };
const LIGHT: Role = { receive: true, write: false, full: false };
const FULL: Role = { receive: true, write: false, full: true };

/** One writer, two full replicas that check the content, the rest light receivers. */
function fanoutRoles(clients: number): Role[] {
  const full = Math.min(2, clients - 1);
  return [WRITER, ...Array<Role>(full).fill(FULL), ...Array<Role>(clients - 1 - full).fill(LIGHT)];
}

// ---------------------------------------------------------------------------------------------
// Results

interface LoadRow {
  kind: "load";
  scenario: string;
  clients: number;
  connectMs: number;
  rate: number;
  summary: Record<string, Summary>;
  runs: RunFigures[];
  memory: LoadResult["memory"];
  closedDuringRuns: number;
  verification: string;
}

interface SweepRow {
  kind: "sweep";
  scenario: string;
  clients: number;
  writers: number;
  steps: { rate: number; summary: Record<string, Summary> }[];
  highestSustainedRate: number;
}

interface ColdRow {
  kind: "cold";
  scenario: string;
  loads: { openToStateMs: number; connectToStateMs: number }[];
  openToState: Summary;
  connectToState: Summary;
  stateBytes: number;
  verification: string;
  note?: string;
}

interface WritesRow {
  kind: "writes";
  scenario: string;
  updatesPerSecond: number;
  rowsPerSecond: number;
  payloadBytesPerSecond: number;
  rowsPerUpdate: number;
  bytesPerUpdate: number;
  storageWriteBytesPerSecond: Summary;
  perRun: { rows: number; bytes: number }[];
  load: Record<string, Summary>;
  note: string;
}

type Row = LoadRow | SweepRow | ColdRow | WritesRow;
type Results = Record<string, Partial<Record<SystemName, Row>>>;

// ---------------------------------------------------------------------------------------------
// Storage per system

interface Storage {
  databaseUrl?: string;
  ours: DatabaseOptions;
  oursDataDir: string;
  hocuspocusDataDir: string;
  label: string;
  /** Undoes what preparing did to the machine (the database server's pin). */
  restore: () => void;
}

async function prepareStorage(tempRoot: string): Promise<Storage> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    return {
      ours: { kind: "embedded", dataDir: path.join(tempRoot, "ours") },
      oursDataDir: path.join(tempRoot, "ours"),
      hocuspocusDataDir: path.join(tempRoot, "hocuspocus-pglite"),
      label:
        "PGlite (ours: its own data dir; Hocuspocus: a separate PGlite data dir, PGlite is single-process)",
      restore: () => {},
    };
  }
  // A fresh database of our own on the same server, so other users of DATABASE_URL are not disturbed.
  const { default: pg } = await import("pg");
  const name = "scf_bench";
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let pin: ReturnType<typeof pinProcessTree>;
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    pin = pinPostgres((await admin.query<{ data_directory: string }>("show data_directory")).rows[0]!);
  } finally {
    await admin.end();
  }
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  return {
    databaseUrl: benchUrl.toString(),
    ours: { kind: "postgres", url: benchUrl.toString(), poolSize: 4 },
    oursDataDir: path.join(tempRoot, "ours"),
    hocuspocusDataDir: path.join(tempRoot, "hocuspocus-pglite"),
    label:
      `PostgreSQL (${benchUrl.host}, database ${name}; Hocuspocus in table hocuspocus_documents of the same database; ` +
      ("error" in pin
        ? `its processes not pinned: ${pin.error})`
        : "its processes pinned to the servers' core 0)"),
    restore: "error" in pin ? () => {} : pin.restore,
  };
}

/**
 * Pins a PostgreSQL server on this machine to core 0, beside the server under test. Unpinned, the
 * work of a commit (woken right after the relay, while the load generator reads it) can run on the
 * load generator's core; pinned, it takes its time from the system that asked for it.
 */
function pinPostgres({
  data_directory: dataDirectory,
}: {
  data_directory: string;
}): ReturnType<typeof pinProcessTree> {
  let postmaster: number;
  try {
    postmaster = Number(
      fs.readFileSync(path.join(dataDirectory, "postmaster.pid"), "utf8").split("\n", 1)[0],
    );
  } catch (error) {
    return { error: `its postmaster.pid is not readable here (${(error as Error).message})` };
  }
  if (!fs.existsSync(`/proc/${postmaster}`)) return { error: "it does not run on this machine" };
  return pinProcessTree(postmaster, 0);
}

// ---------------------------------------------------------------------------------------------
// One system through every scenario

class DocumentPool {
  private next = 0;
  constructor(private readonly ids: string[] | null) {}
  take(count: number): string[] {
    if (!this.ids) return Array.from({ length: count }, () => randomUUID());
    const taken = this.ids.slice(this.next, this.next + count);
    this.next += count;
    if (taken.length < count) throw new Error("the document pool is exhausted");
    return taken;
  }
}

function documentsNeeded(plan: Plan): number {
  return (
    1 +
    plan.fanout.length +
    plan.typing.length +
    1 +
    plan.manyDocs.documents +
    plan.dbWrites.runs * plan.dbWrites.documents +
    // two warm-up documents per server start in the cold-load scenario
    2 * (1 + plan.coldCopies) +
    8
  );
}

interface Started {
  server: ServerProcess;
  endpoint: Endpoint;
}

/**
 * Hands out server processes: a fresh one each time, or (`shared`) one that lives until it is
 * stopped or `close` is called. A scenario that needs its own process (to load from storage cold,
 * or to read PGlite's files after the server let go of them) stops what it got: the next
 * `acquire` then starts another.
 */
class Servers {
  private current: Started | null = null;
  constructor(
    private readonly shared: boolean,
    private readonly startFresh: () => Promise<Started>,
  ) {}

  async acquire(): Promise<Started> {
    if (!this.shared) return this.startFresh();
    if (
      !this.current ||
      this.current.server.child.exitCode !== null ||
      this.current.server.child.signalCode
    ) {
      this.current = await this.startFresh();
    }
    return this.current;
  }

  async release(server: ServerProcess): Promise<void> {
    if (!this.shared) await server.stop();
  }

  async close(): Promise<void> {
    await this.current?.server.stop();
    this.current = null;
  }
}

/** One scenario of one system: `title` names it in the log, `run` measures and records it. */
interface Step {
  title: string;
  run: () => Promise<void>;
}

/**
 * Prepares one system (its stored documents and trace snapshots) and returns its scenarios as steps,
 * in the same order for every system, so that they can run system by system or interleaved.
 */
async function prepareSystem(
  system: SystemName,
  options: Options,
  plan: Plan,
  storage: Storage,
  results: Results,
  log: (line: string) => void,
): Promise<{ steps: Step[]; close: () => Promise<void> }> {
  const trace = options.scenarios.has(4) && system !== "y-websocket" ? loadTrace(plan.traceOps) : null;
  let ours: OursDocuments | null = null;
  let hocuspocusNames: { snapshot: string[]; short: string[] } | null = null;
  if (system === "ours") {
    log(
      `  setting up the database (documents${trace ? ", trace snapshots" : ""}${trace && plan.rawLog ? ", raw log" : ""})`,
    );
    ours = await setupOurs(storage.ours, {
      documents: documentsNeeded(plan),
      snapshots: trace
        ? [
            { state: trace.snapshot, copies: plan.coldCopies },
            { state: trace.shortHistorySnapshot, copies: plan.coldCopies },
          ]
        : [],
      rawLogs: trace && plan.rawLog ? [trace.updates] : [],
    });
  } else if (system === "hocuspocus" && trace) {
    hocuspocusNames = {
      snapshot: Array.from({ length: plan.coldCopies }, () => randomUUID()),
      short: Array.from({ length: plan.coldCopies }, () => randomUUID()),
    };
    await setupHocuspocus(
      storage.databaseUrl ? { url: storage.databaseUrl } : { dataDir: storage.hocuspocusDataDir },
      [
        ...hocuspocusNames.snapshot.map((name) => ({ name, state: trace.snapshot })),
        ...hocuspocusNames.short.map((name) => ({ name, state: trace.shortHistorySnapshot })),
      ],
    );
  }
  const pool = new DocumentPool(ours?.documents ?? null);
  let cookie: string | null = null;

  const startFresh = async (): Promise<Started> => {
    const waited = plan.waitForQuiet ? await waitForQuietMachine() : 0;
    if (waited === null)
      log("    the machine did not become quiet within 30 s: see oth% for the disturbance");
    else if (waited > 1000) log(`    waited ${(waited / 1000).toFixed(1)} s for the machine to be quiet`);
    const server = await startSystem({
      system,
      databaseUrl: storage.databaseUrl,
      dataDir: system === "ours" ? storage.oursDataDir : storage.hocuspocusDataDir,
      cpuProfileDir: options.cpuProfileDir ? path.join(options.cpuProfileDir, system) : undefined,
    });
    if (system === "ours" && !cookie) cookie = await signIn(server.origin, BENCH_EMAIL, BENCH_PASSWORD);
    return { server, endpoint: endpointFor(system, server.port, cookie) };
  };
  const servers = new Servers(plan.shareServer, startFresh);

  const record = (scenario: string, row: Row) => {
    results[scenario] ??= {};
    results[scenario][system] = row;
  };

  const guarded = async (what: string, task: () => Promise<void>) => {
    try {
      await task();
    } catch (error) {
      log(`    FAILED: ${(error as Error).message}`);
      failures.push(`${system}: ${what}: ${(error as Error).message}`);
    }
  };

  const common = {
    runs: plan.runs,
    durationMs: plan.durationMs,
    settleMs: plan.settleMs,
    afterCloseMs: plan.afterCloseMs,
  };

  const steps: Step[] = [];
  /** `--only` picks among the load scenarios (1, 2 and 3) by name. */
  const selected = (scenario: string) => !options.only || options.only.test(scenario);
  /** A load scenario on one server: measured, recorded, and a failure noted rather than thrown. */
  const loadStep = (scenario: string, documents: number, spec: Omit<LoadSpec, "documents">) => {
    if (!selected(scenario)) return;
    steps.push({
      title: scenario,
      run: () =>
        guarded(scenario, async () => {
          const { server, endpoint } = await servers.acquire();
          try {
            const result = await runLoad(server, endpoint, pool.take(documents), { ...spec, documents }, log);
            const rate = result.rates[0]!;
            record(scenario, {
              kind: "load",
              scenario,
              clients: result.clients,
              connectMs: result.connectMs,
              rate: rate.rate,
              summary: rate.summary,
              runs: rate.runs,
              memory: result.memory,
              closedDuringRuns: result.closedDuringRuns,
              verification: result.verification,
            });
            if (server.warnings.length) log(`    server stderr: ${server.warnings.slice(-3).join(" | ")}`);
          } finally {
            await servers.release(server);
          }
        }),
    });
  };

  if (options.scenarios.has(1)) {
    loadStep("1 latency floor, 2 clients @20/s", 1, { ...common, roles: () => [WRITER, FULL], rates: [20] });
  }

  if (options.scenarios.has(2)) {
    for (const { clients, rate } of plan.fanout) {
      loadStep(`2 fan-out N=${clients} @${rate}/s`, 1, {
        ...common,
        roles: () => fanoutRoles(clients),
        rates: [rate],
      });
    }
    for (const { clients, perClient } of plan.typing) {
      const typist: Role = { receive: true, write: true, full: false };
      const fullTypist: Role = { receive: true, write: true, full: true };
      loadStep(`2 every client types N=${clients} ×${perClient}/s`, 1, {
        ...common,
        roles: () => [fullTypist, fullTypist, ...Array<Role>(clients - 2).fill(typist)],
        rates: [clients * perClient],
      });
    }
    const sweep = plan.sweep;
    const scenario = `2 sweep N=${sweep.clients}, ${sweep.writers} writers`;
    if (selected(scenario)) {
      steps.push({
        title: `${scenario}: rates ${sweep.rates.join(", ")}/s until p99 >= 50 ms`,
        run: () =>
          guarded("sweep", async () => {
            const { server, endpoint } = await servers.acquire();
            try {
              const light = sweep.clients - sweep.writers - 2;
              const result = await runLoad(
                server,
                endpoint,
                pool.take(1),
                {
                  roles: () => [
                    ...Array<Role>(sweep.writers).fill(WRITER),
                    FULL,
                    FULL,
                    ...Array<Role>(light).fill(LIGHT),
                  ],
                  documents: 1,
                  rates: sweep.rates,
                  runs: sweep.runs,
                  durationMs: sweep.durationMs,
                  settleMs: plan.settleMs,
                  afterCloseMs: 500,
                  sweep: true,
                },
                log,
              );
              const sustained = result.rates.filter(
                (step) =>
                  step.summary["latency.p99"]!.median < 50 && step.summary.deliveryRatio!.median >= 0.999,
              );
              record(scenario, {
                kind: "sweep",
                scenario,
                clients: sweep.clients,
                writers: sweep.writers,
                steps: result.rates.map(({ rate, summary }) => ({ rate, summary })),
                highestSustainedRate: sustained.length ? Math.max(...sustained.map((step) => step.rate)) : 0,
              });
            } finally {
              await servers.release(server);
            }
          }),
      });
    }
  }

  if (options.scenarios.has(3)) {
    const { documents, perDocRate } = plan.manyDocs;
    loadStep(`3 many documents: ${documents} × 3 clients @${perDocRate}/s each`, documents, {
      ...common,
      roles: (docIndex) => [WRITER, ...(docIndex === 0 ? [FULL, FULL] : [LIGHT, LIGHT])],
      rates: [documents * perDocRate],
    });
  }

  if (options.scenarios.has(4)) {
    steps.push({
      title: `4 cold load, ${Math.round(plan.traceOps / 1000)}k-operation history`,
      run: () =>
        guarded("cold load", () =>
          coldLoads(system, plan, trace, ours, hocuspocusNames, servers, pool, record, log),
        ),
    });
  }
  if (options.scenarios.has(5)) {
    const { documents, perDocRate } = plan.dbWrites;
    steps.push({
      title: `5 database writes: ${documents} documents × ${perDocRate} updates/s`,
      run: () =>
        guarded("database writes", () => databaseWrites(system, plan, storage, servers, pool, record, log)),
    });
  }
  return { steps, close: () => servers.close() };
}

/** Scenarios that failed (a server that died, a client that could not connect): listed at the end. */
const failures: string[] = [];

async function coldLoads(
  system: SystemName,
  plan: Plan,
  trace: ReturnType<typeof loadTrace> | null,
  ours: OursDocuments | null,
  hocuspocusNames: { snapshot: string[]; short: string[] } | null,
  servers: Servers,
  pool: DocumentPool,
  record: (scenario: string, row: Row) => void,
  log: (line: string) => void,
): Promise<void> {
  const ops = `${Math.round(plan.traceOps / 1000)}k`;
  const names = {
    snapshot: `4 cold load, ${ops}-operation history, from its snapshot`,
    short: `4 cold load, same text written in 1 operation, from its snapshot`,
    raw: `4 cold load, ${ops}-operation history, from the raw update log`,
  };
  if (!trace) {
    for (const scenario of Object.values(names)) {
      record(scenario, {
        kind: "cold",
        scenario,
        loads: [],
        openToState: summarize([]),
        connectToState: summarize([]),
        stateBytes: 0,
        verification: "n/a",
        note: "in memory only: nothing to load",
      });
    }
    return;
  }
  const measure = async (endpoint: Endpoint, documentIds: string[]) => {
    const loads = [];
    let stateBytes = 0;
    let verification = "ok";
    for (const documentId of documentIds) {
      const loaded = await coldLoad(endpoint, documentId);
      loads.push({ openToStateMs: loaded.openToStateMs, connectToStateMs: loaded.connectToStateMs });
      stateBytes = loaded.bytes;
      if (loaded.text !== trace.text) verification = "FAILED: loaded text differs from the trace";
    }
    return { loads, stateBytes, verification };
  };
  const warmUp = async (endpoint: Endpoint) => {
    // JIT and connection paths warm on a small document first, so "cold" means the document only.
    for (const documentId of pool.take(2)) await coldLoad(endpoint, documentId);
  };
  const row = (scenario: string, measured: Awaited<ReturnType<typeof measure>>, note?: string): ColdRow => ({
    kind: "cold",
    scenario,
    ...measured,
    openToState: summarize(measured.loads.map((load) => load.openToStateMs)),
    connectToState: summarize(measured.loads.map((load) => load.connectToStateMs)),
    note,
  });

  log(`    ${names.snapshot} / ${names.short}`);
  {
    const { server, endpoint } = await servers.acquire();
    try {
      await warmUp(endpoint);
      const snapshotIds = ours ? ours.snapshots[0]! : hocuspocusNames!.snapshot;
      const shortIds = ours ? ours.snapshots[1]! : hocuspocusNames!.short;
      const snapshot = await measure(endpoint, snapshotIds);
      const short = await measure(endpoint, shortIds);
      record(names.snapshot, row(names.snapshot, snapshot));
      record(names.short, row(names.short, short));
      log(
        `    snapshot: median ${summarize(snapshot.loads.map((l) => l.openToStateMs)).median.toFixed(1)} ms; ` +
          `same text, 1 op: ${summarize(short.loads.map((l) => l.openToStateMs)).median.toFixed(1)} ms`,
      );
    } finally {
      await servers.release(server);
    }
  }

  if (ours && !plan.rawLog) return;
  if (!ours) {
    record(names.raw, {
      kind: "cold",
      scenario: names.raw,
      loads: [],
      openToState: summarize([]),
      connectToState: summarize([]),
      stateBytes: 0,
      verification: "n/a",
      note: "Hocuspocus's database extension stores whole states only: there is no update log",
    });
    return;
  }
  log(`    ${names.raw} (a fresh server process per run; stopping it does not compact)`);
  const loads = [];
  let measured: Awaited<ReturnType<typeof measure>> | null = null;
  await servers.close();
  for (let run = 0; run < plan.coldCopies; run++) {
    const { server, endpoint } = await servers.acquire();
    try {
      await warmUp(endpoint);
      measured = await measure(endpoint, [ours.rawLogs[0]!]);
      loads.push(...measured.loads);
      log(`    run ${run + 1}: ${measured.loads[0]!.openToStateMs.toFixed(0)} ms`);
    } finally {
      await server.stop();
    }
  }
  record(
    names.raw,
    row(names.raw, { loads, stateBytes: measured!.stateBytes, verification: measured!.verification }),
  );
}

async function databaseWrites(
  system: SystemName,
  plan: Plan,
  storage: Storage,
  servers: Servers,
  pool: DocumentPool,
  record: (scenario: string, row: Row) => void,
  log: (line: string) => void,
): Promise<void> {
  const { documents, perDocRate, durationMs } = plan.dbWrites;
  const rate = documents * perDocRate;
  const scenario = `5 database writes: ${documents} documents × ${perDocRate} updates/s`;
  const { server, endpoint } = await servers.acquire();
  const groups: string[][] = [];
  const runs: RunFigures[] = [];
  const perRun: { rows: number; bytes: number }[] = [];
  const meter = new Meter();
  const everyone = [];
  try {
    for (let run = 0; run < plan.dbWrites.runs; run++) {
      const ids = pool.take(documents);
      groups.push(ids);
      // Fresh documents each run: our rows stay uncompacted (< 300 per document) and countable.
      const clients = await connectClients(
        endpoint,
        ids,
        { roles: () => [WRITER, LIGHT] },
        meter,
        run * documents * 2,
      );
      await sleep(plan.settleMs);
      const before = system === "hocuspocus" ? await server.stats() : null;
      const figures = await measureRun({ server, clients, meter, rate, durationMs, drainMs: 3000 });
      runs.push(figures);
      if (system === "hocuspocus") {
        // Its stores are debounced (2 s, at most 10 s); closing stores at once (unloadImmediately).
        for (const client of clients) client.close();
        await sleep(2000);
        const after = await server.stats();
        perRun.push({
          rows: after.stores! - before!.stores!,
          bytes: after.storeBytes! - before!.storeBytes!,
        });
      } else {
        // Ours keeps its clients until the server stops: closing would compact 5 s later.
        everyone.push(...clients);
      }
      log(
        `    run ${run + 1}: ${figures.sent} updates, p99 ${figures.latency.p99.toFixed(2)} ms` +
          (perRun[run] ? `, ${perRun[run]!.rows} rows` : ""),
      );
    }
  } finally {
    await server.stop();
  }
  for (const client of everyone) client.close();
  if (system === "ours") {
    for (const ids of groups) {
      const stored = await countStored(storage.ours, ids);
      perRun.push({ rows: stored.rows, bytes: stored.bytes });
    }
  } else if (system === "y-websocket") {
    for (let run = 0; run < plan.dbWrites.runs; run++) perRun.push({ rows: 0, bytes: 0 });
  }
  const seconds = (runs.length * durationMs) / 1000;
  const updates = runs.reduce((sum, run) => sum + run.sent, 0);
  const rows = perRun.reduce((sum, run) => sum + run.rows, 0);
  const bytes = perRun.reduce((sum, run) => sum + run.bytes, 0);
  record(scenario, {
    kind: "writes",
    scenario,
    updatesPerSecond: updates / seconds,
    rowsPerSecond: rows / seconds,
    payloadBytesPerSecond: bytes / seconds,
    rowsPerUpdate: updates ? rows / updates : NaN,
    bytesPerUpdate: updates ? bytes / updates : NaN,
    storageWriteBytesPerSecond: summarize(runs.map((run) => run.storageWriteBytes)),
    perRun,
    load: summarizeRuns(runs),
    note:
      system === "ours"
        ? "doc_updates rows (one per update, group commit) and their bytes; plus at most one documents update per document every 5 s"
        : system === "hocuspocus"
          ? "one upsert of the whole document state per store (debounce 2 s, max 10 s, and when the last client leaves)"
          : "in memory: nothing is stored",
  });
}

// ---------------------------------------------------------------------------------------------
// Output

const fmt = (value: number | undefined, digits = 1) =>
  value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits);
const mb = (bytes: number) => fmt(bytes / 1024 / 1024, 0);

function printTable(results: Results, systems: SystemName[], log: (line: string) => void): void {
  const header = [
    "system".padEnd(12),
    "p50".padStart(7),
    "p95".padStart(7),
    "p99".padStart(7),
    "max".padStart(7),
    "p50 spread".padStart(13),
    "p99 spread".padStart(13),
    "deliv%".padStart(8),
    "msgs/s".padStart(9),
    "cpu%".padStart(5),
    "eld99".padStart(6),
    "lg%".padStart(4),
    "oth%".padStart(5),
    "ack p99".padStart(8),
    "RSS MB idle/conn/peak/after".padStart(28),
    "KB/conn".padStart(8),
    "live MB idle/conn/after".padStart(24),
    "live KB/conn".padStart(13),
  ].join(" ");
  for (const [scenario, bySystem] of Object.entries(results)) {
    log("");
    log(scenario);
    const first = Object.values(bySystem)[0];
    if (first?.kind === "load") log(`  ${header}`);
    for (const system of systems) {
      const row = bySystem[system];
      if (!row) continue;
      if (row.kind === "load") {
        const s = row.summary;
        const spread = (key: string) => `${fmt(s[key]!.min, 2)}–${fmt(s[key]!.max, 2)}`.padStart(13);
        log(
          "  " +
            [
              system.padEnd(12),
              fmt(s["latency.p50"]!.median, 2).padStart(7),
              fmt(s["latency.p95"]!.median, 2).padStart(7),
              fmt(s["latency.p99"]!.median, 2).padStart(7),
              fmt(s["latency.max"]!.median, 1).padStart(7),
              spread("latency.p50"),
              spread("latency.p99"),
              fmt(s.deliveryRatio!.median * 100, 2).padStart(8),
              fmt(s.messagesPerSecond!.median, 0).padStart(9),
              fmt(s.serverCpuPercent!.median, 0).padStart(5),
              fmt(s.eventLoopDelayP99!.median, 1).padStart(6),
              fmt(s.loadGeneratorCpuPercent!.median, 0).padStart(4),
              fmt(s.otherCpuPercent!.median, 0).padStart(5),
              fmt(s["ack.p99"]!.median, 2).padStart(8),
              `${mb(row.memory.idle)}/${mb(row.memory.connected)}/${mb(row.memory.peak)}/${mb(row.memory.afterClose)}`.padStart(
                28,
              ),
              fmt(row.memory.perConnection / 1024, 1).padStart(8),
              `${mb(row.memory.live.idle)}/${mb(row.memory.live.connected)}/${mb(row.memory.live.afterClose)}`.padStart(
                24,
              ),
              fmt(row.memory.live.perConnection / 1024, 1).padStart(13),
            ].join(" ") +
            (row.verification.startsWith("ok") ? "" : `  [${row.verification}]`) +
            (row.closedDuringRuns ? `  [${row.closedDuringRuns} clients closed]` : ""),
        );
      } else if (row.kind === "sweep") {
        const steps = row.steps
          .map((step) => `${step.rate}/s: p99 ${fmt(step.summary["latency.p99"]!.median, 1)}`)
          .join(", ");
        log(
          `  ${system.padEnd(12)} highest rate with p99 < 50 ms: ${row.highestSustainedRate}/s   (${steps})`,
        );
      } else if (row.kind === "cold") {
        log(
          `  ${system.padEnd(12)} ` +
            (row.loads.length
              ? `open→state median ${fmt(row.openToState.median, 1)} ms (${fmt(row.openToState.min, 1)}–${fmt(row.openToState.max, 1)}), ` +
                `connect→state ${fmt(row.connectToState.median, 1)} ms, state ${fmt(row.stateBytes / 1024, 0)} KB, ${row.verification}`
              : `n/a: ${row.note}`),
        );
      } else {
        log(
          `  ${system.padEnd(12)} ${fmt(row.updatesPerSecond, 0)} updates/s → ${fmt(row.rowsPerSecond, 1)} rows/s, ` +
            `${fmt(row.payloadBytesPerSecond / 1024, 1)} KB/s stored (${fmt(row.rowsPerUpdate, 3)} rows, ` +
            `${fmt(row.bytesPerUpdate, 0)} B per update), storage writes ${fmt(row.storageWriteBytesPerSecond.median / 1024, 0)} KB/s, ` +
            `p99 ${fmt(row.load["latency.p99"]!.median, 2)} ms`,
        );
      }
    }
  }
}

/** ours / peer for each scenario's main figures (below 1 is better for times, above 1 for rates). */
function ratios(results: Results): Record<string, Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, Record<string, number>>> = {};
  for (const [scenario, bySystem] of Object.entries(results)) {
    const ours = bySystem.ours;
    if (!ours) continue;
    for (const peer of ["hocuspocus", "y-websocket"] as const) {
      const other = bySystem[peer];
      if (!other || other.kind !== ours.kind) continue;
      let figures: Record<string, number> = {};
      if (ours.kind === "load" && other.kind === "load") {
        const key = (row: LoadRow, name: string) => row.summary[name]!.median;
        figures = Object.fromEntries(
          [
            "latency.p50",
            "latency.p95",
            "latency.p99",
            "latency.max",
            "messagesPerSecond",
            "serverCpuPercent",
            "eventLoopDelayP99",
          ].map((name) => [name, key(ours, name) / key(other, name)]),
        );
        figures["memory.connected"] = ours.memory.connected / other.memory.connected;
        figures["memory.perConnection"] = ours.memory.perConnection / other.memory.perConnection;
        figures["memory.live.perConnection"] =
          ours.memory.live.perConnection / other.memory.live.perConnection;
      } else if (ours.kind === "sweep" && other.kind === "sweep") {
        figures = { highestSustainedRate: ours.highestSustainedRate / other.highestSustainedRate };
      } else if (ours.kind === "cold" && other.kind === "cold") {
        figures = { openToState: ours.openToState.median / other.openToState.median };
      } else if (ours.kind === "writes" && other.kind === "writes") {
        figures = {
          rowsPerSecond: ours.rowsPerSecond / other.rowsPerSecond,
          payloadBytesPerSecond: ours.payloadBytesPerSecond / other.payloadBytesPerSecond,
          "latency.p99": ours.load["latency.p99"]!.median / other.load["latency.p99"]!.median,
        };
      }
      out[scenario] ??= {};
      out[scenario][peer] = figures;
    }
  }
  return out;
}

function machine() {
  const free = spawnSync("free", ["-h"], { encoding: "utf8" }).stdout.trim();
  return {
    loadAverageAtEnd: fs.readFileSync("/proc/loadavg", "utf8").trim(),
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memory: free,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

function packageVersion(name: string): string {
  return (
    JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  pinSelf();
  ensureBuild();
  const plan = makePlan(options);
  const started = Date.now();
  const log = (line: string) => console.log(line);
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "scf-bench-"));
  const storage = await prepareStorage(tempRoot);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      storage.restore();
      process.exit(130);
    });
  }
  const versions = {
    "@hocuspocus/server": packageVersion("@hocuspocus/server"),
    "@hocuspocus/extension-database": packageVersion("@hocuspocus/extension-database"),
    "@y/websocket-server": packageVersion("@y/websocket-server"),
    yjs: packageVersion("yjs"),
  };
  log(`collaboration benchmark (${options.quick ? "quick" : "full"}), storage: ${storage.label}`);
  const loadAverageAtStart = fs.readFileSync("/proc/loadavg", "utf8").trim();
  log(
    `load average at start: ${loadAverageAtStart} (other work on the machine disturbs the figures: see oth%)`,
  );
  const gitState = spawnSync("git", ["describe", "--always", "--dirty"], {
    cwd: ROOT,
    encoding: "utf8",
  }).stdout.trim();
  log(
    `peers: ${Object.entries(versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(", ")}`,
  );
  const results: Results = {};
  const writeJson = (complete: boolean) => {
    if (!options.json) return;
    const elapsed = (Date.now() - started) / 1000;
    const output = {
      complete,
      failures,
      startedAt: new Date(started).toISOString(),
      elapsedSeconds: elapsed,
      mode: options.quick ? "quick" : "full",
      storage: storage.label,
      machine: { ...machine(), loadAverageAtStart },
      git: gitState,
      versions,
      plan,
      units: {
        latency: "ms, send → each receiver (one clock: performance.now() in the load generator)",
        serverCpuPercent: "% of one core, from /proc/<pid>/stat",
        eventLoopDelayP99:
          "ms, perf_hooks.monitorEventLoopDelay in a --import preload, excess over its 10 ms timer",
        otherCpuPercent: "% of one core used by other processes on the machine during the run (/proc/stat)",
        memory: "bytes (VmRSS / VmHWM from /proc/<pid>/status)",
      },
      results,
      ratios: ratios(results),
    };
    fs.mkdirSync(path.dirname(options.json), { recursive: true });
    fs.writeFileSync(options.json, `${JSON.stringify(output, null, 2)}\n`);
  };
  const prepared: { system: SystemName; steps: Step[]; close: () => Promise<void> }[] = [];
  const busySeconds = new Map<SystemName, number>();
  const timed = async (system: SystemName, task: () => Promise<void>) => {
    const taskStarted = Date.now();
    try {
      await task();
    } finally {
      busySeconds.set(system, (busySeconds.get(system) ?? 0) + (Date.now() - taskStarted) / 1000);
    }
  };
  try {
    for (const system of options.systems) {
      log(`preparing ${system}`);
      await timed(system, async () => {
        prepared.push({ system, ...(await prepareSystem(system, options, plan, storage, results, log)) });
      });
    }
    // With a server process per scenario, each scenario runs on every system before the next, so
    // that a slow drift of the machine over the half hour falls on every system alike. A shared
    // process would sit idle beside the others' runs, so then it is system by system.
    if (!plan.shareServer) {
      const count = prepared[0]?.steps.length ?? 0;
      for (let index = 0; index < count; index++) {
        log(`\n${prepared[0]!.steps[index]!.title}`);
        for (const { system, steps } of prepared) {
          log(`  ${system}`);
          await timed(system, steps[index]!.run);
        }
        writeJson(false);
      }
    } else {
      for (const { system, steps, close } of prepared) {
        log(`\n${system}`);
        await timed(system, async () => {
          for (const step of steps) {
            log(`  ${step.title}`);
            await step.run();
          }
          await close();
        });
        writeJson(false);
      }
    }
    log(
      `\ntime per system: ${[...busySeconds].map(([system, seconds]) => `${system} ${seconds.toFixed(0)} s`).join(", ")}`,
    );
  } finally {
    for (const { close } of prepared) await close();
    storage.restore();
    fs.rmSync(tempRoot, { recursive: true, force: true });
  }
  printTable(results, options.systems, log);
  log(`\nfinished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (failures.length) log(`\nfailed:\n${failures.map((failure) => `  ${failure}`).join("\n")}`);
  writeJson(true);
  if (options.json) log(`wrote ${options.json}`);
}

await main();
