import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config";

describe("loadConfig", () => {
  it("defaults to the embedded database in ./data on port 3000", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: "embedded", dataDir: path.resolve("data") });
    expect(config.publicOrigin).toBe("http://localhost:3000");
    expect(config.allowedOrigins).toContain("http://127.0.0.1:3000");
    expect(config.secureCookies).toBe(false);
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u@db:5432/scf" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u@db:5432/scf" });
  });

  it("takes an https PUBLIC_ORIGIN as the only origin and marks cookies Secure", () => {
    const config = loadConfig({ PUBLIC_ORIGIN: "https://scf.example.org/some/path" });
    expect(config.allowedOrigins).toEqual(["https://scf.example.org"]);
    expect(config.secureCookies).toBe(true);
  });

  it("names every bad variable", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });
});
