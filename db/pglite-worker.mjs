// The embedded database's thread (see pglite-thread.ts): PGlite on the data directory, answering the
// server's queries. Plain JavaScript, so that the thread starts without the TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";

/**
 * bytea in and out of PGlite, which speaks its hex text form. PGlite's own conversion goes byte by
 * byte through strings: loading a 300 KB document snapshot took 30 ms; Buffer's hex codec takes 1.
 * Each value gets a buffer of its own, so it can be handed to the server's thread without a copy.
 */
function parseBytea(text) {
  return new Uint8Array(Buffer.from(text.slice(2), "hex"));
}

function serializeBytea(value) {
  if (!(value instanceof Uint8Array)) throw new TypeError("bytea parameter is not a Uint8Array");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

/**
 * The buffers of a result's large bytea values (a document's snapshot), to transfer rather than
 * copy. Small ones are copied: handing over each of a long update log's buffers costs more.
 */
function largeBuffersOf(rows) {
  const buffers = [];
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (value instanceof Uint8Array && value.byteLength >= 65536) buffers.push(value.buffer);
    }
  }
  return buffers;
}

/** A PostgreSQL error as plain data: its message and fields (code, constraint, detail, …). */
function describeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  return { ...error, name: error.name, message: error.message };
}

let pglite;
try {
  pglite = await PGlite.create(workerData.dataDir, {
    parsers: { [types.BYTEA]: parseBytea },
    serializers: { [types.BYTEA]: serializeBytea },
  });
} catch (error) {
  parentPort.postMessage({ type: "failed", error: describeError(error) });
  process.exit(1);
}

parentPort.on("message", async (message) => {
  if (message.type === "close") {
    await pglite.close();
    parentPort.close();
    return;
  }
  try {
    const { rows, affectedRows } = await pglite.query(message.sql, message.parameters);
    parentPort.postMessage({ type: "result", id: message.id, rows, affectedRows }, largeBuffersOf(rows));
  } catch (error) {
    parentPort.postMessage({ type: "error", id: message.id, error: describeError(error) });
  }
});
parentPort.postMessage({ type: "ready" });
