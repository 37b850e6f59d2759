import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readRoadmap } from "../../../server/boards/commands";
import { LESSONS } from "../../../shared/boards/lessons";
import { readBoard, richTextOf, rowsOf } from "../../../shared/boards/model";
import type { DiscussionPostEvent } from "../../../shared/realtime";
import {
  connectClient,
  sessionCookie,
  upgradeStatus,
  useCollabWorkspace,
  waitFor,
} from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { pageText, TestClient } from "../../support/http";
import { connection, connectRealtime } from "../../support/realtime";
import { buildCityWithRoadmap } from "../boards/support";

const database = useTestDatabase();
const env = useCollabWorkspace(database, { projectionDelayMs: 50, accessCheckIntervalMs: 60_000 });

type Person = { id: string; email: string; password: string; name: string };

async function signedIn(person: Person): Promise<TestClient> {
  const client = new TestClient(env.workspace.url);
  await client.signIn(person.email, person.password);
  return client;
}

/** Two cities in a shared space (the second accepted the first's invitation) and a third outside it. */
async function setUp() {
  const { db } = database.handle;
  const [home, partner, outsider] = await Promise.all([
    buildCityWithRoadmap(db),
    buildCityWithRoadmap(db),
    buildCityWithRoadmap(db),
  ]);
  const lead = await signedIn(home.members.lead);
  const created = await lead.post(`/c/${home.city.slug}/spaces`, {
    intent: "create",
    name: "Lighting cities",
    purpose: "What we learn about street lighting",
  });
  const space = created.headers.get("location")!;
  await lead.post(`${space}?index`, { intent: "invite", cityId: partner.city.id });
  const { id: spaceId } = await db
    .selectFrom("spaces")
    .select("id")
    .where("slug", "=", space.slice(3))
    .executeTakeFirstOrThrow();
  const partnerLead = await signedIn(partner.members.lead);
  await partnerLead.post(`/c/${partner.city.slug}/spaces`, { intent: "accept", spaceId });
  return { db, home, partner, outsider, space, spaceId, partnerLead };
}

