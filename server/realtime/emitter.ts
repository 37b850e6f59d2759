import type { Server } from "socket.io";
import type { ServerToClientEvents } from "../../shared/realtime";

type Event = keyof ServerToClientEvents;
type Payload<E extends Event> = Parameters<ServerToClientEvents[E]>[0];

/**
 * How the rest of the server pushes live events, available before the socket.io server exists
 * (it is attached once the HTTP server is up). Without one attached, events go nowhere.
 */
export class RealtimeEmitter {
  private io: Server<Record<string, never>, ServerToClientEvents> | null = null;
  private accessListener: (() => void) | null = null;

  attach(io: Server<never, ServerToClientEvents>): void {
    this.io = io as unknown as Server<Record<string, never>, ServerToClientEvents>;
  }

  toDocument<E extends Event>(documentId: string, event: E, payload: Payload<E>): void {
    this.emit(`document:${documentId}`, event, payload);
  }

  toCity<E extends Event>(cityId: string, event: E, payload: Payload<E>): void {
    this.emit(`city:${cityId}`, event, payload);
  }

  toSpace<E extends Event>(spaceId: string, event: E, payload: Payload<E>): void {
    this.emit(`space:${spaceId}`, event, payload);
  }

  /** Called by the socket.io server: how to re-check every socket's rooms at once. */
  onAccessChanged(listener: () => void): void {
    this.accessListener = listener;
  }

  /** Someone lost access (a city left a space): sockets leave the rooms they may no longer be in, now. */
  accessChanged(): void {
    this.accessListener?.();
  }

  toUser<E extends Event>(userId: string, event: E, payload: Payload<E>): void {
    this.emit(`user:${userId}`, event, payload);
  }

  private emit<E extends Event>(room: string, event: E, payload: Payload<E>): void {
    // socket.io's typed emit cannot follow a generic event name; the signature above keeps it safe.
    (this.io?.to(room).emit as ((event: string, payload: unknown) => void) | undefined)?.(event, payload);
  }
}
