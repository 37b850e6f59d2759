import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../server/cli/main";

/**
 * The CLI opens the database the environment names. On PostgreSQL it gets a database of its own;
 * on PGlite a data directory of its own.
 */
let environment: Record<string, string>;
let cleanup: () => void = () => {};

beforeAll(async () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  if (process.env.TEST_DATABASE_URL) {
    const pg = (await import("pg")).default;
    const name = `scf_test_cli_${process.env.VITEST_POOL_ID ?? "0"}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    environment = { DATABASE_URL: url.toString() };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scf-cli-"));
    environment = { DATABASE_URL: "", DATA_DIR: dataDir };
    cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  Object.assign(process.env, environment);
  const restore = cleanup;
  cleanup = () => {
    restore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
});
afterAll(() => cleanup());

async function scf(...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(args, {
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
  });
  return { code, out, err };
}

describe("scf", () => {
  it("lists its commands with --help", async () => {
    const result = await scf("--help");
    expect(result.code).toBe(0);
    for (const command of ["migrate", "seed-demo", "user create", "city create", "member add"]) {
      expect(result.out).toContain(command);
    }
  });

  it("explains each command's flags with --help", async () => {
    const result = await scf("member", "add", "--help");
    expect(result.code).toBe(0);
    expect(result.out).toContain("Usage: scf member add --city S --email E --role R");
  });

  it("migrates, creates a user, a city and a membership", async () => {
    expect((await scf("migrate")).code).toBe(0);
    const user = await scf(
      "user",
      "create",
      "--email",
      "Lead@Example.org",
      "--password",
      "long password",
      "--name",
      "Lee",
    );
    expect(user).toMatchObject({ code: 0 });
    expect(user.out).toContain("lead@example.org");
    const city = await scf("city", "create", "--slug", "testville", "--name", "Testville");
    expect(city.code).toBe(0);
    const member = await scf(
      "member",
      "add",
      "--city",
      "testville",
      "--email",
      "lead@example.org",
      "--role",
      "lead",
    );
    expect(member).toMatchObject({ code: 0, out: "lead@example.org is now lead of testville.\n" });
  });

  it.each([
    [["user", "create", "--email", "x@example.org", "--name", "X"], 2, "--password is required"],
    [["user", "create", "--email", "nope", "--password", "long password", "--name", "X"], 1, "--email:"],
    [
      ["member", "add", "--city", "testville", "--email", "lead@example.org", "--role", "owner"],
      2,
      "--role must be one of",
    ],
    [
      ["member", "add", "--city", "nowhere", "--email", "lead@example.org", "--role", "viewer"],
      2,
      "No city has the slug nowhere",
    ],
    [["city", "create", "--slug", "Bad Slug!", "--name", "Bad"], 1, "--slug:"],
    [["city", "create", "--slug", "x", "--bogus", "1"], 2, "Unknown option '--bogus'"],
    [["frobnicate"], 2, 'unknown command "frobnicate"'],
  ])("refuses %j with exit code %i and a clear message", async (args, code, message) => {
    const result = await scf(...args);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });

  it("seeds the demo once and refuses a second time", async () => {
    const first = await scf("seed-demo");
    expect(first.code).toBe(0);
    expect(first.out).toContain("amara@aldermoor.example");
    const second = await scf("seed-demo");
    expect(second.code).toBe(1);
    expect(second.err).toContain("Demo data is already present");
  });
});
