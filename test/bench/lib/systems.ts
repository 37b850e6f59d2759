import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Endpoint } from "./clients";

export type SystemName = "ours" | "hocuspocus" | "y-websocket";
export const SYSTEMS: SystemName[] = ["ours", "hocuspocus", "y-websocket"];

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PRELOAD = path.join(ROOT, "test/bench/peers/preload.mjs");

/** What the preload script reports on SIGUSR2 (plus what a peer adds, e.g. Hocuspocus's stores). */
export interface ServerStats {
  eldP50: number;
  eldP99: number;
  eldMax: number;
  rss: number;
  heapUsed: number;
  stores?: number;
  storeBytes?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) of a process so far, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields after the command: state is [0], utime is field 14 overall, i.e. [11] here.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** CPU time all processes of the machine used so far (both cores), in milliseconds, from /proc/stat. */
export function machineBusyMs(): number {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Waits until the rest of the machine is quiet: other processes (a database finishing earlier
 * writes, a stopped server's last work) used less than `maxPercent` of one core over half a second.
 * Returns how long that took, or `null` if it did not happen within `timeoutMs`.
 */
export async function waitForQuietMachine(maxPercent = 10, timeoutMs = 30_000): Promise<number | null> {
  const started = performance.now();
  const ownMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  while (performance.now() - started < timeoutMs) {
    const machine0 = machineBusyMs();
    const own0 = ownMs();
    const window0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const others = machineBusyMs() - machine0 - (ownMs() - own0);
    if ((others / (performance.now() - window0)) * 100 < maxPercent) return performance.now() - started;
  }
  return null;
}

/** Resident memory now and at its peak (VmHWM), in bytes. */
export function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

/** Bytes this process caused to be written to storage (/proc/<pid>/io). */
export function storageWriteBytes(pid: number): number {
  try {
    const io = fs.readFileSync(`/proc/${pid}/io`, "utf8");
    return Number(/^write_bytes:\s+(\d+)/m.exec(io)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/**
 * Pins a process and its current children to one core; children it starts later inherit the pin.
 * Returns what undoes it (each process gets its former affinity back), or why it could not be done.
 */
export function pinProcessTree(rootPid: number, core: number): { restore: () => void } | { error: string } {
  const children = spawnSync("pgrep", ["-P", String(rootPid)], { encoding: "utf8" }).stdout;
  const pids = [rootPid, ...children.split("\n").filter(Boolean).map(Number)];
  const former = new Map<number, string>();
  for (const pid of pids) {
    const mask = /mask: ([0-9a-f]+)/.exec(
      spawnSync("taskset", ["-p", String(pid)], { encoding: "utf8" }).stdout,
    );
    if (mask) former.set(pid, mask[1]!);
  }
  const restore = () => {
    for (const [pid, mask] of former)
      spawnSync("taskset", ["-a", "-p", mask, String(pid)], { stdio: "ignore" });
  };
  const pinned = spawnSync("taskset", ["-a", "-p", "-c", String(core), String(rootPid)], {
    encoding: "utf8",
  });
  if (pinned.status !== 0)
    return { error: (pinned.stderr || pinned.error?.message || "taskset failed").trim() };
  for (const pid of pids.slice(1)) {
    spawnSync("taskset", ["-a", "-p", "-c", String(core), String(pid)], { stdio: "ignore" });
  }
  return { restore };
}

export class ServerProcess {
  private readonly lines: string[] = [];
  private waiters: ((line: string) => void)[] = [];
  readonly exited: Promise<number | null>;
  private stderrTail: string[] = [];

  constructor(
    readonly system: SystemName,
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    let buffer = "";
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith("BENCH_")) {
          const waiter = this.waiters.shift();
          if (waiter) waiter(line);
          else this.lines.push(line);
        } else if (line.trim()) {
          this.stderrTail.push(line);
          if (this.stderrTail.length > 40) this.stderrTail.shift();
        }
      }
    });
    child.stdout!.resume();
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Recent stderr lines that were not benchmark reports (warnings, errors). */
  get warnings(): string[] {
    return [...this.stderrTail];
  }

  private nextLine(prefix: string, timeoutMs: number): Promise<string | null> {
    const queued = this.lines.findIndex((line) => line.startsWith(prefix));
    if (queued >= 0) return Promise.resolve(this.lines.splice(queued, 1)[0]!);
    return new Promise((resolve) => {
      const waiter = (line: string) => {
        clearTimeout(timer);
        resolve(line);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve(null);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /**
   * Asks the preload script for its figures since the last ask (and starts a new window). A server
   * too busy to answer within 15 s (saturated) yields NaN figures rather than ending the benchmark.
   */
  async stats(): Promise<ServerStats> {
    this.lines.length = 0;
    this.child.kill("SIGUSR2");
    const line = await this.nextLine("BENCH_STATS ", 15_000);
    if (line === null) return { eldP50: NaN, eldP99: NaN, eldMax: NaN, rss: NaN, heapUsed: NaN };
    return JSON.parse(line.slice("BENCH_STATS ".length)) as ServerStats;
  }

  /**
   * Memory still in use after a full garbage collection: the JS heap plus what live objects hold
   * outside it, in bytes. Unlike RSS this falls when the server lets go of what it held, whether or
   * not the allocator hands the pages back to the system. NaN if the server does not answer in 15 s.
   */
  async liveMemory(): Promise<number> {
    this.lines.length = 0;
    this.child.kill("SIGHUP");
    const line = await this.nextLine("BENCH_LIVE ", 15_000);
    if (line === null) return NaN;
    const { heapUsed, external } = JSON.parse(line.slice("BENCH_LIVE ".length)) as Record<string, number>;
    return heapUsed! + external!;
  }

  cpuMs(): number {
    return cpuMs(this.pid);
  }

  memory(): { rss: number; peak: number } {
    return memory(this.pid);
  }

  async waitReady(path: string, timeoutMs = 90_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      if (this.child.exitCode !== null) {
        throw new Error(`${this.system} exited with ${this.child.exitCode}:\n${this.warnings.join("\n")}`);
      }
      try {
        const response = await fetch(`${this.origin}${path}`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() - started > timeoutMs) throw new Error(`${this.system} did not start in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGTERM (each system stores what is pending), then SIGKILL if it takes too long. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface StartOptions {
  system: SystemName;
  /** PostgreSQL URL, or undefined for PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Write a V8 CPU profile of the server into this directory (`--cpu-prof`). */
  cpuProfileDir?: string;
}

/** Starts one system as its own process pinned to core 0, and waits until it answers HTTP. */
export async function startSystem(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  // --expose-gc lets the preload read live memory (`liveMemory`); it changes nothing else.
  const flags = [
    "--expose-gc",
    ...(options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
  ];
  let args: string[];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  delete env.DATABASE_URL;
  if (options.system === "ours") {
    args = ["--import", "tsx", "--import", PRELOAD, ...flags, "server/main.ts"];
    Object.assign(env, { NODE_ENV: "production", HOST: "127.0.0.1", LOG_LEVEL: "warn" });
    if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
    else env.DATA_DIR = options.dataDir;
  } else if (options.system === "hocuspocus") {
    args = ["--import", PRELOAD, ...flags, "test/bench/peers/hocuspocus.mjs"];
    if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
    else env.DATA_DIR = options.dataDir;
  } else {
    args = ["--import", PRELOAD, ...flags, "node_modules/@y/websocket-server/src/server.js"];
    env.HOST = "127.0.0.1";
  }
  const child = spawn("taskset", ["-c", "0", process.execPath, ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = new ServerProcess(options.system, child, port);
  try {
    await server.waitReady(options.system === "ours" ? "/healthz" : "/");
  } catch (error) {
    await server.stop(2000);
    throw error;
  }
  return server;
}

/** Signs in to our server through the real form; returns the session cookie `name=value`. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { Origin: origin },
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("scf_session="));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed with ${response.status}`);
  return cookie.split(";")[0]!;
}

export function endpointFor(system: SystemName, port: number, cookie: string | null): Endpoint {
  const base = `ws://127.0.0.1:${port}`;
  if (system === "ours") {
    return {
      framing: "plain",
      url: (documentId, { acks }) => `${base}/collab/${documentId}${acks ? "?acks=1" : ""}`,
      headers: { Origin: `http://127.0.0.1:${port}`, ...(cookie ? { Cookie: cookie } : {}) },
    };
  }
  if (system === "hocuspocus") return { framing: "hocuspocus", url: () => `${base}/`, headers: {} };
  return { framing: "plain", url: (documentId) => `${base}/${documentId}`, headers: {} };
}
