import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "../../../server/documents/commands";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";
import { startTestWorkspace, TestClient } from "../../support/http";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

const anchor = JSON.stringify({
  start: { type: null, tname: "default", item: null, assoc: 0 },
  end: { type: null, tname: "default", item: null, assoc: 0 },
});

async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: city.id,
    createdBy: members.lead.id,
    input: { kind: "vision", title: "Vision" },
  });
  const url = `/c/${city.slug}/docs/${document.id}/comments`;
  const as = async (role: keyof typeof members) => {
    const client = new TestClient(workspace.url);
    await client.signIn(members[role].email, members[role].password);
    return client;
  };
  return { city, members, document, url, as };
}

interface Threads {
  canComment: boolean;
  threads: {
    id: string;
    quote: string;
    resolvedAt: string | null;
    comments: { authorName: string; body: string }[];
  }[];
}

describe("comments", () => {
  it("lets a commenter start a thread, others reply, and anyone who may comment resolve and reopen it", async () => {
    const { url, as, members } = await setUp();
    const commenter = await as("commenter");
    const started = await commenter.post(url, {
      intent: "start",
      anchor,
      quote: "a greener city",
      body: "Which wards first?",
    });
    expect(started.status).toBe(200);

    const lead = await as("lead");
    let threads = (await (await lead.get(url)).json()) as Threads;
    expect(threads.canComment).toBe(true);
    expect(threads.threads).toHaveLength(1);
    const thread = threads.threads[0]!;
    expect(thread).toMatchObject({ quote: "a greener city", resolvedAt: null });
    expect(thread.comments).toEqual([
      expect.objectContaining({ authorName: members.commenter.name, body: "Which wards first?" }),
    ]);

    await lead.post(url, { intent: "reply", threadId: thread.id, body: "North first, @Chloe." });
    await commenter.post(url, { intent: "resolve", threadId: thread.id });
    threads = (await (await lead.get(url)).json()) as Threads;
    expect(threads.threads[0]!.comments.map((comment) => comment.body)).toEqual([
      "Which wards first?",
      "North first, @Chloe.",
    ]);
    expect(threads.threads[0]!.resolvedAt).not.toBeNull();

    await lead.post(url, { intent: "reopen", threadId: thread.id });
    threads = (await (await lead.get(url)).json()) as Threads;
    expect(threads.threads[0]!.resolvedAt).toBeNull();
  });

  it("lets viewers read comments but not write them", async () => {
    const { url, as } = await setUp();
    await (await as("editor")).post(url, { intent: "start", anchor, quote: "q", body: "Editor's note" });
    const viewer = await as("viewer");
    const threads = (await (await viewer.get(url)).json()) as Threads;
    expect(threads.canComment).toBe(false);
    expect(threads.threads).toHaveLength(1);
    const refused = await viewer.post(url, {
      intent: "reply",
      threadId: threads.threads[0]!.id,
      body: "me too",
    });
    expect(refused.status).toBe(403);
  });

  it("refuses an empty comment and a comment without a selection, with the reason", async () => {
    const { url, as } = await setUp();
    const editor = await as("editor");
    const empty = await editor.post(url, { intent: "start", anchor, quote: "q", body: "   " });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { fieldErrors: Record<string, string> }).fieldErrors.body).toBe(
      "Write a comment",
    );
    const noAnchor = await editor.post(url, {
      intent: "start",
      anchor: "nonsense",
      quote: "q",
      body: "Hello",
    });
    expect(noAnchor.status).toBe(400);
  });

  it("keeps one city's comments from another city", async () => {
    const home = await setUp();
    const other = await setUp();
    await (
      await other.as("lead")
    ).post(other.url, { intent: "start", anchor, quote: "secret", body: "Private" });
    const stranger = await home.as("lead");
    expect((await stranger.get(other.url)).status).toBe(404);
    // The other city's document under the stranger's own city answers 404 too.
    const crossUrl = `/c/${home.city.slug}/docs/${other.document.id}/comments`;
    expect((await stranger.get(crossUrl)).status).toBe(404);
    expect((await stranger.post(crossUrl, { intent: "start", anchor, quote: "x", body: "y" })).status).toBe(
      404,
    );
  });
});
