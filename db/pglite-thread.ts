import { Worker } from "node:worker_threads";
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

/** A PostgreSQL error as the thread sends it: its message and fields (code, constraint, detail, …). */
type ErrorFields = { message: string } & Record<string, unknown>;

type Reply =
  | { type: "ready" }
  | { type: "failed"; error: ErrorFields }
  | { type: "result"; id: number; rows: unknown[]; affectedRows?: number }
  | { type: "error"; id: number; error: ErrorFields };

interface Pending {
  resolve: (result: QueryResult<unknown>) => void;
  reject: (error: Error) => void;
}

function toError(fields: ErrorFields): Error {
  return Object.assign(new Error(fields.message), fields);
}

/**
 * PGlite in a thread of its own (`pglite-worker.mjs`), so that its SQL, which runs on the thread that
 * holds the database, does not hold up the server's event loop. Queries go one at a time, in order.
 * The thread keeps the process alive only while a query is waiting.
 */
export class PGliteThread {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | null = null;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      if (reply.type !== "result" && reply.type !== "error") return;
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.type === "result") {
        pending.resolve({
          rows: reply.rows,
          ...(reply.affectedRows ? { numAffectedRows: BigInt(reply.affectedRows) } : {}),
        });
      } else {
        pending.reject(toError(reply.error));
      }
    });
    worker.on("error", (error) => this.stop(error));
    this.exited = new Promise((resolve) => {
      worker.on("exit", (code) => {
        this.stop(new Error(`the embedded database's thread stopped (exit code ${code})`));
        resolve();
      });
    });
    worker.unref();
  }

  /** Starts the thread and opens the database in `dataDir`; rejects with PGlite's error if it cannot. */
  static open(dataDir: string): Promise<PGliteThread> {
    const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
      workerData: { dataDir },
      // The thread's garbage is short-lived (query text, rows); left at V8's default, its young
      // generation grew by about 30 MB of resident memory as clients connected.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        worker.off("message", answered);
        reject(error);
      };
      const answered = (reply: Reply) => {
        worker.off("error", failed);
        if (reply.type === "ready") resolve(new PGliteThread(worker));
        else if (reply.type === "failed") reject(toError(reply.error));
      };
      worker.once("message", answered);
      worker.once("error", failed);
    });
  }

  query(sql: string, parameters: readonly unknown[]): Promise<QueryResult<unknown>> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    const result = new Promise<QueryResult<unknown>>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
    });
    this.worker.postMessage({ type: "query", id, sql, parameters });
    return result;
  }

  /** Closes the database (PGlite writes what it holds) and waits for the thread to end. */
  async close(): Promise<void> {
    if (!this.stopped) {
      this.worker.ref();
      this.worker.postMessage({ type: "close" });
    }
    await this.exited;
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const pending of this.pending.values()) pending.reject(this.stopped);
    this.pending.clear();
  }
}

/** One connection, handed to one user at a time: PGlite has a single session. */
class PGliteThreadDriver implements Driver {
  private readonly connection: DatabaseConnection;
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(thread: PGliteThread) {
    this.connection = {
      executeQuery: <R>(query: CompiledQuery) =>
        thread.query(query.sql, query.parameters) as Promise<QueryResult<R>>,
      streamQuery: () => {
        throw new Error("streaming results is not supported on the embedded database");
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const modes = [
      settings.isolationLevel && `isolation level ${settings.isolationLevel}`,
      settings.accessMode,
    ];
    await connection.executeQuery(
      CompiledQuery.raw(["start transaction", ...modes.filter(Boolean)].join(" ")),
    );
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async destroy(): Promise<void> {}
}

/** Kysely's PostgreSQL dialect over a `PGliteThread`; closing the database stays with its owner. */
export class PGliteThreadDialect implements Dialect {
  constructor(private readonly thread: PGliteThread) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteThreadDriver(this.thread);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
