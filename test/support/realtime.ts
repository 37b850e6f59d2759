import { io, type Socket } from "socket.io-client";
import { REALTIME_PATH, type ClientToServerEvents, type ServerToClientEvents } from "../../shared/realtime";

export type TestRealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client as a browser tab would open it: our Origin, the session cookie, websocket only. */
export function connectRealtime(
  baseUrl: string,
  cookie: string | null,
  origin = baseUrl,
): TestRealtimeSocket {
  return io(baseUrl, {
    path: REALTIME_PATH,
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** Resolves once connected, or with the reason the server refused. */
export function connection(socket: TestRealtimeSocket): Promise<"connected" | string> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}
