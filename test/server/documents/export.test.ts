import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendUpdates, saveSnapshot } from "../../../db/repositories/doc-updates";
import { createDocument } from "../../../server/documents/commands";
import { documentSchema } from "../../../server/documents/content";
import type { RunningWorkspace } from "../../../server/workspace";
import { EDITOR_FRAGMENT } from "../../../shared/editor/fragment";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers } from "../../support/factories";
import { startTestWorkspace, TestClient } from "../../support/http";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

type MarkSpec = { type: string; attrs?: Record<string, unknown> };
const text = (value: string, ...marks: MarkSpec[]): JSONContent => ({
  type: "text",
  text: value,
  ...(marks.length > 0 ? { marks } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const link = (href: string): MarkSpec => ({ type: "link", attrs: { href } });

const HOSTILE_LINKS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(2)",
  " javascript:alert(3)",
  "java\tscript:alert(4)",
  "&#106;avascript:alert(5)",
  "&#x6A;avascript:alert(6)",
  "javascript&colon;alert(7)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==",
  "vbscript:msgbox(9)",
  "//evil.example/10",
];

/**
 * Stores content the way a client's edits end up stored: Yjs state of the editor's fragment as a
 * snapshot, then a later paragraph as an update row after it. A raw Yjs client can store anything,
 * so nothing the editor itself would refuse is kept out.
 */
async function storeContent(documentId: string, content: JSONContent[], later: string): Promise<void> {
  const { db } = database.handle;
  const ydoc = prosemirrorJSONToYDoc(documentSchema, { type: "doc", content }, EDITOR_FRAGMENT);
  await saveSnapshot(db, {
    documentId,
    state: Y.encodeStateAsUpdate(ydoc),
    stateVector: Y.encodeStateVector(ydoc),
    folded: 1,
  });
  const before = Y.encodeStateVector(ydoc);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(later)]);
  ydoc.getXmlFragment(EDITOR_FRAGMENT).push([paragraph]);
  await appendUpdates(db, { updates: [{ documentId, update: Y.encodeStateAsUpdate(ydoc, before) }] });
}

async function setUp(title = "Transport plan") {
  const { db } = database.handle;
  const home = await buildCityWithMembers(db);
  const other = await buildCityWithMembers(db);
  const document = await createDocument(db, {
    cityId: home.city.id,
    createdBy: null,
    input: { kind: "page", title },
  });
  const signedIn = async (user: { email: string; password: string }) => {
    const client = new TestClient(workspace.url);
    await client.signIn(user.email, user.password);
    return client;
  };
  const base = `/c/${home.city.slug}/docs/${document.id}`;
  return { home, other, document, signedIn, base };
}

describe("exporting a document", () => {
  it("downloads Markdown built from the stored Yjs state", async () => {
    const { home, document, signedIn, base } = await setUp();
    await storeContent(
      document.id,
      [
        { type: "heading", attrs: { level: 2 }, content: [text("Cycling")] },
        paragraph(
          text("Protected "),
          text("cycle lanes", { type: "bold" }),
          text(" by "),
          text("2030", link("https://example.org/2030")),
        ),
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("Schools first"))] }] },
      ],
      "Agreed on Monday.",
    );
    const viewer = await signedIn(home.members.viewer);
    const response = await viewer.get(`${base}/export.md`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="transport-plan.md"; filename*=UTF-8''Transport%20plan.md`,
    );
    expect(await response.text()).toBe(
      "# Transport plan\n\n## Cycling\n\nProtected **cycle lanes** by [2030](https://example.org/2030)\n\n- Schools first\n\nAgreed on Monday.\n",
    );
  });

  it("downloads sanitized HTML: only http, https and mailto links, however encoded, and never a script", async () => {
    const { home, document, signedIn, base } = await setUp();
    await storeContent(
      document.id,
      [
        paragraph(
          text("Safe", link("https://example.org/safe")),
          text(" and "),
          text("mail", link("mailto:team@example.org")),
          ...HOSTILE_LINKS.flatMap((href, index) => [text(" "), text(`hostile${index}`, link(href))]),
        ),
        paragraph(text("<script>alert('text')</script><img src=x onerror=alert(1)>")),
        {
          type: "taskList",
          content: [{ type: "taskItem", attrs: { checked: true }, content: [paragraph(text("Consulted"))] }],
        },
      ],
      "The end.",
    );
    const viewer = await signedIn(home.members.viewer);
    const response = await viewer.get(`${base}/export.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="transport-plan\.html";/,
    );
    const html = await response.text();

    expect(html).toContain("<title>Transport plan</title>");
    expect(html).toContain('<a href="https://example.org/safe" rel="noopener noreferrer nofollow">Safe</a>');
    expect(html).toContain('<a href="mailto:team@example.org" rel="noopener noreferrer nofollow">mail</a>');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(["https://example.org/safe", "mailto:team@example.org"]);
    for (let index = 0; index < HOSTILE_LINKS.length; index++) {
      expect(html).toContain(`<span>hostile${index}</span>`);
    }
    expect(html).not.toMatch(/<script|javascript|vbscript|data:text/i);
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /\son\w+=|style=/i.test(tag))).toEqual([]);
    expect(html).toContain(
      "<p>&lt;script&gt;alert('text')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>",
    );
    expect(html).toContain('<input type="checkbox" disabled checked />');
  });

  it("escapes the title and offers a print view without the workspace around it", async () => {
    const { home, document, signedIn, base } = await setUp("<script>alert(1)</script> plan");
    await storeContent(document.id, [paragraph(text("Printable words."))], "More.");
    const viewer = await signedIn(home.members.viewer);
    const exported = await (await viewer.get(`${base}/export.html`)).text();
    expect(exported).toContain("<h1>&lt;script&gt;alert(1)&lt;/script&gt; plan</h1>");
    expect(exported).not.toContain("<script");

    const print = await viewer.get(`${base}/print`);
    expect(print.status).toBe(200);
    expect(print.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(print.headers.get("content-disposition")).toBeNull();
    const page = await print.text();
    expect(page).toContain("<p>Printable words.</p>");
    expect(page).toMatch(/<link rel="stylesheet" href="\/build\/_assets\/print-\w+\.css">/);
    expect(page).toContain(`<a href="${base}">Back to the document</a>`);
    expect(page).not.toContain("city-nav");
  });

  it("answers 404 across cities and for unknown documents", async () => {
    const { home, other, document, signedIn, base } = await setUp();
    const outsider = await signedIn(other.members.lead);
    for (const path of ["export.md", "export.html", "print"]) {
      expect((await outsider.get(`${base}/${path}`)).status).toBe(404);
      expect((await outsider.get(`/c/${other.city.slug}/docs/${document.id}/${path}`)).status).toBe(404);
    }
    const member = await signedIn(home.members.viewer);
    expect((await member.get(`/c/${home.city.slug}/docs/not-a-uuid/export.md`)).status).toBe(404);
    expect((await member.get(`/c/${home.city.slug}/docs/${crypto.randomUUID()}/export.html`)).status).toBe(
      404,
    );
    expect((await new TestClient(workspace.url).get(`${base}/export.md`)).status).toBe(302);
  });

  it("exports an empty document as its title alone", async () => {
    const { home, signedIn, base } = await setUp("Empty");
    const viewer = await signedIn(home.members.viewer);
    expect(await (await viewer.get(`${base}/export.md`)).text()).toBe("# Empty\n");
  });
});
