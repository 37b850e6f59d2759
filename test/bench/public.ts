/**
 * Public pages and open data benchmark: latency and throughput of a city's public page and two
 * open data answers, under HTTP load from autocannon.
 *
 *   npm run bench:public [-- --duration 10] [--connections 10] [--json FILE]
 *
 * Starts the real server as `npm start` would (production build, a fresh embedded database seeded
 * with the demo cities, a free port) in its own process, pinned to the first core with taskset when
 * there is one, and loads it from this process, pinned to the second.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { freePort } from "./lib/systems";

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    json: { type: "string" },
  },
});
const DURATION = Number(options.duration);
const WARMUP = Number(options.warmup);
const CONNECTIONS = Number(options.connections);

/** Read before this process pins itself to one core, which would make it report one. */
const CORES = os.availableParallelism();

const CITY = "aldermoor";
const URLS = [`/p/${CITY}`, `/api/v1/cities/${CITY}/roadmap`, `/api/v1/cities/${CITY}/pipeline.ocds.json`];

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["--version"], { stdio: "ignore" });
    return CORES >= 2;
  } catch {
    return false;
  }
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not become healthy within two minutes");
}

function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds });
}

interface Figures {
  url: string;
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  failed: number;
}

async function main(): Promise<void> {
  const pinned = hasTaskset();
  if (pinned) execFileSync("taskset", ["-cp", "1", String(process.pid)], { stdio: "ignore" });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-bench-public-"));
  const port = await freePort();
  const command = [process.execPath, "--import", "tsx", "server/main.ts"];
  const server = spawn(
    pinned ? "taskset" : command[0]!,
    pinned ? ["-c", "0", ...command] : command.slice(1),
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        // The limit protects a shared server from one client; here the one client is the benchmark.
        API_RATE_LIMIT: String(1_000_000_000),
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const results: Figures[] = [];
  try {
    await waitForHealth(base, server);
    for (const url of URLS) {
      const check = await fetch(`${base}${url}`);
      if (!check.ok) throw new Error(`${url} answered ${check.status}`);
      await load(`${base}${url}`, WARMUP);
      const result = await load(`${base}${url}`, DURATION);
      results.push({
        url,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requestsPerSecond: result.requests.average,
        requests: result.requests.total,
        failed: result.non2xx + result.errors + result.timeouts,
      });
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `\n${CORES} cores (${cpu}), Node ${process.version}; ` +
      `${pinned ? "server on core 0, load on core 1" : "not pinned (no taskset or one core)"}; ` +
      `${CONNECTIONS} connections, ${DURATION} s per URL after ${WARMUP} s of warm-up\n`,
  );
  console.log("| URL | p50 (ms) | p99 (ms) | requests/s | failed |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const row of results)
    console.log(
      `| \`${row.url}\` | ${row.p50} | ${row.p99} | ${Math.round(row.requestsPerSecond).toLocaleString("en-GB")} | ${row.failed} |`,
    );
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ pinned, cpu, results }, null, 2));
  if (results.some((row) => row.failed > 0)) process.exitCode = 1;
}

await main();
