import type { AddressInfo } from "node:net";
import WebSocket, { WebSocketServer } from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { broadcast, Connection } from "../../../server/collab/connection";

const principal = { userId: "u", name: "Una", colour: "#000000", sessionId: "s" };
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A ws server and `count` clients; returns the server-side connections and what each client receives. */
async function connected(count: number) {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const accepted: WebSocket[] = [];
  server.on("connection", (socket) => accepted.push(socket));
  const received: Uint8Array[][] = [];
  for (let index = 0; index < count; index++) {
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const messages: Uint8Array[] = [];
    client.binaryType = "nodebuffer";
    client.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
    received.push(messages);
    cleanups.push(() => client.terminate());
    await new Promise((resolve) => client.once("open", resolve));
  }
  while (accepted.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  const connections = accepted.map(
    (socket) => new Connection(socket, "doc", principal, "write", false, false),
  );
  return { connections, received };
}

function bytes(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 31 + seed) % 256);
}

describe("broadcast", () => {
  it("delivers the same bytes to every receiver but the skipped one, small and large, in order with single sends", async () => {
    const { connections, received } = await connected(3);
    const [first, second, third] = connections;
    // Lengths that take each of the frame header's three length encodings.
    const small = bytes(10, 1);
    const medium = bytes(300, 2);
    const large = bytes(70_000, 3);
    const own = bytes(5, 4);
    // A view into a larger buffer: only the viewed bytes go out.
    const view = bytes(50, 5).subarray(10, 20);

    broadcast(connections, small);
    second!.send(own);
    broadcast(connections, medium, first);
    broadcast(connections, large);
    broadcast(connections, view, third);

    const expected = [
      [small, medium, large, view].filter((_, index) => index !== 1),
      [small, own, medium, large, view],
      [small, medium, large],
    ];
    const deadline = Date.now() + 5000;
    while (received.some((messages, index) => messages.length < expected[index]!.length)) {
      if (Date.now() > deadline) throw new Error("timed out waiting for the messages");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(received).toEqual(expected);
  });

  it("skips connections whose socket has closed", async () => {
    const { connections, received } = await connected(2);
    connections[0]!.close(1000, "bye");
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(() => broadcast(connections, bytes(8, 9))).not.toThrow();
    const deadline = Date.now() + 5000;
    while (received[1]!.length < 1 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(received).toEqual([[], [bytes(8, 9)]]);
  });
});
