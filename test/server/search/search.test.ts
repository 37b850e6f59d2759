import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { saveDocumentText } from "../../../db/repositories/document-search";
import { findCitySpaceId, insertDocument } from "../../../db/repositories/documents";
import { createDocument } from "../../../server/documents/commands";
import { EDITOR_FRAGMENT } from "../../../shared/editor/fragment";
import { MATCH_END, MATCH_START } from "../../../shared/search";
import {
  connectClient,
  sessionCookie,
  startCollabWorkspace,
  waitFor,
  type TestCollabClient,
  useCollabWorkspace,
} from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";
import { pageText, TestClient } from "../../support/http";

const database = useTestDatabase();
const env = useCollabWorkspace(database, { searchTextIntervalMs: 100 });

type Member = { email: string; password: string };

async function signedIn(user: Member, base = env.workspace.url) {
  const client = new TestClient(base);
  await client.signIn(user.email, user.password);
  return client;
}

/** Types paragraphs the way the editor stores them: elements in the "default" XML fragment. */
function typeParagraphs(doc: Y.Doc, paragraphs: string[]): void {
  const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
  doc.transact(() => {
    for (const words of paragraphs) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(words)]);
      fragment.push([paragraph]);
    }
  });
}

async function connect(base: string, documentId: string, user: Member): Promise<TestCollabClient> {
  const client = connectClient({
    baseUrl: base,
    documentId,
    cookie: await sessionCookie(base, user.email, user.password),
  });
  env.clients.push(client);
  await waitFor(() => client.session.state.status === "saved", 10_000, "sync");
  return client;
}

async function searchPage(client: TestClient, slug: string, query: string): Promise<string> {
  const response = await client.get(`/c/${slug}/search?q=${encodeURIComponent(query)}`);
  expect(response.status).toBe(200);
  return pageText(response);
}

