import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OnlinePerson } from "../../../shared/realtime";
import { removeMember } from "../../../server/cities/commands";
import type { RunningWorkspace } from "../../../server/workspace";
import { sessionCookie, startCollabWorkspace, waitFor } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";
import { connection, connectRealtime, type TestRealtimeSocket } from "../../support/realtime";

const database = useTestDatabase();
let workspace: RunningWorkspace;
const sockets: TestRealtimeSocket[] = [];

beforeAll(async () => {
  workspace = await startCollabWorkspace(database.handle);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => workspace.stop());

async function open(user: { email: string; password: string } | null, origin?: string) {
  const cookie = user ? await sessionCookie(workspace.url, user.email, user.password) : null;
  const socket = connectRealtime(workspace.url, cookie, origin);
  sockets.push(socket);
  return { socket, result: await connection(socket) };
}

function join(socket: TestRealtimeSocket, slug: string): Promise<boolean> {
  return new Promise((resolve) => socket.emit("city:join", slug, (answer) => resolve(answer.ok)));
}

describe("realtime", () => {
  it("refuses signed-out clients and foreign origins", async () => {
    const { members } = await buildCityWithMembers(database.handle.db);
    expect((await open(null)).result).toBe("unauthorized");
    expect((await open(members.lead, "https://evil.example")).result).not.toBe("connected");
    expect((await open(members.lead)).result).toBe("connected");

    // The long-polling transport: same-origin GETs carry no Origin, so Sec-Fetch-Site decides.
    const poll = (site: string) =>
      fetch(`${workspace.url}/realtime/?EIO=4&transport=polling`, { headers: { "Sec-Fetch-Site": site } });
    expect((await poll("cross-site")).status).toBe(403);
    expect((await poll("same-origin")).status).toBe(200);
  });

  it("shows who is online in a city to its members only", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const other = await buildCityWithMembers(db);

    const lead = await open(members.lead);
    const seen: OnlinePerson[][] = [];
    lead.socket.on("city:presence", (payload) => seen.push(payload.people));
    expect(await join(lead.socket, city.slug)).toBe(true);
    const viewer = await open(members.viewer);
    expect(await join(viewer.socket, city.slug)).toBe(true);
    await waitFor(() => seen.at(-1)?.length === 2, 5_000, "two people online");
    expect(
      seen
        .at(-1)!
        .map((person) => person.name)
        .sort(),
    ).toEqual([members.lead.name, members.viewer.name].sort());

    const stranger = await open(other.members.lead);
    expect(await join(stranger.socket, city.slug)).toBe(false);
    expect(await join(stranger.socket, "no-such-city")).toBe(false);

    viewer.socket.disconnect();
    await waitFor(() => seen.at(-1)?.length === 1, 5_000, "the viewer to go");
  });

  it("drops a removed member from the city's room", async () => {
    const { db } = database.handle;
    const { city, members } = await buildCityWithMembers(db);
    const lead = await open(members.lead);
    const seen: OnlinePerson[][] = [];
    lead.socket.on("city:presence", (payload) => seen.push(payload.people));
    await join(lead.socket, city.slug);
    const editor = await open(members.editor);
    await join(editor.socket, city.slug);
    await waitFor(() => seen.at(-1)?.length === 2, 5_000, "two people online");

    await removeMember(db, { cityId: city.id, userId: members.editor.id });
    await waitFor(() => seen.at(-1)?.length === 1, 8_000, "the removed member to go");
  });
});
