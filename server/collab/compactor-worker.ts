/**
 * The compactor's thread (see `Compactor`, started by `compactor-thread.mjs` at a low
 * priority): compacts the documents it is sent from storage, over its own connection.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase, type DatabaseOptions } from "../../db/connect";
import type { CompactionReply, CompactionRequest } from "./compactor";
import { compactFromStorage } from "./persistence";

const port = parentPort!;
const database = await openDatabase({
  ...(workerData as DatabaseOptions & { kind: "postgres" }),
  poolSize: 1,
});

port.on("message", ({ id, documentId }: CompactionRequest) => {
  compactFromStorage(database.db, documentId).then(
    (folded) => port.postMessage({ id, folded } satisfies CompactionReply),
    (error: unknown) => port.postMessage({ id, error: (error as Error).message } satisfies CompactionReply),
  );
});
