import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { listDocumentsOfCity } from "../../../db/repositories/documents";
import { listVersions } from "../../../db/repositories/versions";
import { agreeWithPrinciples } from "../../../server/documents/agreements";
import { createStarterDocuments } from "../../../server/documents/commands";
import { PRINCIPLE_GROUPS } from "../../../shared/scf/principles";
import { connectClient, sessionCookie, useCollabWorkspace, waitFor } from "../../support/collab";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers, buildMembership, buildUser } from "../../support/factories";
import { pageText, TestClient } from "../../support/http";

const database = useTestDatabase();
// Long enough that an agreement made just after an edit comes before the automatic version.
const env = useCollabWorkspace(database, { versionAfterQuietMs: 3_000 });

/** A city made as the product makes one, with one member of each role and a second editor. */
async function setUp() {
  const { db } = database.handle;
  const { city, members } = await buildCityWithMembers(db);
  await createStarterDocuments(db, { cityId: city.id, createdBy: members.lead.id });
  const secondEditor = await buildUser(db, { name: `second editor of ${city.name}` });
  await buildMembership(db, { cityId: city.id, userId: secondEditor.id, role: "editor" });
  const documents = await listDocumentsOfCity(db, { cityId: city.id, archived: false });
  const principles = documents.find((document) => document.kind === "principles")!;
  const vision = documents.find((document) => document.kind === "vision")!;
  const people = { ...members, secondEditor };
  const http = async (who: keyof typeof people) => {
    const client = new TestClient(env.workspace.url);
    await client.signIn(people[who].email, people[who].password);
    return client;
  };
  const base = `/c/${city.slug}/docs/${principles.id}`;
  return { city, people, principles, vision, http, base };
}

