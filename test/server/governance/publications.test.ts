import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { findCityBoard } from "../../../server/boards/commands";
import { compareSections } from "../../../server/governance/changes";
import {
  findPublication,
  findPublicationHistory,
  findPublicPage,
  publishCityPage,
  publishingStatus,
} from "../../../server/governance/publications";
import { DECISIONS, LEADERSHIP } from "../../../shared/boards/governance";
import { checkRow } from "../../../shared/boards/model";
import { useTestDatabase } from "../../support/database";
import { addRows, buildCityWithGovernance, buildPage, paragraphs, setCells, writeStarter } from "./support";

const database = useTestDatabase();

const ALL = ["vision", "principles", "leadership", "roadmap", "pipeline"];

describe("the governance registers", () => {
  it("gives a new city one leadership team and one decisions log, and no second of either", async () => {
    const { db } = database.handle;
    const { city } = await buildCityWithGovernance(db);
    const leadership = await findCityBoard(db, { cityId: city.id, kind: "leadership" });
    const decisions = await findCityBoard(db, { cityId: city.id, kind: "decisions" });
    expect(leadership.id).not.toBe(decisions.id);
    for (const kind of ["leadership", "decisions"]) {
      await expect(
        sql`insert into documents (space_id, kind, title)
            select space_id, ${kind}, 'Another' from documents where id = ${leadership.id}`.execute(db),
      ).rejects.toThrow();
    }
  });

  it("accepts only http and https links in the decisions log, however they are written", () => {
    const linkError = (link: string) =>
      checkRow(DECISIONS, { decision: "Adopt the roadmap", link }).errors.link;
    expect(linkError("https://democracy.example/minutes/12")).toBeUndefined();
    expect(linkError("http://democracy.example/minutes/12")).toBeUndefined();
    expect(linkError("")).toBeUndefined();
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "mailto:clerk@example.org",
      "//evil.example/x",
      "https://",
      "https://ex ample.org",
    ]) {
      expect(linkError(bad), bad).toBe("Enter a web address starting with https:// or http://");
    }
  });

  it("takes an email address, web address or phone number as a leader's contact, and nothing else", () => {
    const contactError = (contact: string) =>
      checkRow(LEADERSHIP, { name: "Ann Lee", contact }).errors.contact;
    expect(contactError("ann@city.example")).toBeUndefined();
    expect(contactError("https://city.example/ann")).toBeUndefined();
    expect(contactError("+44 1632 960000")).toBeUndefined();
    expect(contactError("javascript:alert(1)")).toBeDefined();
    expect(contactError("<img src=x onerror=alert(1)>")).toBeDefined();
    expect(checkRow(LEADERSHIP, { name: "Ann Lee" }).valid).toMatchObject({
      public: false,
      board: "strategic",
    });
  });
});

