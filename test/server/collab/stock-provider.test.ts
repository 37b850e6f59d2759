import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../server/demo";
import { authenticatedWebSocket, sessionCookie, waitFor } from "../../support/collab";

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-stock-"));
const env = {
  ...process.env,
  DATABASE_URL: "",
  DATA_DIR: dataDir,
  LOG_LEVEL: "info",
  NODE_ENV: "production" as const,
};
let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a stock y-websocket provider", () => {
  it("edits a document made with `scf doc create`, given a session cookie", async () => {
    await run(process.execPath, ["server/cli/bin.js", "seed-demo"], { env });
    const created = await run(
      process.execPath,
      ["server/cli/bin.js", "doc", "create", "--city", "aldermoor", "--kind", "vision", "--title", "Vision"],
      { env },
    );
    const documentId = created.stdout.trim();
    expect(documentId).toMatch(/^[0-9a-f-]{36}$/);

    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...env, PORT: "0", HOST: "127.0.0.1" },
    });
    server = child;
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    await waitFor(() => output.includes("is listening"), 60_000, "the server to listen");
    const url = (
      JSON.parse(output.split("\n").find((line) => line.includes("is listening"))!) as { url: string }
    ).url;

    const open = async (email: string) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${url.replace("http", "ws")}/collab`, documentId, doc, {
        disableBc: true,
        WebSocketPolyfill: authenticatedWebSocket(await sessionCookie(url, email, DEMO_PASSWORD), url),
      });
      await new Promise((resolve) => provider.once("sync", resolve));
      return { doc, provider };
    };
    const writer = await open("amara@aldermoor.example");
    writer.doc.getText("vision").insert(0, "A greener, fairer Aldermoor.");
    const reader = await open("ben@partners.example");
    await waitFor(() => reader.doc.getText("vision").toString() === "A greener, fairer Aldermoor.");

    writer.provider.destroy();
    reader.provider.destroy();
  }, 90_000);
});
