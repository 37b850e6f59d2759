import { describe, expect, it } from "vitest";
import { listBoardRows } from "../../../db/repositories/board-rows";
import { readBoard } from "../../../shared/boards/model";
import { ROADMAP } from "../../../shared/boards/roadmap";
import { connectClient, sessionCookie, useCollabWorkspace, waitFor } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { pageText, TestClient } from "../../support/http";
import { buildCityWithRoadmap, buildRoadmapDoc, storeBoard } from "./support";

const database = useTestDatabase();
const env = useCollabWorkspace(database, { projectionDelayMs: 50 });

type Member = { email: string; password: string };

async function signedIn(user: Member) {
  const client = new TestClient(env.workspace.url);
  await client.signIn(user.email, user.password);
  return client;
}

/** Posts a file as the import form does, without JavaScript. */
function upload(client: TestClient, path: string, file: Blob | null, name = "roadmap.csv") {
  const form = new FormData();
  if (file) form.append("file", file, name);
  else form.append("file", new Blob([]), "");
  return client.request(path, {
    method: "POST",
    body: form,
    headers: { Origin: client.origin, "Sec-Fetch-Site": "same-origin" },
  });
}

const csvFile = (lines: string[]) => new Blob([lines.join("\r\n")], { type: "text/csv" });

async function setUp() {
  const home = await buildCityWithRoadmap(database.handle.db);
  const base = `/c/${home.city.slug}/roadmap`;
  return { ...home, base };
}

