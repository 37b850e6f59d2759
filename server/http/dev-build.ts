import fs from "node:fs";
import path from "node:path";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import type { Logger } from "../logger";
import { BUILD_DIR } from "./server";

/**
 * While developing, `remix dev` rebuilds into build/: each rebuild is imported afresh and
 * announced back to the dev server, which reloads the browser.
 */
export async function devBuildSource(logger: Logger): Promise<() => Promise<ServerBuild>> {
  const buildPath = path.join(BUILD_DIR, "index.js");
  const load = async () => {
    const build = (await import(`${buildPath}?t=${fs.statSync(buildPath).mtimeMs}`)) as ServerBuild;
    await broadcastDevReady(build);
    return build;
  };
  let current = await load();
  let timer: NodeJS.Timeout | undefined;
  fs.watch(BUILD_DIR, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      load()
        .then((build) => {
          current = build;
        })
        .catch((error: unknown) => logger.error({ err: error }, "could not load the new build"));
    }, 100);
  });
  return async () => current;
}
