import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Answers an upgrade request with a plain HTTP status and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
        `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
    );
  }
  socket.destroy();
}

/**
 * One `upgrade` listener for the whole server: each WebSocket endpoint registers a path prefix,
 * and a request for any other path is refused.
 */
export class UpgradeRouter {
  private readonly routes: { prefix: string; handler: UpgradeHandler }[] = [];

  register(prefix: string, handler: UpgradeHandler): void {
    this.routes.push({ prefix, handler });
  }

  readonly handle = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = (request.url ?? "/").split("?")[0]!;
    const route = this.routes.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`));
    if (!route) return refuseUpgrade(socket, 404, "Not Found");
    route.handler(request, socket, head);
  };
}
