// Loaded into every benchmarked server process with `node --import`: measures the event loop's
// delay and answers SIGUSR2 with one line of figures on stderr, then starts a new window. SIGHUP
// asks for the memory still in use: a full garbage collection (the server runs with --expose-gc),
// then the JS heap and the memory outside it (Buffers, ArrayBuffers) that live objects hold.
import { monitorEventLoopDelay } from "node:perf_hooks";

const RESOLUTION_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

process.on("SIGUSR2", () => {
  const memory = process.memoryUsage();
  const extra = typeof globalThis.__benchStats === "function" ? globalThis.__benchStats() : {};
  // The histogram records how long each RESOLUTION_MS timer took to fire; the delay is the excess.
  const delay = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const figures = {
    eldP50: delay(histogram.percentile(50)),
    eldP99: delay(histogram.percentile(99)),
    eldMax: delay(histogram.max),
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    ...extra,
  };
  process.stderr.write(`BENCH_STATS ${JSON.stringify(figures)}\n`);
  histogram.reset();
});

process.on("SIGHUP", () => {
  globalThis.gc();
  const { heapUsed, external } = process.memoryUsage();
  process.stderr.write(`BENCH_LIVE ${JSON.stringify({ heapUsed, external })}\n`);
});