/** Polls the search page until it shows (or stops showing) a text. */
async function waitForSearch(
  client: TestClient,
  slug: string,
  query: string,
  expected: string,
  present = true,
) {
  const started = Date.now();
  for (;;) {
    const html = await searchPage(client, slug, query);
    if (html.includes(expected) === present) return html;
    if (Date.now() - started > 10_000)
      throw new Error(`search for "${query}" never ${present ? "showed" : "lost"} ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function setUp() {
  const { db } = database.handle;
  const home = await buildCityWithMembers(db);
  const other = await buildCityWithMembers(db);
  const newDocument = (cityId: string, title: string) =>
    createDocument(db, { cityId, createdBy: null, input: { kind: "page", title } });
  return { db, home, other, newDocument };
}

describe("searching a city's documents", () => {
  it("finds words typed through a collaboration client while it is still editing, highlighted", async () => {
    const { home, newDocument } = await setUp();
    const plan = await newDocument(home.city.id, "Transport plan");
    const writer = await connect(env.workspace.url, plan.id, home.members.editor);
    typeParagraphs(writer.doc, [
      "Protected cycle lanes will connect every school by 2030.",
      "Buses every ten minutes.",
    ]);
    await waitFor(() => writer.session.state.unacknowledged === 0, 10_000, "acks");

    const viewer = await signedIn(home.members.viewer);
    const html = await waitForSearch(viewer, home.city.slug, "cycling lane", "Transport plan");
    expect(html).toContain(`href="/c/${home.city.slug}/docs/${plan.id}"`);
    expect(html).toContain("<mark>cycle</mark><span> </span><mark>lanes</mark>");
    expect(html).toContain("1 document matches “cycling lane”");
    expect(html).not.toContain(MATCH_START);
    expect(html).not.toContain(MATCH_END);
    expect(writer.session.state.closed).toBeFalsy();
  });

  it("ranks the documents that are most about the words first, and highlights the title", async () => {
    const { db, home, newDocument } = await setUp();
    const passing = await newDocument(home.city.id, "Budget");
    const about = await newDocument(home.city.id, "Parking strategy");
    await saveDocumentText(db, {
      documentId: passing.id,
      plainText: "One line on parking among many other things.",
    });
    await saveDocumentText(db, {
      documentId: about.id,
      plainText: "Parking zones, parking charges and parking for disabled drivers.",
    });
    const lead = await signedIn(home.members.lead);
    const html = await searchPage(lead, home.city.slug, "parking");
    expect(html).toContain("2 documents match “parking”");
    expect(html.indexOf(about.id)).toBeGreaterThan(-1);
    expect(html.indexOf(about.id)).toBeLessThan(html.indexOf(passing.id));
    expect(html).toContain("<mark>Parking</mark><span> strategy</span>");
  });

  it("never shows another city's documents, and answers 404 to someone outside the city", async () => {
    const { db, home, other, newDocument } = await setUp();
    const ours = await newDocument(home.city.id, "Smart lighting");
    const theirs = await newDocument(other.city.id, "Smart lighting elsewhere");
    await saveDocumentText(db, { documentId: ours.id, plainText: "Streetlights dim after midnight." });
    await saveDocumentText(db, { documentId: theirs.id, plainText: "Streetlights dim after midnight too." });

    const homeLead = await signedIn(home.members.lead);
    const html = await searchPage(homeLead, home.city.slug, "streetlights");
    expect(html).toContain(ours.id);
    expect(html).not.toContain(theirs.id);
    expect(html).not.toContain("elsewhere");

    const outsider = await signedIn(other.members.lead);
    expect((await outsider.get(`/c/${home.city.slug}/search?q=streetlights`)).status).toBe(404);
    const theirHtml = await searchPage(outsider, other.city.slug, "streetlights");
    expect(theirHtml).toContain(theirs.id);
    expect(theirHtml).not.toContain(ours.id);

    expect((await new TestClient(env.workspace.url).get(`/c/${home.city.slug}/search?q=x`)).status).toBe(302);
  });

  it("follows a change of title", async () => {
    const { home, newDocument } = await setUp();
    const document = await newDocument(home.city.id, "Draft notes");
    const editor = await signedIn(home.members.editor);
    expect(await searchPage(editor, home.city.slug, "hydrogen")).toContain("No documents match “hydrogen”");

    const renamed = await editor.post(`/c/${home.city.slug}/docs/${document.id}`, {
      title: "Hydrogen buses",
    });
    expect(renamed.status).toBe(200);
    expect(await searchPage(editor, home.city.slug, "hydrogen")).toContain(document.id);
    expect(await searchPage(editor, home.city.slug, "draft")).not.toContain(document.id);
  });

  it("leaves boards out: they have pages of their own", async () => {
    const { db, home } = await setUp();
    const spaceId = (await findCitySpaceId(db, { cityId: home.city.id }))!;
    const roadmap = await insertDocument(db, { spaceId, kind: "roadmap", title: "Roadmap", createdBy: null });
    await saveDocumentText(db, { documentId: roadmap.id, plainText: "roadmap milestones" });
    const editor = await signedIn(home.members.editor);
    expect(await searchPage(editor, home.city.slug, "roadmap")).toContain("No documents match “roadmap”");
  });

  it("explains an empty search and an unmatched one, and shows the query as text", async () => {
    const { home } = await setUp();
    const viewer = await signedIn(home.members.viewer);
    expect(await searchPage(viewer, home.city.slug, "")).toContain(
      "Type words to find in the titles and text",
    );
    const html = await searchPage(viewer, home.city.slug, "<script>alert(1)</script>");
    expect(html).toContain("No documents match “&lt;script&gt;alert(1)&lt;/script&gt;”");
    expect(html).not.toContain("<script>alert(1)");
  });
});

describe("search text of a document that stops being edited", () => {
  it("is stored when the document unloads, even before the refresh interval", async () => {
    const { home, newDocument } = await setUp();
    const slow = await startCollabWorkspace(database.handle, {
      searchTextIntervalMs: 60_000,
      unloadDelayMs: 50,
    });
    try {
      const document = await newDocument(home.city.id, "Harbour");
      const writer = await connect(slow.url, document.id, home.members.editor);
      typeParagraphs(writer.doc, ["Tidal energy from the harbour wall."]);
      await waitFor(() => writer.session.state.unacknowledged === 0, 10_000, "acks");
      const viewer = await signedIn(home.members.viewer, slow.url);
      expect(await searchPage(viewer, home.city.slug, "tidal")).not.toContain(document.id);

      writer.destroy();
      await waitFor(() => slow.collab.hub.loadedCount === 0, 10_000, "unload");
      await waitForSearch(viewer, home.city.slug, "tidal", document.id);
    } finally {
      await slow.stop();
    }
  });
});

describe("the Ctrl+K palette's list", () => {
  it("holds the city's pages and current documents, and nothing of other cities", async () => {
    const { home, other, newDocument } = await setUp();
    const ours = await newDocument(home.city.id, "Air quality");
    await newDocument(other.city.id, "Not ours");
    const viewer = await signedIn(home.members.viewer);
    const response = await viewer.get(`/c/${home.city.slug}/destinations.json`);
    expect(response.status).toBe(200);
    const { destinations } = (await response.json()) as { destinations: { label: string; href: string }[] };
    const base = `/c/${home.city.slug}`;
    expect(destinations.slice(0, 7)).toEqual([
      { label: "Overview", href: base, category: "Page" },
      { label: "Documents", href: `${base}/docs`, category: "Page" },
      { label: "Roadmap", href: `${base}/roadmap`, category: "Page" },
      { label: "Procurement pipeline", href: `${base}/procurement`, category: "Page" },
      { label: "Framework tracker", href: `${base}/framework`, category: "Page" },
      { label: "Members", href: `${base}/members`, category: "Page" },
      { label: "Search", href: `${base}/search`, category: "Page" },
    ]);
    expect(destinations).toContainEqual({
      label: "Air quality",
      href: `${base}/docs/${ours.id}`,
      category: "Page",
    });
    expect(destinations).toContainEqual({
      label: "B4 Stakeholder collaboration",
      href: `${base}/framework/B4`,
      category: "Framework clause",
    });
    expect(destinations.map((destination) => destination.label)).not.toContain("Not ours");
    const outsider = await signedIn(other.members.viewer);
    expect((await outsider.get(`${base}/destinations.json`)).status).toBe(404);
  });
});
