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
  /** A new post in one of a shared space's discussion threads. */
  "discussion:post": (payload: DiscussionPostEvent) => void;
}

/** A discussion post as the members of a space see it arrive. */
export interface DiscussionPostEvent {
  spaceId: string;
  threadId: string;
  /** Set when the post opened a new thread. */
  threadTitle: string | null;
  post: { id: string; authorName: string; cityName: string | null; body: string; createdAt: string };
}

/** Events a client sends; each answers through its acknowledgement callback. */
export interface ClientToServerEvents {
  "city:join": (citySlug: string, answer: (result: { ok: boolean }) => void) => void;
  "city:leave": (citySlug: string) => void;
  "document:join": (documentId: string, answer: (result: { ok: boolean }) => void) => void;
  "document:leave": (documentId: string) => void;
  "space:join": (spaceSlug: string, answer: (result: { ok: boolean }) => void) => void;
  "space:leave": (spaceSlug: string) => void;
}