describe("publishing a city's public page", () => {
  async function cityReadyToPublish() {
    const { db } = database.handle;
    const built = await buildCityWithGovernance(db);
    const cityId = built.city.id;
    await writeStarter(db, cityId, "vision", paragraphs("A greener, fairer Rivermouth by 2035."));
    const [publicLeader, privateLeader] = await addRows(db, cityId, "leadership", [
      {
        name: "Ann Lee",
        role: "Programme director",
        organisation: "Rivermouth Council",
        board: "strategic",
        contact: "ann@rivermouth.example",
        public: true,
      },
      { name: "Private Person", role: "Adviser", contact: "+44 1632 960001", public: false },
    ]);
    const [shownItem, hiddenItem] = await addRows(db, cityId, "roadmap", [
      { title: "Open data portal", phase: "DELIVER", status: "in-progress", public: true },
      { title: "Confidential depot move", phase: "PLAN", status: "done" },
    ]);
    return { ...built, publicLeader: publicLeader!, privateLeader: privateLeader!, shownItem, hiddenItem };
  }

  it("publishes only the people and roadmap items marked public, with progress counted over every item", async () => {
    const { db } = database.handle;
    const { city, members } = await cityReadyToPublish();
    const result = await publishCityPage(db, { cityId: city.id, userId: members.lead.id, sections: ALL });
    expect(result.publication).toMatchObject({ number: 1, publisherName: members.lead.name });
    expect(result.publication!.republished).toEqual(ALL);

    const page = await findPublicPage(db, { slug: city.slug });
    const { sections } = page!.publication;
    expect(sections.leadership!.people).toEqual([
      {
        name: "Ann Lee",
        role: "Programme director",
        organisation: "Rivermouth Council",
        board: "strategic",
        responsibility: "",
        contact: "ann@rivermouth.example",
      },
    ]);
    expect(JSON.stringify(sections)).not.toContain("Private Person");
    expect(JSON.stringify(sections)).not.toContain("Confidential depot move");
    expect(sections.roadmap!.items.map((item) => [item.title, item.status])).toEqual([
      ["Open data portal", "in-progress"],
    ]);
    expect(sections.roadmap!.overall).toEqual({ done: 1, total: 2 });
    expect(sections.roadmap!.phases.find((phase) => phase.phase === "PLAN")).toMatchObject({
      done: 1,
      total: 1,
    });
    expect(sections.vision!.html).toBe("<p>A greener, fairer Rivermouth by 2035.</p>");
    expect(sections.pipeline).toEqual({ opportunities: 0, lastPublishedAt: null });
  });

  it("keeps showing the published version while the documents change, until a lead publishes again", async () => {
    const { db } = database.handle;
    const { city, members, privateLeader } = await cityReadyToPublish();
    await publishCityPage(db, { cityId: city.id, userId: members.lead.id, sections: ALL });

    await writeStarter(db, city.id, "vision", paragraphs("A draft nobody has agreed yet."));
    await setCells(db, city.id, "leadership", privateLeader, { public: true });

    const before = await findPublicPage(db, { slug: city.slug });
    expect(before!.publication.number).toBe(1);
    expect(before!.publication.sections.vision!.text).toBe("A greener, fairer Rivermouth by 2035.");
    expect(JSON.stringify(before!.publication.sections)).not.toContain("draft nobody");
    expect(JSON.stringify(before!.publication.sections)).not.toContain("Private Person");

    const status = await publishingStatus(db, { cityId: city.id });
    expect(Object.fromEntries(status.sections.map((section) => [section.key, section.state]))).toEqual({
      update: "unpublished",
      vision: "changed",
      principles: "published",
      leadership: "changed",
      roadmap: "published",
      pipeline: "published",
    });

    const second = await publishCityPage(db, {
      cityId: city.id,
      userId: members.lead.id,
      sections: ["vision"],
    });
    expect(second.publication).toMatchObject({ number: 2, republished: ["vision"] });
    const after = await findPublicPage(db, { slug: city.slug });
    expect(after!.publication.sections.vision!.text).toBe("A draft nobody has agreed yet.");
    // The leadership team was not published again: it reads as first published.
    expect(after!.publication.sections.leadership).toEqual(before!.publication.sections.leadership);

    const first = await findPublication(db, { cityId: city.id, number: 1 });
    expect(first!.sections.vision!.text).toBe("A greener, fairer Rivermouth by 2035.");
    const changes = compareSections(first!.sections, after!.publication.sections);
    const vision = changes.find((change) => change.key === "vision")!;
    expect(vision.status).toBe("changed");
    expect(
      vision
        .words!.filter((word) => word.kind === "removed")
        .map((word) => word.text)
        .join(""),
    ).toContain("greener");
    expect(
      vision
        .words!.filter((word) => word.kind === "added")
        .map((word) => word.text)
        .join(""),
    ).toContain("draft");
    expect(changes.find((change) => change.key === "leadership")!.status).toBe("unchanged");
  });

  it("stores nothing when the chosen sections read as last published, and numbers publications in order", async () => {
    const { db } = database.handle;
    const { city, members, privateLeader } = await cityReadyToPublish();
    await publishCityPage(db, { cityId: city.id, userId: members.lead.id, sections: ALL });
    const again = await publishCityPage(db, { cityId: city.id, userId: members.lead.id, sections: ALL });
    expect(again.publication).toBeNull();

    await setCells(db, city.id, "leadership", privateLeader, { public: true });
    const next = await publishCityPage(db, {
      cityId: city.id,
      userId: members.editor.id,
      sections: ["leadership"],
    });
    expect(next.publication).toMatchObject({ number: 2, publisherName: members.editor.name });
    const history = await findPublicationHistory(db, { slug: city.slug });
    expect(history!.publications.map((publication) => [publication.number, publication.republished])).toEqual(
      [
        [2, ["leadership"]],
        [1, ALL],
      ],
    );
    const changes = compareSections(
      (await findPublication(db, { cityId: city.id, number: 1 }))!.sections,
      (await findPublication(db, { cityId: city.id, number: 2 }))!.sections,
    );
    expect(changes.find((change) => change.key === "leadership")).toMatchObject({
      status: "changed",
      added: ["Private Person · Adviser · Strategic board · contact +44 1632 960001"],
      removed: [],
    });
  });

  it("publishes a progress update from one of the city's pages, and asks for the page when none is chosen", async () => {
    const { db } = database.handle;
    const { city, members } = await cityReadyToPublish();
    await expect(
      publishCityPage(db, { cityId: city.id, userId: members.lead.id, sections: [] }),
    ).rejects.toMatchObject({
      status: 400,
      fields: { sections: "Choose at least one part of the page to publish" },
    });
    await expect(
      publishCityPage(db, { cityId: city.id, userId: members.lead.id, sections: ["update"] }),
    ).rejects.toMatchObject({
      status: 400,
      fields: { update: "Choose the page that holds the progress update" },
    });

    const other = await buildCityWithGovernance(db);
    const elsewhere = await buildPage(db, other.city.id, "Their update", paragraphs("Not ours"));
    await expect(
      publishCityPage(db, {
        cityId: city.id,
        userId: members.lead.id,
        sections: ["update"],
        updateDocumentId: elsewhere,
      }),
    ).rejects.toMatchObject({ status: 400, fields: { update: "That page is not one of the city's pages" } });

    const page = await buildPage(
      db,
      city.id,
      "Autumn update",
      paragraphs("Twelve junctions now have bus priority."),
    );
    const result = await publishCityPage(db, {
      cityId: city.id,
      userId: members.lead.id,
      sections: ["update"],
      updateDocumentId: page,
    });
    expect(result.publication!.sections.update).toEqual({
      title: "Autumn update",
      html: "<p>Twelve junctions now have bus priority.</p>",
      text: "Twelve junctions now have bus priority.",
    });
    expect(result.publication!.sections.vision).toBeUndefined();
  });

  it("publishes rich text without scripts, event attributes or links other than http, https and mailto, headings below the page's own", async () => {
    const { db } = database.handle;
    const { city, members } = await cityReadyToPublish();
    const link = (href: string, text: string) => ({
      type: "text",
      text,
      marks: [{ type: "link", attrs: { href } }],
    });
    await writeStarter(db, city.id, "vision", {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Our aim" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: '<script>alert("x")</script><img src=x onerror=alert(1)>' },
            link("javascript:alert(1)", "one"),
            link(" JaVaScRiPt:alert(2)", "two"),
            link("data:text/html;base64,PHNjcmlwdD4=", "three"),
            link("java\nscript:alert(3)", "four"),
            link("https://city.example/plan", "plan"),
            link("mailto:team@city.example", "mail"),
          ],
        },
      ],
    });
    const result = await publishCityPage(db, {
      cityId: city.id,
      userId: members.lead.id,
      sections: ["vision"],
    });
    const html = result.publication!.sections.vision!.html;
    expect(html).not.toMatch(/<script|<img|javascript:|data:/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual([
      "https://city.example/plan",
      "mailto:team@city.example",
    ]);
    expect(html).toContain("&lt;script&gt;");
    // Below the page's own headings, so the public page keeps one outline.
    expect(html).toContain("<h3>Our aim</h3>");
    expect(html).toContain('<a href="https://city.example/plan" rel="noopener noreferrer nofollow">plan</a>');
    expect(html).toContain('<a href="mailto:team@city.example" rel="noopener noreferrer nofollow">mail</a>');
    expect(html).toContain("<span>one</span>");
  });
});
