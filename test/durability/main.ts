/**
 * `npm run test:durability [-- --runs N] [--seed S] [--runs-per-database M] [--jobs J]
 * [--database-url postgres://...] [--edit-before-sync P] [--edit-through-sync P] [--quiet]`:
 * N kill -9 runs (default 200) against the real server (see run.ts).
 * PostgreSQL when --database-url or TEST_DATABASE_URL is given (a database of its own is created
 * and dropped per session), otherwise the embedded PGlite database (a fresh data directory per
 * session). Exits non-zero if any acknowledged update was lost.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runDurability, type DatabaseTarget } from "./run";

const ROOT = path.resolve(import.meta.dirname, "../..");

// Interrupted: exit, so that the data directories are removed (the servers share our process group).
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    seed: { type: "string" },
    "runs-per-database": { type: "string", default: "25" },
    jobs: { type: "string", default: "1" },
    "database-url": { type: "string" },
    "edit-before-sync": { type: "string", default: "0.3" },
    "edit-through-sync": { type: "string", default: "0.15" },
    quiet: { type: "boolean", default: false },
  },
});

function positive(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    process.stderr.write(`--${name} must be a positive whole number\n`);
    process.exit(2);
  }
  return number;
}

function share(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    process.stderr.write(`--${name} must be between 0 and 1\n`);
    process.exit(2);
  }
  return number;
}

const runs = positive("runs", values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed) >>> 0;
const databaseUrl = values["database-url"] ?? process.env.TEST_DATABASE_URL;
const target: DatabaseTarget = databaseUrl ? { kind: "postgres", url: databaseUrl } : { kind: "embedded" };

// The server serves the Remix build: make one if there is none (an existing one is left alone).
if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) {
  process.stdout.write("durability: no build/ yet, running `remix build` once\n");
  const built = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

process.stdout.write(
  `durability: ${runs} kill -9 runs on ${target.kind === "postgres" ? "PostgreSQL" : "PGlite"}, seed ${seed}\n`,
);
const result = await runDurability({
  target,
  runs,
  seed,
  runsPerDatabase: positive("runs-per-database", values["runs-per-database"]),
  jobs: positive("jobs", values.jobs),
  editBeforeSync: share("edit-before-sync", values["edit-before-sync"]),
  editThroughSync: share("edit-through-sync", values["edit-through-sync"]),
  log: values.quiet ? undefined : (line) => process.stdout.write(`  ${line}\n`),
});

for (const loss of result.lost.slice(0, 50)) {
  process.stdout.write(
    `LOST run ${loss.run} (seed ${loss.seed}) ${loss.documentId} ${loss.editor}: acknowledged ${loss.accounting} ` +
      `#${loss.index}${loss.carriedBy ? ` carried by ${loss.carriedBy}` : ""}, missing at ${loss.phase}\n`,
  );
}
for (const problem of result.accountingErrors) process.stdout.write(`ACCOUNTING ${problem}\n`);
const restarts = result.results.map((run) => run.restartMs).sort((a, b) => a - b);
const median = restarts[Math.floor(restarts.length / 2)] ?? 0;
const lostUpdates = result.lost.filter((loss) => loss.accounting === "update").length;
const lostMessages = result.lost.length - lostUpdates;
const runsWithLosses = [...new Set(result.lost.map((loss) => loss.run))].sort((a, b) => a - b);
if (runsWithLosses.length > 0)
  process.stdout.write(`runs that lost acknowledged updates: ${runsWithLosses.join(", ")}\n`);
process.stdout.write(
  `durability: ${result.runs} runs, ${result.acknowledged} acknowledged updates checked, ${lostUpdates} lost ` +
    `(also ${result.acknowledgedMessages} acknowledged messages checked, ${lostMessages} lost; ` +
    `${result.localUpdates} updates made; ${result.accountingErrors.length} accounting errors) ` +
    `in ${(result.durationMs / 1000).toFixed(1)} s, median restart ${Math.round(median)} ms, seed ${seed}\n`,
);
process.exit(result.lost.length > 0 || result.accountingErrors.length > 0 || result.runs !== runs ? 1 : 0);