describe("roadmap export, print and import pages", () => {
  it("lets a viewer export and print the roadmap, and only editors and leads import", async () => {
    const { city, members, base } = await setUp();
    const viewer = await signedIn(members.viewer);

    const exported = await viewer.get(`${base}/export.csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toBe(
      `attachment; filename="${city.slug}-roadmap.csv"`,
    );
    expect(await exported.text()).toContain("ID,Title,Description,Phase,Status,Owner");

    const printed = await viewer.get(`${base}/print`);
    expect(printed.status).toBe(200);
    expect(await pageText(printed)).toContain(`Roadmap · ${city.name}`);

    expect((await viewer.get(`${base}/import`)).status).toBe(403);
    expect((await upload(viewer, `${base}/import`, csvFile(["Title", "Depot"]))).status).toBe(403);
    const commenter = await signedIn(members.commenter);
    expect((await upload(commenter, `${base}/import`, csvFile(["Title", "Depot"]))).status).toBe(403);

    const editor = await signedIn(members.editor);
    const page = await editor.get(`${base}/import`);
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).toContain("Import roadmap items");
    // HTML attribute names are case-insensitive; React writes this one as encType.
    expect(html).toMatch(/enctype="multipart\/form-data"/i);
  });

  it("answers 404 to a member of another city", async () => {
    const { base } = await setUp();
    const other = await setUp();
    const outsider = await signedIn(other.members.lead);
    for (const path of [`${base}/export.csv`, `${base}/print`, `${base}/import`]) {
      expect((await outsider.get(path)).status).toBe(404);
    }
    expect((await upload(outsider, `${base}/import`, csvFile(["Title", "Depot"]))).status).toBe(404);
  });

  it("imports the valid rows as a change every live client sees, and reports the others", async () => {
    const { members, roadmapId, base } = await setUp();
    const watcher = connectClient({
      baseUrl: env.workspace.url,
      documentId: roadmapId,
      cookie: await sessionCookie(env.workspace.url, members.viewer.email, members.viewer.password),
    });
    env.clients.push(watcher);
    await waitFor(() => watcher.session.state.status === "saved", 10_000, "the viewer to sync");

    const lead = await signedIn(members.lead);
    const response = await upload(
      lead,
      `${base}/import`,
      csvFile([
        "ID,Title,Phase,Owner,Start,End,Depends on",
        `1,Open data portal,Deliver,${members.editor.email},2026-01-05,2026-06-30,`,
        "2,Data skills for staff,Plan,Northgate College,,,1",
        "3,Hydrogen buses,Someday,,2026-09-01,2026-03-01,",
      ]),
    );
    expect(response.status).toBe(200);
    const report = await pageText(response);
    expect(report).toContain("Imported 2 items.");
    expect(report).toContain("1 row could not be imported:");
    expect(report).toMatch(/<td[^>]*>4<\/td><td[^>]*>Phase<\/td><td[^>]*>“Someday” is not a phase/);
    expect(report).toMatch(/<td[^>]*>4<\/td><td[^>]*>End<\/td><td[^>]*>The end comes before the start/);

    await waitFor(() => readBoard(watcher.doc, ROADMAP).length === 2, 5_000, "the import to arrive live");
    const [portal, skills] = readBoard(watcher.doc, ROADMAP);
    expect(portal!.valid).toMatchObject({
      title: "Open data portal",
      phase: "DELIVER",
      owner: { type: "member", userId: members.editor.id },
    });
    expect(skills!.valid).toMatchObject({
      owner: { type: "partner", name: "Northgate College" },
      dependsOn: [portal!.id],
    });

    await expect
      .poll(async () => (await listBoardRows(database.handle.db, { documentId: roadmapId })).length)
      .toBe(2);
  });

  it("shows why a file cannot be imported next to the file field", async () => {
    const { members, base } = await setUp();
    const editor = await signedIn(members.editor);

    const none = await upload(editor, `${base}/import`, null);
    expect(none.status).toBe(400);
    expect(await pageText(none)).toMatch(/id="file-error"[^>]*>.*Choose a CSV file to import/s);

    const large = await upload(editor, `${base}/import`, new Blob(["Title\n", "x".repeat(2 * 1024 * 1024)]));
    expect(large.status).toBe(400);
    expect(await pageText(large)).toContain("The file is larger than 2 MB");

    const untitled = await upload(editor, `${base}/import`, csvFile(["Name", "Depot"]));
    expect(untitled.status).toBe(400);
    expect(await pageText(untitled)).toContain("The file has no Title column");
  });

  it("prints the roadmap by phase with its progress, quick wins first, everything escaped", async () => {
    const { city, members, roadmapId, base } = await setUp();
    const { ydoc } = buildRoadmapDoc([
      { title: "Depot electrification", phase: "DELIVER", status: "done" },
      { title: "<script>alert(1)</script>", phase: "DELIVER", status: "planned", quickWin: true },
      { title: "Vision workshops", phase: "PLAN", status: "done", owner: { type: "partner", name: "A & B" } },
    ]);
    await storeBoard(database.handle.db, roadmapId, ydoc);

    const page = await pageText(await (await signedIn(members.viewer)).get(`${base}/print`));
    expect(page).not.toContain("<script>alert");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("A &amp; B");
    expect(page).toContain("Overall: 2 of 3 done (67%)");
    const deliver = page.slice(page.indexOf("<h2>Deliver</h2>"));
    expect(deliver).toContain("1 of 2 done (50%)");
    expect(deliver.indexOf("&lt;script&gt;")).toBeLessThan(deliver.indexOf("Depot electrification"));
    expect(page.indexOf("<h2>Plan</h2>")).toBeLessThan(page.indexOf("<h2>Deliver</h2>"));
    expect(page).toContain(`href="/c/${city.slug}/roadmap"`);
  });

  it("keeps the roadmap out of the documents list and the document editor", async () => {
    const { city, members, roadmapId } = await setUp();
    const lead = await signedIn(members.lead);
    expect((await lead.get(`/c/${city.slug}/docs/${roadmapId}`)).status).toBe(404);
    expect((await lead.get(`/c/${city.slug}/docs/${roadmapId}/print`)).status).toBe(404);
    const list = await pageText(await lead.get(`/c/${city.slug}/docs`));
    expect(list).toContain("Vision");
    expect(list).not.toContain(roadmapId);
  });
});
