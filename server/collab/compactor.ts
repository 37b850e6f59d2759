import { Worker } from "node:worker_threads";
import type { DatabaseOptions } from "../../db/connect";

/** How long the worker thread stays after its last compaction, for the next one. */
const IDLE_MS = 1_000;

export type CompactionRequest = { id: number; documentId: string };
export type CompactionReply = { id: number; folded: string[] } | { id: number; error: string };

/**
 * Compacts documents from storage in a worker thread (`compactor-worker.ts`) that has its own
 * PostgreSQL connection and a low scheduling priority (nice 10): decoding a large document's rows and
 * encoding its snapshot take tens of milliseconds, which on the event loop would stall every
 * connection. The thread starts with the first compaction and ends a second after the last one.
 */
export class Compactor {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (folded: string[]) => void; reject: (error: Error) => void }
  >();
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly database: Extract<DatabaseOptions, { kind: "postgres" }>) {}

  /** Resolves with the ids of the rows folded into the new snapshot. */
  compact(documentId: string): Promise<string[]> {
    if (this.closed) return Promise.resolve([]);
    clearTimeout(this.idleTimer);
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, documentId } satisfies CompactionRequest);
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL("./compactor-thread.mjs", import.meta.url), {
      workerData: this.database,
    });
    worker.unref();
    worker.on("message", (reply: CompactionReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ("error" in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.folded);
      if (this.waiting.size === 0) this.idleTimer = setTimeout(() => void this.stop(), IDLE_MS).unref();
    });
    // Only the current thread's end fails the waiting jobs: a thread stopped when idle may end
    // after its successor has taken new ones.
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the compaction worker exited with code ${code}`)));
    return worker;
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker || this.waiting.size > 0) return;
    this.worker = null;
    await worker.terminate();
  }

  /**
   * Stops the thread. A compaction it had not finished counts as having folded nothing: its
   * transaction ends with the thread's connection, and is rolled back if it had not committed.
   */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    for (const waiter of this.waiting.values()) waiter.resolve([]);
    this.waiting.clear();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
