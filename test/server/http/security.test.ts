import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { buildUser } from "../../support/factories";
import { pageText, startTestWorkspace, TestClient } from "../../support/http";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

describe("the HTTP server", () => {
  it("answers /healthz once migrations have run", async () => {
    const response = await fetch(`${workspace.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves pages under a nonce-based Content-Security-Policy and other security headers", async () => {
    const response = await fetch(`${workspace.url}/login`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await pageText(response)).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("caches fingerprinted assets for a year", async () => {
    const html = await (await fetch(`${workspace.url}/login`)).text();
    const asset = /\/build\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const response = await fetch(`${workspace.url}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("compresses pages", async () => {
    const response = await fetch(`${workspace.url}/login`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
  });

  describe("refuses state-changing requests from elsewhere", () => {
    const form = () => new URLSearchParams({ email: "a@example.org", password: "whatever-it-is" });

    it("with a foreign Origin", async () => {
      const response = await fetch(`${workspace.url}/login`, {
        method: "POST",
        body: form(),
        headers: { Origin: "https://evil.example" },
        redirect: "manual",
      });
      expect(response.status).toBe(403);
    });

    it("with Sec-Fetch-Site: cross-site, even under our Origin", async () => {
      const response = await fetch(`${workspace.url}/login`, {
        method: "POST",
        body: form(),
        headers: { Origin: workspace.services.config.publicOrigin, "Sec-Fetch-Site": "cross-site" },
        redirect: "manual",
      });
      expect(response.status).toBe(403);
    });

    it("with no Origin at all", async () => {
      const response = await fetch(`${workspace.url}/login`, {
        method: "POST",
        body: form(),
        redirect: "manual",
      });
      expect(response.status).toBe(403);
    });

    it("but lets our own pages through", async () => {
      const response = await new TestClient(workspace.url).post("/login", Object.fromEntries(form()));
      expect(response.status).toBe(401);
    });
  });

  it("refuses WebSocket upgrades on paths nobody serves", async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(workspace.port, "127.0.0.1", () => {
        socket.write(
          "GET /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
        );
      });
      let data = "";
      socket.on("data", (chunk) => (data += chunk.toString()));
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
  });

  it("keeps a repeated wrong password out with 429 and Retry-After", async () => {
    const user = await buildUser(database.handle.db, { email: "target@example.org" });
    const client = new TestClient(workspace.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await client.post("/login", { email: user.email, password: "wrong password" })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await client.post("/login", { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await pageText(blocked)).toContain("Too many failed attempts");
  });
});
