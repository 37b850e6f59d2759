import { describe, expect, it } from "vitest";
import { createSignInThrottle } from "../../../server/auth/throttle";
import { useTestDatabase } from "../../support/database";

const database = useTestDatabase();

async function fail(times: number, email: string, address: string, now: Date) {
  const throttle = createSignInThrottle(database.handle.db);
  for (let i = 0; i < times; i++) await throttle.recordFailure(email, address, now);
}

describe("sign-in throttle", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  const email = "owner@example.org";

  it("blocks an address guessing one account for 15 minutes after 5 failures", async () => {
    const throttle = createSignInThrottle(database.handle.db);
    await fail(4, email, "198.51.100.7", now);
    expect(await throttle.retryAfter(email, "198.51.100.7", now)).toBe(0);
    await fail(1, email, "198.51.100.7", now);
    expect(await throttle.retryAfter(email, "198.51.100.7", now)).toBe(15 * 60);
  });

  it("keeps the owner out for at most a minute when many addresses guess their account", async () => {
    const throttle = createSignInThrottle(database.handle.db);
    for (let i = 0; i < 10; i++) await fail(1, email, `203.0.113.${i}`, now);
    expect(await throttle.retryAfter(email, "192.0.2.1", now)).toBe(60);
    const later = new Date(now.getTime() + 61_000);
    expect(await throttle.retryAfter(email, "192.0.2.1", later)).toBe(0);
  });

  it("does not block other accounts for the guessed one", async () => {
    const throttle = createSignInThrottle(database.handle.db);
    await fail(10, email, "198.51.100.7", now);
    expect(await throttle.retryAfter("someone-else@example.org", "192.0.2.1", now)).toBe(0);
  });

  it("blocks one address trying many accounts", async () => {
    const throttle = createSignInThrottle(database.handle.db);
    for (let i = 0; i < 50; i++) await fail(1, `person${i}@example.org`, "198.51.100.9", now);
    expect(await throttle.retryAfter("new@example.org", "198.51.100.9", now)).toBe(15 * 60);
    expect(await throttle.retryAfter("new@example.org", "192.0.2.1", now)).toBe(0);
  });

  it("forgets failures once the window has passed, and after a success", async () => {
    const throttle = createSignInThrottle(database.handle.db);
    await fail(4, email, "198.51.100.7", now);
    const later = new Date(now.getTime() + 16 * 60_000);
    await fail(1, email, "198.51.100.7", later);
    expect(await throttle.retryAfter(email, "198.51.100.7", later)).toBe(0);

    await fail(3, email, "198.51.100.7", later);
    await throttle.recordSuccess(email, "198.51.100.7");
    await fail(4, email, "198.51.100.7", later);
    expect(await throttle.retryAfter(email, "198.51.100.7", later)).toBe(0);
  });
});
