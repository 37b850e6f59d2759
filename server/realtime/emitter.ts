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

  attach(io: Server<never, ServerToClientEvents>): void {
    this.io = io as unknown as Server<Record<string, never>, ServerToClientEvents>;
  }

  toDocument<E extends Event>(documentId: string, event: E, payload: Payload<E>): void {
    this.emit(`document:${documentId}`, event, payload);
  }

  toCity<E extends Event>(cityId: string, event: E, payload: Payload<E>): void {
    this.emit(`city:${cityId}`, event, payload);
  }

  toUser<E extends Event>(userId: string, event: E, payload: Payload<E>): void {
    this.emit(`user:${userId}`, event, payload);
  }

  private emit<E extends Event>(room: string, event: E, payload: Payload<E>): void {
    // socket.io's typed emit cannot follow a generic event name; the signature above keeps it safe.
    (this.io?.to(room).emit as ((event: string, payload: unknown) => void) | undefined)?.(event, payload);
  }
}
