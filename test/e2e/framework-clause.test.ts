import type { Editor } from "@tiptap/core";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type * as Y from "yjs";
import { findCityBySlug } from "../../db/repositories/cities";
import { findCityBoard } from "../../server/boards/commands";
import { openTracker, readTrackerEntries, roadmapItemsForClause } from "../../server/scf/tracker";
import { richTextOf, setCell } from "../../shared/boards/model";
import { writePlainText } from "../../shared/editor/plain-text";
import {
  accessibleDescription,
  expectHeading,
  screenshot,
  signIn,
  useBrowserWorkspace,
} from "./support/harness";

const app = useBrowserWorkspace();

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };

async function aldermoor() {
  const city = await findCityBySlug(app.workspace.services.db, { slug: "aldermoor" });
  if (!city) throw new Error("No Aldermoor in the demo data");
  return city;
}

/** A tracker row's notes are rich text: its paragraphs are replaced by these lines. */
function replaceNotes(doc: Y.Doc, rowId: string, text: string): void {
  const notes = richTextOf(doc, rowId, "notes");
  if (!notes) throw new Error(`The tracker has no row ${rowId}`);
  notes.delete(0, notes.length);
  writePlainText(notes, text);
}

/** Changes tracker rows on the server, as another client would, once the tracker has every row. */
async function setTracker(values: Record<string, Record<string, unknown>>): Promise<void> {
  const { db, collabHub } = app.workspace.services;
  if (!collabHub) throw new Error("No collaboration hub");
  const city = await aldermoor();
  await openTracker(db, { cityId: city.id, hub: collabHub });
  const tracker = await findCityBoard(db, { cityId: city.id, kind: "framework" });
  await collabHub.change(tracker.id, null, (doc) => {
    for (const [rowId, fields] of Object.entries(values)) {
      for (const [key, value] of Object.entries(fields)) {
        if (key === "notes") replaceNotes(doc, rowId, String(value));
        else setCell(doc, rowId, key, value);
      }
    }
  });
}

async function storedStatus(recommendationId: string): Promise<string | undefined> {
  const entries = await readTrackerEntries(app.workspace.services.db, { cityId: (await aldermoor()).id });
  return entries.get(recommendationId)?.status;
}

async function openClause(page: Page, email: string, clauseId = "B4"): Promise<void> {
  await signIn(page, email);
  await page.goto(`/c/aldermoor/framework/${clauseId}`);
  await page.getByTestId(`recommendation-${clauseId}a`).locator(".clause-rec__tracker").waitFor();
}

function recommendation(page: Page, id: string): Locator {
  return page.getByTestId(`recommendation-${id}`);
}

/** The notes as written, without the name labels of other people's carets. */
function notesText(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  });
}

