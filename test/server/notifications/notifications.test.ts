import { afterEach, describe, expect, it } from "vitest";
import { listNotifications } from "../../../db/repositories/notifications";
import { createDocument } from "../../../server/documents/commands";
import { connectClient, sessionCookie, waitFor, useCollabWorkspace } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers, buildUser } from "../../support/factories";
import { pageText, TestClient } from "../../support/http";
import { connection, connectRealtime, type TestRealtimeSocket } from "../../support/realtime";

const database = useTestDatabase();
const env = useCollabWorkspace(database);
const sockets: TestRealtimeSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

const anchor = JSON.stringify({
  start: { tname: "default", item: null, type: null, assoc: 0 },
  end: { tname: "default", item: null, type: null, assoc: 0 },
});

async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db, { name: "Northwick" });
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: null,
    input: { kind: "vision", title: "Vision" },
  });
  const as = async (role: keyof typeof members) => {
    const client = new TestClient(env.workspace.url);
    await client.signIn(members[role].email, members[role].password);
    return client;
  };
  return { city, members, document, as, commentsUrl: `/c/${city.slug}/docs/${document.id}/comments` };
}

describe("notifications", () => {
  it("tells a mentioned member at once, and thread authors about replies", async () => {
    const { members, as, commentsUrl, document } = await setUp();
    const viewerSocket = connectRealtime(
      env.workspace.url,
      await sessionCookie(env.workspace.url, members.editor.email, members.editor.password),
    );
    sockets.push(viewerSocket);
    expect(await connection(viewerSocket)).toBe("connected");
    const pushed: string[] = [];
    viewerSocket.on("notification", (payload) => pushed.push(payload.text));

    const commenter = await as("commenter");
    await commenter.post(commentsUrl, {
      intent: "start",
      anchor,
      quote: "q",
      body: `Over to you, @${members.editor.name}`,
    });
    await waitFor(() => pushed.length === 1, 5_000, "the mention to be pushed");
    expect(pushed[0]).toBe(`${members.commenter.name} mentioned you in a comment on “Vision”`);

    const threads = (await (await commenter.get(commentsUrl)).json()) as { threads: { id: string }[] };
    await (
      await as("lead")
    ).post(commentsUrl, { intent: "reply", threadId: threads.threads[0]!.id, body: "Agreed." });
    const forCommenter = await listNotifications(database.handle.db, {
      userId: members.commenter.id,
      limit: 10,
    });
    expect(forCommenter.map((item) => item.text)).toEqual([`${members.lead.name} replied on “Vision”`]);
    expect(forCommenter[0]!.link).toContain(document.id);
    const forLead = await listNotifications(database.handle.db, { userId: members.lead.id, limit: 10 });
    expect(forLead).toEqual([]);
  });

  it("shows the unread count in the header until marked read", async () => {
    const { members, as, commentsUrl } = await setUp();
    await (
      await as("lead")
    ).post(commentsUrl, { intent: "start", anchor, quote: "q", body: `@${members.viewer.name} fyi` });
    const viewer = await as("viewer");
    expect(await pageText(await viewer.get("/"))).toMatch(
      /data-testid="unread-count"><span class="visually-hidden">\(<\/span>1</,
    );
    const inbox = await pageText(await viewer.get("/notifications"));
    expect(inbox).toContain("mentioned you in a comment on “Vision”");
    await viewer.post("/notifications", {});
    expect(await pageText(await viewer.get("/"))).not.toContain("unread-count");
  });

  it("tells an existing user about an invitation", async () => {
    const { city, as } = await setUp();
    const invited = await buildUser(database.handle.db, { email: "guest@example.org" });
    await (
      await as("lead")
    ).post(`/c/${city.slug}/members`, { intent: "invite", email: invited.email, role: "viewer" });
    const items = await listNotifications(database.handle.db, { userId: invited.id, limit: 10 });
    expect(items.map((item) => item.text)).toEqual([
      expect.stringContaining("invited you to join Northwick as viewer"),
    ]);
  });
});

describe("activity", () => {
  it("shows who edited which document on the city's overview", async () => {
    const { city, members, document, as } = await setUp();
    const editor = connectClient({
      baseUrl: env.workspace.url,
      documentId: document.id,
      cookie: await sessionCookie(env.workspace.url, members.editor.email, members.editor.password),
    });
    env.clients.push(editor);
    await waitFor(() => editor.session.state.status === "saved");
    editor.doc.getText("t").insert(0, "edit");
    await waitFor(() => editor.session.state.unacknowledged === 0);
    const overview = await pageText(await (await as("viewer")).get(`/c/${city.slug}`));
    expect(overview).toMatch(
      new RegExp(
        `${members.editor.name} edited <a [^>]*href="/c/${city.slug}/docs/${document.id}"[^>]*>Vision</a>`,
      ),
    );
  });
});
