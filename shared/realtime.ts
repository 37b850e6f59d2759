/** Path of the socket.io endpoint. */
export const REALTIME_PATH = "/realtime";

/** A person as others see them in presence lists. */
export interface OnlinePerson {
  id: string;
  name: string;
  color: string;
}

/** Events the server sends, and what they carry. */
export interface ServerToClientEvents {
  "city:presence": (payload: { citySlug: string; people: OnlinePerson[] }) => void;
}

/** Events a client sends; each answers through its acknowledgement callback. */
export interface ClientToServerEvents {
  "city:join": (citySlug: string, answer: (result: { ok: boolean }) => void) => void;
  "city:leave": (citySlug: string) => void;
}
