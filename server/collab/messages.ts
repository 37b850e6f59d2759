import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { MessageType } from "../../shared/collab";
import type { Connection } from "./connection";
import { awarenessMessage, type CollabDocument } from "./document";

/** A message that does not decode as the protocol says; the connection is closed for it. */
export class MalformedMessageError extends Error {}

/**
 * What handling a message asks of the caller: nothing more, or to apply a document update, the
 * `count`th update-bearing message of its connection.
 */
export type Outcome = { kind: "done" } | { kind: "update"; update: Uint8Array; count: number };

const DONE: Outcome = { kind: "done" };

/**
 * Rewrites a client's awareness update so every state it carries names the authenticated user,
 * and drops entries for client ids another connection speaks for.
 */
function stampAwareness(update: Uint8Array, connection: Connection, document: CollabDocument): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const entries: { client: number; clock: number; state: string }[] = [];
  for (let index = 0; index < count; index++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    const owner = document.awarenessOwners.get(client);
    if (owner && owner !== connection) continue;
    const parsed: unknown = JSON.parse(raw);
    if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
      throw new MalformedMessageError("awareness state is not an object");
    }
    document.awarenessOwners.set(client, connection);
    connection.awarenessClients.add(client);
    const { userId, name, colour } = connection.principal;
    const state = parsed === null ? null : { ...parsed, user: { id: userId, name, color: colour } };
    entries.push({ client, clock, state: JSON.stringify(state) });
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing bytes after awareness update");
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Handles one message from a client. Throws MalformedMessageError (or whatever the decoders throw)
 * for a message that is not well-formed; the caller closes that connection only.
 */
export function handleMessage(document: CollabDocument, connection: Connection, data: Uint8Array): Outcome {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync: {
      const syncType = decoding.peekVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        decoding.readVarUint(decoder);
        const stateVector = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        connection.send(document.syncStep2(stateVector));
        return DONE;
      }
      if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
        throw new MalformedMessageError(`unknown sync message type ${syncType}`);
      }
      decoding.readVarUint(decoder);
      const update = decoding.readVarUint8Array(decoder);
      expectEnd(decoder);
      connection.updatesReceived++;
      // Read-only: the update is never applied, stored or relayed.
      if (connection.access === "read") return DONE;
      return { kind: "update", update, count: connection.updatesReceived };
    }
    case MessageType.Awareness: {
      const update = decoding.readVarUint8Array(decoder);
      expectEnd(decoder);
      if (!connection.awareness.take()) return DONE;
      awarenessProtocol.applyAwarenessUpdate(
        document.awareness,
        stampAwareness(update, connection, document),
        connection,
      );
      return DONE;
    }
    case MessageType.QueryAwareness: {
      expectEnd(decoder);
      connection.send(awarenessMessage(document.awareness, [...document.awareness.getStates().keys()]));
      return DONE;
    }
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing bytes after message");
}
