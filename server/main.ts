import { ConfigError, loadConfig } from "./config";
import { EmbeddedDatabaseBusyError } from "../db/embedded-lock";
import { createLogger } from "./logger";
import { startWorkspace } from "./workspace";
import { devBuildSource } from "./http/dev-build";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let workspace;
  try {
    workspace = await startWorkspace(config, {
      logger,
      // `remix dev` announces itself through REMIX_DEV_ORIGIN; then builds are reloaded as they change.
      build: process.env.REMIX_DEV_ORIGIN ? await devBuildSource(logger) : undefined,
    });
  } catch (error) {
    if (error instanceof EmbeddedDatabaseBusyError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err: error }, "start-up failed");
    process.exit(1);
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    workspace
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

await main();