/** The agreement section of the principles page, as one line of text. */
async function agreementText(client: TestClient, base: string): Promise<string> {
  const html = await pageText(await client.get(base));
  const section = /<section[^>]*id="agreement"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
  return section
    .replace(/<\/?(a|span)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

describe("guiding principles", () => {
  it("start from Annex A: a heading for each of the four principle groups, with its statements", async () => {
    const { http, base } = await setUp();
    expect(PRINCIPLE_GROUPS).toHaveLength(4);
    const markdown = await (await (await http("viewer")).get(`${base}/export.md`)).text();
    const headings = markdown.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual(PRINCIPLE_GROUPS.map((group) => `## ${group.title}`));
    for (const group of PRINCIPLE_GROUPS) {
      for (const statement of group.statements) expect(markdown).toContain(statement.text);
    }
    expect(markdown.indexOf("## ")).toBeGreaterThan(0);
  });

  it("records a lead's and an editor's agreement with a version anyone can open, and counts them", async () => {
    const { http, base } = await setUp();
    const lead = await http("lead");
    expect(await agreementText(lead, base)).toContain(
      "Agreed by 0 of 3 leads and editors so far. Agreeing saves the text as version 1.",
    );

    const agreed = await lead.post(`${base}/agreement`, {});
    expect(agreed.status).toBe(200);
    expect(await pageText(agreed)).toContain("You agreed with version 1.");
    expect(await agreementText(lead, base)).toContain("Agreed by 1 of 3 leads and editors as of version 1.");

    const editor = await http("editor");
    expect((await editor.post(`${base}/agreement`, {})).status).toBe(200);
    const text = await agreementText(editor, base);
    expect(text).toContain("Agreed by 2 of 3 leads and editors as of version 1.");
    const [agreed1, notYet1] = text.split("Not yet agreed with version 1");
    expect(agreed1).toMatch(/Agreed with version 1 .*lead of [^,]*, lead – agreed on/);
    expect(agreed1).toMatch(/ editor of [^,]*, editor – agreed on/);
    expect(notYet1).toMatch(/^ second editor of [^,]*, editor – has not agreed with any version/);

    const again = await editor.post(`${base}/agreement`, {});
    expect(again.status).toBe(409);
    expect(await pageText(again)).toContain("You have already agreed with version 1");

    const page = await pageText(await editor.get(base));
    expect(page).toMatch(/<button[^>]*disabled=""[^>]*>I agree with this version<\/button>/);
    expect(page).toContain("You agreed with version 1 on");

    const versionPath = /href="([^"]*\/versions\/[^"]+)">version 1</.exec(page)?.[1];
    expect(versionPath).toBeDefined();
    const version = await pageText(await editor.get(versionPath!));
    expect(version).toContain(PRINCIPLE_GROUPS[0]!.title);
  });

  it("refuses viewers and commenters, on the page and on the server", async () => {
    const { city, people, http, base } = await setUp();
    for (const who of ["viewer", "commenter"] as const) {
      const client = await http(who);
      const page = await agreementText(client, base);
      expect(page).toContain("Agreed by 0 of 3 leads and editors");
      expect(page).not.toContain("I agree with this version");
      expect((await client.post(`${base}/agreement`, {})).status).toBe(403);
    }
    await expect(
      agreeWithPrinciples({
        db: database.handle.db,
        actor: { userId: people.commenter.id, roles: new Map([[city.id, "commenter"]]) },
        cityId: city.id,
        documentId: base.split("/").at(-1)!,
        userId: people.commenter.id,
      }),
    ).rejects.toMatchObject({
      status: 403,
      message: "Only leads and editors can agree with the guiding principles",
    });
    expect(await agreementText(await http("lead"), base)).toContain(
      "Agreed by 0 of 3 leads and editors so far.",
    );
  });

  it("is only for the guiding principles, and not for an archived copy of them", async () => {
    const { city, vision, http, base } = await setUp();
    const lead = await http("lead");
    const other = await lead.post(`/c/${city.slug}/docs/${vision.id}/agreement`, {});
    expect(other.status).toBe(404);
    expect(await pageText(await lead.get(`/c/${city.slug}/docs/${vision.id}`))).not.toContain(
      "I agree with this version",
    );

    expect(
      (await lead.post(`/c/${city.slug}/docs`, { intent: "archive", documentId: base.split("/").at(-1)! }))
        .status,
    ).toBeLessThan(400);
    const archived = await lead.post(`${base}/agreement`, {});
    expect(archived.status).toBe(409);
    expect(await pageText(archived)).toContain(
      "This document is archived: restore it before agreeing with it",
    );
  });

  it("after the text changes, shows who has not agreed with the new version and keeps earlier agreements", async () => {
    const { people, principles, http, base } = await setUp();
    const lead = await http("lead");
    const editor = await http("editor");
    expect((await lead.post(`${base}/agreement`, {})).status).toBe(200);
    expect((await editor.post(`${base}/agreement`, {})).status).toBe(200);

    const client = connectClient({
      baseUrl: env.workspace.url,
      documentId: principles.id,
      cookie: await sessionCookie(env.workspace.url, people.secondEditor.email, people.secondEditor.password),
    });
    env.clients.push(client);
    await waitFor(() => client.session.state.status === "saved");
    const fragment = client.doc.getXmlFragment("default");
    // An empty paragraph at the end, as the editor keeps one there, is no change to the text.
    client.doc.transact(() => fragment.insert(fragment.length, [new Y.XmlElement("paragraph")]));
    await waitFor(() => client.session.state.unacknowledged === 0);
    expect(await agreementText(lead, base)).toContain("Agreed by 2 of 3 leads and editors as of version 1.");

    client.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("We publish every decision within a week.")]);
      fragment.insert(fragment.length, [paragraph]);
    });
    await waitFor(() => client.session.state.unacknowledged === 0);

    const changed = await agreementText(lead, base);
    expect(changed).toContain(
      "Agreed by 0 of 3 leads and editors as it reads now. The text has changed since version 1; agreeing saves it as version 2.",
    );
    expect(changed).toMatch(/ lead of [^,]*, lead – agreed with version 1 on/);

    const second = await (await http("secondEditor")).post(`${base}/agreement`, {});
    expect(await pageText(second)).toContain("You agreed with version 2.");
    const after = await agreementText(lead, base);
    expect(after).toContain("Agreed by 1 of 3 leads and editors as of version 2.");
    const [agreed2, notYet2] = after.split("Not yet agreed with version 2");
    expect(agreed2).toMatch(/Agreed with version 2 second editor of [^,]*, editor – agreed on [^–]*$/);
    expect(notYet2).toMatch(/ lead of [^,]*, lead – agreed with version 1 on/);
    expect(notYet2).toMatch(/ editor of [^,]*, editor – agreed with version 1 on/);

    // The collaboration server's own version after the edit reads the same, so it changes nothing.
    let versions = await listVersions(database.handle.db, { documentId: principles.id });
    const started = Date.now();
    while (versions.length < 3 && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      versions = await listVersions(database.handle.db, { documentId: principles.id });
    }
    expect(versions).toHaveLength(3);
    expect(await agreementText(lead, base)).toContain("Agreed by 1 of 3 leads and editors as of version 2.");
    const leadAgain = await lead.post(`${base}/agreement`, {});
    expect(await pageText(leadAgain)).toContain("You agreed with version 2.");
    expect(await agreementText(lead, base)).toContain("Agreed by 2 of 3 leads and editors as of version 2.");
  });
});
