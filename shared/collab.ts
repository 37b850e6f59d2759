/** y-websocket message types, and the two this server adds. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Server → client: varUint n, every update-bearing message up to the n-th is durable. */
  Ack: 100,
  /** Server → client: varUint 1 when the connection is read-only, 0 when it may write. */
  Access: 101,
} as const;

/**
 * WebSocket close codes. y-websocket clients do not reconnect after a 44xx close, which is what a
 * refusal the client cannot fix by retrying should cause.
 */
export const CloseCode = {
  GoingAway: 1001,
  MessageTooBig: 1009,
  MalformedMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  DocumentDeleted: 4404,
  TooManyMessages: 4429,
} as const;

/** Query parameter by which a client asks for acknowledgements and access notices. */
export const ACK_PARAM = "acks";

/** Colours for people's carets and avatars: distinct, and readable with white text. */
export const PRESENCE_COLOURS = [
  "#1d70b8",
  "#00703c",
  "#d4351c",
  "#4c2c92",
  "#b58840",
  "#912b88",
  "#28a197",
  "#f47738",
  "#5694ca",
  "#85994b",
  "#6f72af",
  "#d53880",
] as const;

/** A stable colour per user. */
export function presenceColour(userId: string): string {
  let hash = 0;
  for (let index = 0; index < userId.length; index++) hash = (hash * 31 + userId.charCodeAt(index)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length]!;
}
