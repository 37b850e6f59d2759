import { describe, expect, it } from "vitest";
import { EventLoopLoad } from "../../../server/collab/event-loop-load";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the event loop busy for `ms`, yielding briefly every 20 ms so that timers still run. */
async function keepBusy(ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const slice = performance.now() + 20;
    while (performance.now() < slice);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("EventLoopLoad", () => {
  it("turns saturated while the event loop has no spare time, and back once it has", async () => {
    const load = new EventLoopLoad(50);
    try {
      await pause(120);
      expect(load.saturated).toBe(false);
      await keepBusy(200);
      expect(load.saturated).toBe(true);
      await pause(200);
      expect(load.saturated).toBe(false);
    } finally {
      load.close();
    }
  });
});
