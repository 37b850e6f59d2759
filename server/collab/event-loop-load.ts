import { performance } from "node:perf_hooks";

/**
 * Whether this process's event loop has lately had little spare time. Sampled every `intervalMs`
 * from `performance.eventLoopUtilization()`, with hysteresis so that the answer does not flip on
 * every sample: it turns saturated at `high` and back at `low`.
 */
export class EventLoopLoad {
  saturated = false;
  private last = performance.eventLoopUtilization();
  private readonly timer: NodeJS.Timeout;

  constructor(
    intervalMs = 100,
    private readonly high = 0.8,
    private readonly low = 0.5,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, this.last);
    this.last = now;
    if (utilization >= this.high) this.saturated = true;
    else if (utilization <= this.low) this.saturated = false;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