/** Writes a lesson through the list page's form; returns its page's address. */
async function writeLesson(
  client: TestClient,
  space: string,
  cityId: string,
  title: string,
): Promise<string> {
  const response = await client.post(`${space}/lessons`, { title, cityId });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

async function lessonsBoardOf(cityId: string): Promise<string> {
  const row = await database.handle.db
    .selectFrom("documents")
    .select("id")
    .where("kind", "=", "lessons")
    .where("owner_city_id", "=", cityId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Fills in a lesson as its city's editor would, through the collaboration server. */
async function fillIn(cityId: string, values: Record<string, unknown>): Promise<void> {
  const board = await lessonsBoardOf(cityId);
  await env.workspace.services.collabHub!.change(board, null, (ydoc) => {
    const [rowId] = [...rowsOf(ydoc).keys()].slice(-1);
    const row = rowsOf(ydoc).get(rowId!)!;
    for (const [key, value] of Object.entries(values)) {
      if (LESSONS.fields.find((field) => field.key === key)?.kind === "richText") {
        const fragment = richTextOf(ydoc, rowId!, key)!;
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(String(value))]);
        fragment.insert(0, [paragraph]);
      } else {
        row.set(key, value);
      }
    }
  });
}

describe("lessons in a shared space", () => {
  it("is written by a city's editor, read by every taking-part city, and invisible to any other", async () => {
    const { home, partner, outsider, space } = await setUp();
    const editor = await signedIn(home.members.editor);

    // A commenter does not write lessons; a title is needed, and what was typed is kept.
    const commenter = await signedIn(home.members.commenter);
    expect((await commenter.post(`${space}/lessons`, { title: "Ours", cityId: home.city.id })).status).toBe(
      403,
    );
    const untitled = await editor.post(`${space}/lessons`, { title: " ", cityId: home.city.id });
    expect(untitled.status).toBe(400);
    expect(await pageText(untitled)).toContain("Give the lesson a title");
    // Nor may an editor write for a city they do not edit for.
    expect((await editor.post(`${space}/lessons`, { title: "Theirs", cityId: partner.city.id })).status).toBe(
      400,
    );

    const path = await writeLesson(editor, space, home.city.id, "Dim the lights after midnight");
    expect(path).toMatch(new RegExp(`^${space}/lessons/${home.city.slug}/[0-9a-f-]{36}$`));
    await fillIn(home.city.id, {
      need: "Cut energy use at night without streets feeling unsafe",
      themes: ["energy", "climate"],
      clauses: ["B5c"],
      contact: "lights@example.org",
    });

    // Everyone in the partner city is told, and reads the lesson.
    const told = await database.handle.db
      .selectFrom("notifications")
      .select(["user_id", "link", "text"])
      .where("kind", "=", "lessonNew")
      .execute();
    expect(told.map((notification) => notification.user_id).sort()).toEqual(
      [
        partner.members.lead.id,
        partner.members.editor.id,
        partner.members.commenter.id,
        partner.members.viewer.id,
      ].sort(),
    );
    expect(told[0]!.link).toBe(path);
    const partnerViewer = await signedIn(partner.members.viewer);
    const page = await pageText(await partnerViewer.get(path));
    expect(page).toContain("Dim the lights after midnight");

    // Its own city's editors change it live; the partner city's members only read it.
    const board = await lessonsBoardOf(home.city.id);
    const connect = async (person: Person) => {
      const cookie = await sessionCookie(env.workspace.url, person.email, person.password);
      const client = connectClient({ baseUrl: env.workspace.url, documentId: board, cookie });
      env.clients.push(client);
      await waitFor(() => client.session.state.status === "saved", 10_000, "sync");
      return client;
    };
    const writer = await connect(home.members.editor);
    const reader = await connect(partner.members.editor);
    expect(writer.session.state.readOnly).toBe(false);
    expect(reader.session.state.readOnly).toBe(true);
    const rowId = path.split("/").pop()!;
    writer.doc.transact(() =>
      rowsOf(writer.doc).get(rowId)!.set("title", "Dim the lights after half past midnight"),
    );
    await waitFor(
      () => readBoard(reader.doc, LESSONS)[0]?.valid.title === "Dim the lights after half past midnight",
      5_000,
      "the reader to see the change",
    );
    reader.doc.transact(() => rowsOf(reader.doc).get(rowId)!.set("title", "Changed by another city"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readBoard(writer.doc, LESSONS)[0]!.valid.title).toBe("Dim the lights after half past midnight");

    // Another city learns nothing: not the list, not the lesson, not the board's socket.
    const stranger = await signedIn(outsider.members.lead);
    expect((await stranger.get(`${space}/lessons`)).status).toBe(404);
    expect((await stranger.get(path)).status).toBe(404);
    const cookie = await sessionCookie(
      env.workspace.url,
      outsider.members.lead.email,
      outsider.members.lead.password,
    );
    expect(
      await upgradeStatus(`${env.workspace.url.replace("http", "ws")}/collab/${board}`, {
        Cookie: cookie,
        Origin: env.workspace.services.config.publicOrigin,
      }),
    ).toBe(404);
  });

  it("finds lessons by words, clause, theme and city", async () => {
    const { home, partner, space, partnerLead } = await setUp();
    await writeLesson(await signedIn(home.members.editor), space, home.city.id, "Dimming street lights");
    await fillIn(home.city.id, { need: "Lower night-time energy use", themes: ["energy"], clauses: ["B5c"] });
    await writeLesson(partnerLead, space, partner.city.id, "An open data inventory");
    await fillIn(partner.city.id, {
      need: "Know what data the council holds",
      themes: ["prosperity"],
      clauses: ["B9", "B13"],
    });
    // The list reads the boards' projection, written a moment after each change.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const viewer = await signedIn(home.members.viewer);
    const titles = async (query: string) => {
      const html = await pageText(await viewer.get(`${space}/lessons${query}`));
      return ["Dimming street lights", "An open data inventory"].filter((title) => html.includes(title));
    };
    expect(await titles("")).toEqual(["Dimming street lights", "An open data inventory"]);
    expect(await titles("?q=council+data")).toEqual(["An open data inventory"]);
    expect(await titles("?q=nothing+like+this")).toEqual([]);
    expect(await titles("?clause=B5")).toEqual(["Dimming street lights"]);
    expect(await titles("?clause=B9")).toEqual(["An open data inventory"]);
    expect(await titles("?clause=B13")).toEqual(["An open data inventory"]);
    // B1 is a clause of its own, not the start of B13.
    expect(await titles("?clause=B1")).toEqual([]);
    expect(await titles("?theme=energy")).toEqual(["Dimming street lights"]);
    expect(await titles(`?city=${partner.city.slug}`)).toEqual(["An open data inventory"]);
    expect(await titles(`?city=${partner.city.slug}&theme=energy`)).toEqual([]);
  });

  it("is marked useful once per reader, adopted into a reader city's roadmap as a linked item, and its writer told", async () => {
    const { home, partner, space } = await setUp();
    const path = await writeLesson(
      await signedIn(home.members.editor),
      space,
      home.city.id,
      "Trial dimming first",
    );
    await fillIn(home.city.id, { need: "Save energy at night", clauses: ["B5", "C"] });

    const viewer = await signedIn(partner.members.viewer);
    const marked = await viewer.post(path, { intent: "useful" });
    expect(marked.status).toBe(200);
    expect(await pageText(await viewer.get(path))).toContain("1 person found it useful");
    await viewer.post(path, { intent: "useful" });
    expect(await pageText(await viewer.get(path))).toContain("0 people found it useful");

    // Adopting takes an editor of another taking-part city.
    expect((await viewer.post(path, { intent: "adopt", cityId: partner.city.id })).status).toBe(403);
    const homeEditor = await signedIn(home.members.editor);
    expect((await homeEditor.post(path, { intent: "adopt", cityId: home.city.id })).status).toBe(403);

    const partnerEditor = await signedIn(partner.members.editor);
    const adopted = await partnerEditor.post(path, { intent: "adopt", cityId: partner.city.id });
    expect(adopted.status).toBe(302);
    const location = adopted.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/c/${partner.city.slug}/roadmap\\?item=[0-9a-f-]{36}$`));
    const itemId = decodeURIComponent(location.split("item=")[1]!);

    const roadmap = await readRoadmap(database.handle.db, { cityId: partner.city.id });
    const item = roadmap.find((row) => row.id === itemId)!;
    expect(item.valid).toMatchObject({
      title: "Trial dimming first",
      phase: "PLAN",
      status: "proposed",
      clauses: ["B5", "C"],
    });
    expect(item.valid.description).toContain(`Adopted from ${home.city.name}'s lesson “Trial dimming first”`);
    expect(item.valid.description).toContain("The need it met there: Save energy at night");
    // The link back is a real link in the item's description.
    const { db } = database.handle;
    const { id: roadmapId } = await db
      .selectFrom("documents")
      .innerJoin("spaces", "spaces.id", "documents.space_id")
      .select("documents.id")
      .where("spaces.city_id", "=", partner.city.id)
      .where("documents.kind", "=", "roadmap")
      .executeTakeFirstOrThrow();
    const watcher = connectClient({
      baseUrl: env.workspace.url,
      documentId: roadmapId,
      cookie: await sessionCookie(
        env.workspace.url,
        partner.members.viewer.email,
        partner.members.viewer.password,
      ),
    });
    env.clients.push(watcher);
    await waitFor(() => watcher.session.state.status === "saved", 10_000, "sync");
    const description = richTextOf(watcher.doc, itemId, "description")!;
    const linked = (description.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(linked.toDelta()).toContainEqual({
      insert: `${home.city.name}'s lesson “Trial dimming first”`,
      attributes: { link: expect.objectContaining({ href: path }) },
    });

    // Once is enough for a city.
    expect((await partnerEditor.post(path, { intent: "adopt", cityId: partner.city.id })).status).toBe(409);
    const lessonPage = await pageText(await partnerEditor.get(path));
    expect(lessonPage).toContain("Adopted by");
    expect(lessonPage).not.toContain(`Adopt into ${partner.city.name}'s roadmap`);

    const told = await db
      .selectFrom("notifications")
      .select("user_id")
      .where("kind", "=", "lessonAdopted")
      .execute();
    expect(told.map((notification) => notification.user_id).sort()).toEqual(
      [home.members.editor.id, home.members.lead.id].sort(),
    );
  });

  it("carries a lesson's discussion live to the space, and takes a city's lessons away when it leaves", async () => {
    const { home, partner, space, partnerLead } = await setUp();
    const path = await writeLesson(partnerLead, space, partner.city.id, "Paying residents for their time");
    const homeLead = await signedIn(home.members.lead);
    const cookie = await sessionCookie(
      env.workspace.url,
      home.members.viewer.email,
      home.members.viewer.password,
    );
    const socket = connectRealtime(env.workspace.url, cookie);
    try {
      expect(await connection(socket)).toBe("connected");
      await new Promise((resolve) => socket.emit("space:join", space.slice(3), resolve));
      const heard: DiscussionPostEvent[] = [];
      socket.on("discussion:post", (event) => heard.push(event));
      const started = await homeLead.post(path, {
        intent: "startThread",
        title: "How much?",
        body: "What did you pay?",
      });
      expect(started.status).toBe(200);
      await waitFor(() => heard.length === 1, 5_000, "the post");
      expect(heard[0]!.post).toMatchObject({ body: "What did you pay?", cityName: home.city.name });
      const lessonPage = await pageText(await homeLead.get(path));
      expect(lessonPage).toContain("How much?");
      // The thread belongs to the lesson, not to the space's general discussion.
      expect(await pageText(await homeLead.get(space))).not.toContain("How much?");
    } finally {
      socket.disconnect();
    }

    await partnerLead.post(`${space}?index`, { intent: "leave", cityId: partner.city.id });
    expect((await partnerLead.get(path)).status).toBe(404);
    expect((await homeLead.get(path)).status).toBe(404);
    expect(await pageText(await homeLead.get(`${space}/lessons`))).not.toContain("Paying residents");
  });
});
