import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../../server/config";
import { createLogger } from "../../../server/logger";
import { startWorkspace, type RunningWorkspace } from "../../../server/workspace";

export interface E2EWorkspace {
  workspace: RunningWorkspace;
  /** The base URL pages are opened at: http://localhost:<port>, the origin the server accepts. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real workspace in this process on a free port, with a fresh embedded database in a
 * temporary directory: being empty, it is seeded with the demo cities (password "smart-city-demo").
 */
export async function startE2EWorkspace(): Promise<E2EWorkspace> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-e2e-"));
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
  });
  let workspace: RunningWorkspace;
  try {
    workspace = await startWorkspace(config, { logger: createLogger("silent") });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    workspace,
    url: workspace.url,
    async stop() {
      try {
        await workspace.stop();
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
