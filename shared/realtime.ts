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
  /** A new notification for this user. */
  notification: (payload: { kind: string; text: string }) => void;
  /** Something changed in a document's comments: fetch them again. */
  "comments:changed": (payload: { documentId: string }) => void;
}

/** Events a client sends; each answers through its acknowledgement callback. */
export interface ClientToServerEvents {
  "city:join": (citySlug: string, answer: (result: { ok: boolean }) => void) => void;
  "city:leave": (citySlug: string) => void;
  "document:join": (documentId: string, answer: (result: { ok: boolean }) => void) => void;
  "document:leave": (documentId: string) => void;
}