describe("a clause's workbook page", () => {
  test("shows the clause in our words, its recommendations with the city's progress, and what links to it", async () => {
    const { db } = app.workspace.services;
    const city = await aldermoor();
    const amaraId = (
      await db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "amara@aldermoor.example")
        .executeTakeFirstOrThrow()
    ).id;
    const vision = await db
      .selectFrom("documents")
      .innerJoin("spaces", "spaces.id", "documents.space_id")
      .select(["documents.id", "documents.title"])
      .where("spaces.city_id", "=", city.id)
      .where("documents.kind", "=", "vision")
      .executeTakeFirstOrThrow();
    const [roadmapItem] = await roadmapItemsForClause(db, { cityId: city.id, clauseId: "B4" });
    if (!roadmapItem) throw new Error("No demo roadmap item refers to B4");
    await setTracker({
      B4a: {
        status: "in-progress",
        owner: { type: "member", userId: amaraId, name: "Amara Okafor" },
        target: "2020-03-31",
        notes: "The engagement plan is refreshed every spring.",
        evidence: [
          { type: "document", id: vision.id, title: vision.title },
          { type: "roadmapItem", id: roadmapItem.id, title: roadmapItem.title },
        ],
      },
      B4c: { status: "planned" },
    });

    const page = await app.newPage({ viewport: WIDE });
    await openClause(page, "amara@aldermoor.example");
    await expectHeading(page, "B4 Stakeholder collaboration");
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(
      breadcrumb.getByRole("link", { name: "Framework tracker" }).getAttribute("href"),
    ).resolves.toBe("/c/aldermoor/framework");
    await expect(page.getByText("Business management (B1–B8)").isVisible()).resolves.toBe(true);
    await expect(
      page.getByText(/The city authority cannot deliver the programme on its own/).isVisible(),
    ).resolves.toBe(true);

    // Its three recommendations, each with its text and the city's status.
    await expect(page.locator(".clause-rec").count()).resolves.toBe(3);
    for (const id of ["B4a", "B4b", "B4c"]) {
      await expect(
        recommendation(page, id)
          .getByRole("heading", { name: `Recommendation ${id}` })
          .isVisible(),
      ).resolves.toBe(true);
    }
    await expect(recommendation(page, "B4c").textContent()).resolves.toContain("Work with other cities");
    await expect(page.getByLabel("Status, B4a").inputValue()).resolves.toBe("in-progress");
    await expect(page.getByLabel("Status, B4c").inputValue()).resolves.toBe("planned");

    // B4a's owner, its passed target date marked overdue, and its evidence as links.
    const b4a = recommendation(page, "B4a");
    await expect(b4a.textContent()).resolves.toContain("Amara Okafor");
    await expect(b4a.locator("time").textContent()).resolves.toBe("31 Mar 2020");
    await expect(b4a.getByText("Overdue").isVisible()).resolves.toBe(true);
    await expect(b4a.getByText("The engagement plan is refreshed every spring.").isVisible()).resolves.toBe(
      true,
    );
    const b4aEvidence = b4a.getByRole("list", { name: "Evidence for B4a" });
    await expect(b4aEvidence.getByRole("link", { name: vision.title }).getAttribute("href")).resolves.toBe(
      `/c/aldermoor/docs/${vision.id}`,
    );
    await expect(
      b4aEvidence.getByRole("link", { name: roadmapItem.title }).getAttribute("href"),
    ).resolves.toBe(`/c/aldermoor/roadmap?item=${roadmapItem.id}`);
    await expect(recommendation(page, "B4b").getByText("Overdue").count()).resolves.toBe(0);

    // Linked artefacts: the roadmap items that name B4 and the evidence of its recommendations.
    const onRoadmap = page.getByRole("list", { name: "Roadmap items that refer to B4" });
    await expect(onRoadmap.getByRole("link", { name: roadmapItem.title }).getAttribute("href")).resolves.toBe(
      `/c/aldermoor/roadmap?item=${roadmapItem.id}`,
    );
    const allEvidence = page.getByRole("list", { name: "Evidence for the recommendations of B4" });
    await expect(
      allEvidence.getByRole("listitem").filter({ hasText: vision.title }).textContent(),
    ).resolves.toContain("for B4a");

    // Linkages lead to the linked clauses' own pages, each with why.
    const roadmapClause = page.getByRole("link", { name: "B8 Smart city roadmap" });
    await expect(roadmapClause.getAttribute("href")).resolves.toBe("/c/aldermoor/framework/B8");
    await expect(
      page.getByText("Stakeholder engagement should run as a formal workstream of the roadmap.").isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, "framework-clause-1280");

    // A link to a roadmap item opens that item on the roadmap.
    await onRoadmap.getByRole("link", { name: roadmapItem.title }).click();
    await page.getByRole("dialog", { name: roadmapItem.title }).waitFor();

    // Previous and next clause.
    await page.goBack();
    await expectHeading(page, "B4 Stakeholder collaboration");
    await page
      .getByRole("navigation", { name: "Other clauses" })
      .getByRole("link", { name: /Next clause/ })
      .click();
    await expectHeading(page, /^B5 /);
    await page
      .getByRole("navigation", { name: "Other clauses" })
      .getByRole("link", { name: /Previous clause/ })
      .click();
    await expectHeading(page, "B4 Stakeholder collaboration");
  });

  test("a change of status is saved for everyone; not applicable asks why", async () => {
    const page = await app.newPage({ viewport: WIDE });
    await openClause(page, "amara@aldermoor.example");

    await page.getByLabel("Status, B4c").selectOption("in-place");
    await expect.poll(() => storedStatus("B4c")).toBe("in-place");
    await page.reload();
    await expect.poll(() => page.getByLabel("Status, B4c").inputValue()).toBe("in-place");

    // Not applicable needs a reason: the board's message shows next to the field until one is given.
    await page.getByLabel("Status, B4b").selectOption("not-applicable");
    const reason = page.getByLabel("Why it does not apply, B4b");
    await reason.waitFor();
    await expect(accessibleDescription(reason)).resolves.toContain("Say why this does not apply to the city");
    await expect(reason.getAttribute("aria-invalid")).resolves.toBe("true");
    await reason.fill("Aldermoor already shares its work through the regional cities network.");
    await reason.press("Enter");
    await expect
      .poll(() => recommendation(page, "B4b").getByText("Say why this does not apply to the city").count())
      .toBe(0);
    await expect.poll(() => storedStatus("B4b")).toBe("not-applicable");
    await screenshot(page, "framework-clause-not-applicable-1280");

    // A fresh browser, with nothing cached, shows both.
    const again = await app.newPage({ viewport: WIDE });
    await openClause(again, "amara@aldermoor.example");
    await expect.poll(() => again.getByLabel("Status, B4c").inputValue()).toBe("in-place");
    await expect
      .poll(() => again.getByLabel("Why it does not apply, B4b").inputValue())
      .toBe("Aldermoor already shares its work through the regional cities network.");
  });

  test("two people see each other's changes to the status and the notes as they are made", async () => {
    await setTracker({ B1a: { status: "not-started" } });
    const amara = await app.newPage({ viewport: WIDE });
    const ben = await app.newPage({ viewport: WIDE });
    await openClause(amara, "amara@aldermoor.example", "B1");
    await openClause(ben, "ben@partners.example", "B1");

    await expect(amara.getByLabel("Status, B1a").inputValue()).resolves.toBe("not-started");
    await ben.getByLabel("Status, B1a").selectOption("in-progress");
    await expect
      .poll(() => amara.getByLabel("Status, B1a").inputValue(), { timeout: 2_000 })
      .toBe("in-progress");

    const amaraNotes = amara.getByRole("textbox", { name: "Workbook notes on B1" });
    const benNotes = ben.getByRole("textbox", { name: "Workbook notes on B1" });
    await amaraNotes.click();
    await expect
      .poll(() =>
        amaraNotes.evaluate((element) => (element as HTMLElement & { editor: Editor }).editor.isFocused),
      )
      .toBe(true);
    await amara.keyboard.type("Agree the vision with the youth council first.");
    await expect
      .poll(() => notesText(benNotes), { timeout: 2_000 })
      .toBe("Agree the vision with the youth council first.");
    const notesSection = amara.locator("section", { has: amara.getByRole("heading", { name: "Our notes" }) });
    await notesSection.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();

    const later = await app.newPage({ viewport: WIDE });
    await openClause(later, "ben@partners.example", "B1");
    const laterNotes = later.getByRole("textbox", { name: "Workbook notes on B1" });
    await expect.poll(() => notesText(laterNotes)).toBe("Agree the vision with the youth council first.");
  });

  test("a viewer reads the city's progress without controls that change it", async () => {
    await setTracker({ B4c: { status: "in-progress" } });
    const page = await app.newPage({ viewport: NARROW });
    await openClause(page, "dev@aldermoor.example");
    await expectHeading(page, "B4 Stakeholder collaboration");
    await expect
      .poll(() => recommendation(page, "B4c").locator(".tracker-status").textContent())
      .toBe("In progress");
    await expect(page.locator(".clause-rec select, .clause-rec input").count()).resolves.toBe(0);
    await screenshot(page, "framework-clause-viewer-390");
  });

  test("a clause the framework does not have, and a city the user does not belong to, are not found", async () => {
    const amara = await app.newPage();
    await signIn(amara, "amara@aldermoor.example");
    const missing = await amara.goto("/c/aldermoor/framework/B99");
    expect(missing?.status()).toBe(404);
    await expectHeading(amara, "Clause not found");
    await expect(amara.getByText("has no clause called “B99”").isVisible()).resolves.toBe(true);
    await expect(
      amara.getByRole("link", { name: "Back to the framework tracker" }).getAttribute("href"),
    ).resolves.toBe("/c/aldermoor/framework");

    const eleanor = await app.newPage();
    await signIn(eleanor, "eleanor@brackenford.example");
    const refused = await eleanor.goto("/c/aldermoor/framework/B4");
    expect(refused?.status()).toBe(404);
    await expectHeading(eleanor, "Page not found");
    await expect(eleanor.getByText("Stakeholder collaboration").count()).resolves.toBe(0);
    await expect(eleanor.getByText("Aldermoor").count()).resolves.toBe(0);
  });
});
