import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { seededRandom } from "./stats";

export interface EditingTrace {
  operations: number;
  /** One Yjs update per operation, as a client typing would have sent them. */
  updates: Uint8Array[];
  /** The compacted state after every operation (`encodeStateAsUpdate`). */
  snapshot: Uint8Array;
  /** The same final text written in one operation: same content, a history of length one. */
  shortHistorySnapshot: Uint8Array;
  text: string;
}

const WORDS = (
  "the city council agreed a programme of work for smart transport energy housing and health " +
  "services with partners residents and businesses to measure outcomes and share open data"
).split(" ");

/**
 * A seeded text-editing history shaped like a person writing a paper (like the 259,778-operation
 * automerge-perf "paper" trace often used for CRDT benchmarks): typing one character at a time at
 * a cursor, runs of backspaces correcting typos, now and then a selected passage deleted or a
 * click elsewhere in the text. One operation is one character typed or deleted (or one passage).
 */
export function generateTrace(operations: number, seed = 181): EditingTrace {
  const random = seededRandom(seed);
  const doc = new Y.Doc({ gc: true });
  doc.clientID = 1;
  const text = doc.getText("t");
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  let cursor = 0;
  let pending = "";
  let backspaces = 0;
  for (let done = 0; done < operations; done++) {
    const length = text.length;
    if (backspaces > 0 && cursor > 0) {
      // Correcting a typo: a run of backspaces.
      text.delete(cursor - 1, 1);
      cursor--;
      backspaces--;
      continue;
    }
    backspaces = 0;
    const roll = random();
    if (roll < 0.005 && length > 0) {
      // Click somewhere else in the text and carry on there.
      cursor = Math.floor(random() * (length + 1));
      pending = "";
    } else if (roll < 0.105 && cursor > 0) {
      backspaces = 1 + Math.floor(random() * 6);
      continue;
    } else if (roll < 0.1065 && length > 200) {
      // Select a passage and delete it.
      const start = Math.floor(random() * (length - 100));
      const count = Math.min(length - start, 1 + Math.floor(random() * 200));
      text.delete(start, count);
      if (cursor > start) cursor = Math.max(start, cursor - count);
      continue;
    }
    if (pending.length === 0) pending = WORDS[Math.floor(random() * WORDS.length)]! + " ";
    text.insert(cursor, pending[0]!);
    pending = pending.slice(1);
    cursor++;
  }
  const snapshot = Y.encodeStateAsUpdate(doc);
  const final = text.toString();
  doc.destroy();
  const short = new Y.Doc({ gc: true });
  short.clientID = 2;
  short.getText("t").insert(0, final);
  const shortHistorySnapshot = Y.encodeStateAsUpdate(short);
  short.destroy();
  return { operations, updates, snapshot, shortHistorySnapshot, text: final };
}

/** The trace, cached in the temp directory: generating 260,000 operations takes several seconds. */
export function loadTrace(operations: number, seed = 181): EditingTrace {
  const file = path.join(os.tmpdir(), "scf-bench", `trace-v2-${operations}-${seed}.bin`);
  if (fs.existsSync(file)) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    const next = (): Uint8Array => {
      const length = view.getUint32(offset);
      const chunk = bytes.subarray(offset + 4, offset + 4 + length);
      offset += 4 + length;
      return chunk;
    };
    const snapshot = next();
    const shortHistorySnapshot = next();
    const text = new TextDecoder().decode(next());
    const updates: Uint8Array[] = [];
    while (offset < bytes.length) updates.push(next());
    return { operations, updates, snapshot, shortHistorySnapshot, text };
  }
  const trace = generateTrace(operations, seed);
  const parts = [
    trace.snapshot,
    trace.shortHistorySnapshot,
    new TextEncoder().encode(trace.text),
    ...trace.updates,
  ];
  const out = Buffer.alloc(parts.reduce((sum, part) => sum + 4 + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.writeUInt32BE(part.length, offset);
    out.set(part, offset + 4);
    offset += 4 + part.length;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, out);
  return trace;
}
