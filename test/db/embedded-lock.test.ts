import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir } from "../../db/embedded-lock";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the scf command in a child process, as an administrator would. */
function scf(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["server/cli/bin.js", ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the embedded database's single-process lock", () => {
  it("makes scf say clearly that the database is open elsewhere", async () => {
    const dataDir = tempDir();
    const release = lockDataDir(dataDir);
    const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    try {
      // Hand the lock to a live process other than ours, as a running server would hold it.
      fs.writeFileSync(path.join(dataDir, "scf.lock"), String(holder.pid));
      const result = await scf(["migrate"], { DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`already open in another process (pid ${holder.pid})`);
    } finally {
      holder.kill();
      release();
    }
  });

  it("takes over a lock left by a process that has gone", async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, "scf.lock"), "999999");
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(path.join(dataDir, "scf.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dataDir, "scf.lock"))).toBe(false);
  });
});
