import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Browser tests: one real workspace and one Chromium per file, files one after another. */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["test/e2e/**/*.test.ts"],
    exclude: ["node_modules/**"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
