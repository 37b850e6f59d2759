import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the server as `npm start` does, without the build step the test run has already done. */
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", DATABASE_URL: "", ...env },
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the server process", () => {
  it("refuses to start on a bad setting and names it", async () => {
    const server = startServer({ PORT: "eighty", PUBLIC_ORIGIN: "ftp://x" });
    expect(await server.exited).toBe(1);
    const { stderr } = server.output();
    expect(stderr).toContain("Invalid configuration");
    expect(stderr).toContain("PORT");
    expect(stderr).toContain("PUBLIC_ORIGIN: must be a http(s) URL");
  });

  it("seeds an empty embedded database, prints the demo logins, and shuts down cleanly on SIGTERM", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-main-"));
    dirs.push(dataDir);
    const server = startServer({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir });
    await waitFor(() => server.output().stdout.includes("SCF Workspace is listening"));
    const { stdout } = server.output();
    expect(stdout).toContain("Demo logins (password for all: smart-city-demo)");
    expect(stdout).toContain("amara@aldermoor.example");
    const url = JSON.parse(stdout.split("\n").find((line) => line.includes("is listening"))!).url as string;
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "ok" });
    expect(fs.existsSync(path.join(dataDir, "scf.lock"))).toBe(true);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toContain("shutting down");
    expect(fs.existsSync(path.join(dataDir, "scf.lock"))).toBe(false);
  });
});
