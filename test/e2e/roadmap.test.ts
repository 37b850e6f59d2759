import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { findCityBySlug } from "../../db/repositories/cities";
import { findCityBoard } from "../../server/boards/commands";
import { insertRow } from "../../shared/boards/model";
import { ROADMAP } from "../../shared/boards/roadmap";
import { expectHeading, focused, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };

/** Adds items to a city's roadmap on the server, as another client would; returns their ids. */
async function addItems(slug: string, items: Record<string, unknown>[]): Promise<string[]> {
  const { db, collabHub } = app.workspace.services;
  const city = await findCityBySlug(db, { slug });
  if (!city || !collabHub) throw new Error(`No city ${slug} or no collaboration hub`);
  const roadmap = await findCityBoard(db, { cityId: city.id, kind: "roadmap" });
  const ids: string[] = [];
  await collabHub.change(roadmap.id, null, (doc) => {
    for (const values of items) ids.push(insertRow(doc, ROADMAP, { values }));
  });
  return ids;
}

/** Signs in and opens a city's roadmap in one view, once its rows are on screen. */
async function openRoadmap(page: Page, email: string, options: { slug?: string; view?: string } = {}) {
  await signIn(page, email);
  const query = options.view ? `?view=${options.view}` : "";
  await page.goto(`/c/${options.slug ?? "aldermoor"}/roadmap${query}`);
  await expectHeading(page, "Roadmap");
  await page.locator('[data-testid="roadmap"][data-ready="true"]').waitFor();
}

function cell(page: Page, rowId: string, field: string): Locator {
  return page.getByTestId(`row-${rowId}`).locator(`[data-field="${field}"]`);
}

/** Narrows the list to items whose title contains `words`: it draws only the rows near the screen. */
async function findInList(page: Page, words: string): Promise<void> {
  await page.getByLabel("Title contains").fill(words);
}

/** How many items the list says it holds (it draws only those near the visible part). */
async function itemCount(page: Page): Promise<number> {
  const text = (await page.locator(".board-list__count").textContent()) ?? "";
  const match = /(?:of )?(\d+) items?/.exec(text.replace(/,/g, ""));
  if (!match) throw new Error(`No count in "${text}"`);
  return Number(match[1]);
}

/** Opens a cell of the list for editing and returns its editor. */
async function editCell(page: Page, rowId: string, field: string): Promise<Locator> {
  await cell(page, rowId, field).locator("button").click();
  const editor = cell(page, rowId, field).locator("input, select").first();
  await editor.waitFor();
  return editor;
}

describe("the live roadmap", () => {
  test("two people edit it at once in different views and see each other's changes; undo is per person", async () => {
    const [lightingId] = await addItems("aldermoor", [
      { title: "Smart street lighting pilot", phase: "PLAN", status: "planned", quickWin: true },
    ]);
    const amara = await app.newPage({ viewport: WIDE });
    const ben = await app.newPage({ viewport: WIDE });
    await openRoadmap(amara, "amara@aldermoor.example", { view: "list" });
    await findInList(amara, "Smart street lighting");
    await openRoadmap(ben, "ben@partners.example");
    await expect(ben.getByRole("tab", { name: "Board" }).getAttribute("aria-selected")).resolves.toBe("true");

    // Amara renames the item in the list; Ben sees it on his board card.
    const title = await editCell(amara, lightingId!, "title");
    await title.fill("Smart street lighting");
    await title.press("Enter");
    await expect
      .poll(() => ben.getByTestId(`card-${lightingId}`).textContent(), { timeout: 1_000 })
      .toContain("Smart street lighting");
    await expect(cell(amara, lightingId!, "title").textContent()).resolves.toBe("Smart street lighting");

    // Ben opens the card and moves the item to Deliver; Amara sees the phase change in her list.
    await ben.getByTestId(`card-${lightingId}`).click();
    const panel = ben.getByRole("dialog", { name: "Smart street lighting" });
    await panel.waitFor();
    await amara
      .getByTestId(`row-${lightingId}`)
      .locator(".row-peers__person", { hasText: "B" })
      .waitFor({ timeout: 1_000 });
    await panel.getByLabel("Phase", { exact: true }).selectOption("DELIVER");
    await expect
      .poll(() => cell(amara, lightingId!, "phase").textContent(), { timeout: 1_000 })
      .toBe("Deliver");

    // Undo takes back Amara's rename only: Ben's phase change stays.
    await amara.getByRole("button", { name: "Undo a roadmap change" }).click();
    await expect
      .poll(() => cell(amara, lightingId!, "title").textContent(), { timeout: 1_000 })
      .toBe("Smart street lighting pilot");
    await expect(cell(amara, lightingId!, "phase").textContent()).resolves.toBe("Deliver");
    await expect
      .poll(() => ben.getByTestId(`card-${lightingId}`).textContent(), { timeout: 1_000 })
      .toContain("Smart street lighting pilot");
    await expect(amara.getByRole("button", { name: "Undo a roadmap change" }).isDisabled()).resolves.toBe(
      true,
    );
    await amara.getByRole("button", { name: "Redo a roadmap change" }).click();
    await expect
      .poll(() => cell(amara, lightingId!, "title").textContent(), { timeout: 1_000 })
      .toBe("Smart street lighting");

    // Ben's own undo, from the keyboard, takes back his phase change.
    await panel.getByRole("button", { name: /^Close/ }).click();
    await ben.keyboard.press("Control+z");
    await expect.poll(() => cell(amara, lightingId!, "phase").textContent(), { timeout: 1_000 }).toBe("Plan");
    await amara.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  });

  test("the description is live rich text, and the panel shows who else has the item open", async () => {
    const [id] = await addItems("aldermoor", [{ title: "Digital inclusion drop-ins", phase: "PLAN" }]);
    const amara = await app.newPage({ viewport: WIDE });
    const ben = await app.newPage({ viewport: WIDE });
    await openRoadmap(amara, "amara@aldermoor.example", { view: "list" });
    await openRoadmap(ben, "ben@partners.example", { view: "list" });
    for (const page of [amara, ben]) {
      await findInList(page, "Digital inclusion drop-ins");
      await page.getByTestId(`row-${id}`).getByRole("button", { name: /^Open/ }).click();
    }
    const amaraPanel = amara.getByRole("dialog", { name: "Digital inclusion drop-ins" });
    const benPanel = ben.getByRole("dialog", { name: "Digital inclusion drop-ins" });
    await amaraPanel.getByText("Also here: Ben Hughes").waitFor({ timeout: 1_000 });
    await benPanel.getByText("Also here: Amara Okafor").waitFor({ timeout: 1_000 });

    const description = amaraPanel.getByRole("textbox", { name: "Description" });
    await description.click();
    await amara.keyboard.type("Weekly help sessions in three libraries.");
    // The text as written, without the name label of Amara's caret.
    const benText = () =>
      benPanel.getByRole("textbox", { name: "Description" }).evaluate((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
        return copy.textContent ?? "";
      });
    await expect.poll(benText, { timeout: 1_000 }).toBe("Weekly help sessions in three libraries.");
    // Ben sees where Amara is: her name on the field she is in.
    await benPanel.getByText("Amara Okafor is editing").waitFor({ timeout: 1_000 });

    // Typing in the description is undone inside it, not by the board's undo.
    await expect(amara.getByRole("button", { name: "Undo a roadmap change" }).isDisabled()).resolves.toBe(
      true,
    );
  });

  test("an invalid value stays in the document and shows its error on the cell", async () => {
    const [busLaneId] = await addItems("aldermoor", [{ title: "Bus lane sensors", phase: "INITIATE" }]);
    const page = await app.newPage({ viewport: WIDE });
    await openRoadmap(page, "amara@aldermoor.example", { view: "list" });
    await findInList(page, "Bus lane sensors");

    const start = await editCell(page, busLaneId!, "start");
    await start.fill("2027-06-01");
    await start.press("Enter");
    const end = await editCell(page, busLaneId!, "end");
    await end.fill("2027-03-01");
    await end.press("Enter");

    const endCell = cell(page, busLaneId!, "end");
    await expect.poll(() => endCell.textContent()).toContain("The end comes before the start");
    await expect(endCell.textContent()).resolves.toContain("1 Mar 2027");
    await expect(endCell.locator(".cell-error__marker").isVisible()).resolves.toBe(true);
    const button = endCell.locator("button");
    const describedBy = await button.getAttribute("aria-describedby");
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toContain(
      "The end comes before the start",
    );
    // Focus went back to the cell after Enter, and arrow keys move along the row.
    await expect(focused(page)).resolves.toMatchObject({
      tag: "button",
      text: expect.stringContaining("1 Mar 2027"),
    });
    await page.keyboard.press("ArrowLeft");
    await expect(focused(page)).resolves.toMatchObject({ text: "1 Jun 2027" });

    const cost = await editCell(page, busLaneId!, "cost");
    await cost.fill("-200");
    await cost.press("Enter");
    await expect
      .poll(() => cell(page, busLaneId!, "cost").textContent())
      .toContain("A cost cannot be negative");

    // Escape leaves a cell as it was.
    const title = await editCell(page, busLaneId!, "title");
    await title.fill("Something else");
    await title.press("Escape");
    await expect(cell(page, busLaneId!, "title").textContent()).resolves.toBe("Bus lane sensors");

    // The detail panel shows the same errors next to their fields.
    await page.getByTestId(`row-${busLaneId}`).getByRole("button", { name: /^Open/ }).click();
    const panel = page.getByRole("dialog", { name: "Bus lane sensors" });
    await expect(panel.getByText("The end comes before the start").isVisible()).resolves.toBe(true);
    await expect(panel.getByText("A cost cannot be negative").isVisible()).resolves.toBe(true);
    await screenshot(page, "roadmap-list-errors-1280");
  });

  test("adding an item opens it in the panel; deleting asks first and can be undone", async () => {
    const page = await app.newPage({ viewport: WIDE });
    await openRoadmap(page, "amara@aldermoor.example", { view: "list" });
    const before = await itemCount(page);

    await page.getByRole("button", { name: "Add item" }).click();
    const panel = page.getByRole("dialog");
    await panel.waitFor();
    await expect.poll(() => focused(page).then((element) => element.id)).toBe("detail-title");
    await page.keyboard.type("Community data champions");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => panel.getByRole("heading", { level: 2 }).textContent())
      .toBe("Community data champions");
    await panel.getByLabel("Quick win").check();
    await panel
      .getByRole("group", { name: "Owner" })
      .getByRole("combobox")
      .selectOption({ label: "Partner organisation…" });
    await page.keyboard.type("Aldermoor Library Trust");
    await page.keyboard.press("Enter");
    await panel.getByLabel("SCF clauses").fill("b8, B4c");
    await panel.getByLabel("SCF clauses").press("Enter");
    await expect.poll(() => itemCount(page)).toBe(before + 1);
    await screenshot(page, "roadmap-detail-1280");

    // Escape closes the panel and puts focus back on the button that opened it.
    await panel.getByRole("heading", { level: 2 }).focus();
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await expect(focused(page)).resolves.toMatchObject({ text: "Add item" });

    // The new item is last on the board; the quick-win filter brings it near the top.
    await page.getByLabel("Quick wins only").check();
    const row = page.locator('tr[data-testid^="row-"]', { hasText: "Community data champions" });
    await expect(row.locator('[data-field="owner"]').textContent()).resolves.toBe(
      "Aldermoor Library Trust (partner)",
    );
    await expect(row.locator('[data-field="clauses"]').textContent()).resolves.toBe("B8, B4c");
    await expect(row.locator('[data-field="quickWin"]').textContent()).resolves.toBe("Yes");

    await row.getByRole("button", { name: /^Open/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete item" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete “Community data champions”?" });
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "Delete item" }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByRole("button", { name: "Undo a roadmap change" }).click();
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.locator('[data-field="owner"]').textContent()).resolves.toBe(
      "Aldermoor Library Trust (partner)",
    );
  });

  test("a viewer sees the whole roadmap but no control that changes it", async () => {
    const [id] = await addItems("aldermoor", [{ title: "Air quality dashboard", phase: "DELIVER" }]);
    const page = await app.newPage({ viewport: WIDE });
    await openRoadmap(page, "dev@aldermoor.example", { view: "list" });
    await page.getByTestId("read-only-badge").waitFor();
    await findInList(page, "Air quality dashboard");
    await expect(cell(page, id!, "title").textContent()).resolves.toBe("Air quality dashboard");
    for (const name of ["Add item", "Undo a roadmap change", "Redo a roadmap change"]) {
      await expect(page.getByRole("button", { name }).count()).resolves.toBe(0);
    }
    await expect(page.getByRole("link", { name: "Import CSV" }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Export CSV" }).count()).resolves.toBe(1);
    await expect(page.locator(".cell-button:not(.cell-button--open)").count()).resolves.toBe(0);

    await page.getByTestId(`row-${id}`).getByRole("button", { name: /^Open/ }).click();
    const panel = page.getByRole("dialog", { name: "Air quality dashboard" });
    await panel.waitFor();
    await expect(panel.locator("input, select").count()).resolves.toBe(0);
    await expect(panel.getByRole("button", { name: "Delete item" }).count()).resolves.toBe(0);
    await expect(panel.locator('[contenteditable="true"]').count()).resolves.toBe(0);

    for (const view of ["Board", "Timeline"]) {
      await page.getByRole("tab", { name: view }).click();
      await expect(page.locator('[draggable="true"]').count()).resolves.toBe(0);
    }
  });

  test("exports the roadmap as CSV and imports it into another city", async () => {
    await addItems("aldermoor", [
      { title: "Open data portal", phase: "INITIATE", status: "in-progress", clauses: ["B9"] },
    ]);
    const page = await app.newPage({ viewport: WIDE });
    await openRoadmap(page, "ben@partners.example", { view: "list" });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("aldermoor-roadmap.csv");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "scf-roadmap-")), "aldermoor-roadmap.csv");
    await download.saveAs(file);
    expect(fs.readFileSync(file, "utf8")).toContain("Open data portal");

    await page.goto("/c/castlebridge/roadmap?view=list");
    await page.locator('[data-testid="roadmap"][data-ready="true"]').waitFor();
    const before = await itemCount(page);
    await page.getByRole("link", { name: "Import CSV" }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: /import/i }).click();
    await page.getByText(/Imported \d+ items?/).waitFor();

    await page.goto("/c/castlebridge/roadmap?view=list");
    await page.locator('[data-testid="roadmap"][data-ready="true"]').waitFor();
    await expect.poll(() => itemCount(page)).toBeGreaterThan(before);
    await page.getByLabel("Status").selectOption("in-progress");
    await page.getByLabel("Clause").selectOption("B9");
    await page.locator("tr", { hasText: "Open data portal" }).first().waitFor();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  test("a new city's roadmap starts empty, says how to begin, and takes its first item", async () => {
    const page = await app.newPage({ viewport: WIDE });
    await signIn(page, "amara@aldermoor.example");
    await page.goto("/cities/new");
    await page.getByLabel("City name").fill("Westmere");
    await page.getByRole("button", { name: "Create city" }).click();
    await page.waitForURL((url) => url.pathname === "/c/westmere");
    await page
      .getByRole("navigation", { name: "Westmere sections" })
      .getByRole("link", { name: "Roadmap" })
      .click();
    await expectHeading(page, "Roadmap");
    await page.locator('[data-testid="roadmap"][data-ready="true"]').waitFor();
    await page.getByRole("heading", { name: "No roadmap items yet" }).waitFor();
    await expect(page.getByRole("tablist").count()).resolves.toBe(0);
    await screenshot(page, "roadmap-empty-1280");

    await page.getByRole("button", { name: "Add item" }).click();
    await expect.poll(() => focused(page).then((element) => element.id)).toBe("detail-title");
    await page.keyboard.type("Agree the programme's guiding principles");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "Board" }).waitFor();
    await expect(page.getByRole("heading", { name: "No roadmap items yet" }).count()).resolves.toBe(0);
    await page.getByText("Agree the programme's guiding principles").first().waitFor();
  });

  test("a list of a thousand items draws only what is near the screen and stays usable", async () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({
      title: `Item ${index + 1}`,
      phase: ["PLAN", "INITIATE", "DELIVER", "CONSOLIDATE", "TRANSFORM"][index % 5],
      start: "2026-01-01",
      end: "2026-06-30",
    }));
    await addItems("brackenford", items);
    const page = await app.newPage({ viewport: WIDE });
    await openRoadmap(page, "eleanor@brackenford.example", { slug: "brackenford", view: "list" });
    await expect.poll(() => itemCount(page)).toBeGreaterThanOrEqual(1000);
    const drawn = await page.locator('tr[data-testid^="row-"]').count();
    expect(drawn).toBeLessThan(150);
    await expect(page.getByRole("table").getAttribute("aria-rowcount")).resolves.toBe(
      String((await itemCount(page)) + 1),
    );

    // Ctrl+End reaches the last item, which was not drawn before; Ctrl+Home goes back.
    await page.locator('tr[data-testid^="row-"]').first().locator('[data-field="title"] button').focus();
    await page.keyboard.press("Control+End");
    await expect.poll(() => focused(page).then((element) => element.text)).toBe("Item 1000");
    await page.keyboard.press("Control+Home");
    await expect.poll(() => focused(page).then((element) => element.text)).not.toBe("Item 1000");
    await expect(
      page
        .locator('tr[aria-rowindex="2"] [data-field="title"] button')
        .evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);

    // Editing a far row works as anywhere else.
    await page.keyboard.press("Control+End");
    await expect.poll(() => focused(page).then((element) => element.text)).toBe("Item 1000");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("The last item");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page).then((element) => element.text)).toBe("The last item");
  });

  test("each view at desktop and phone widths", async () => {
    for (const [label, viewport] of [
      ["1280", WIDE],
      ["390", NARROW],
    ] as const) {
      const page = await app.newPage({ viewport });
      await openRoadmap(page, "amara@aldermoor.example");
      for (const view of ["Board", "Timeline", "List"]) {
        await page.getByRole("tab", { name: view }).click();
        await expect
          .poll(() => page.getByRole("tab", { name: view }).getAttribute("aria-selected"))
          .toBe("true");
        await screenshot(page, `roadmap-${view.toLowerCase()}-${label}`);
      }
      // The tabs follow the arrow keys and keep the choice in the address.
      await page.getByRole("tab", { name: "List" }).focus();
      await page.keyboard.press("ArrowLeft");
      await expect
        .poll(() => page.getByRole("tab", { name: "Timeline" }).getAttribute("aria-selected"))
        .toBe("true");
      await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe("timeline");
      await page.keyboard.press("Home");
      await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe(null);

      await page.getByRole("tab", { name: "List" }).click();
      await page.locator('tr[data-testid^="row-"]').first().getByRole("button", { name: /^Open/ }).click();
      await page.getByRole("dialog").waitFor();
      await screenshot(page, `roadmap-detail-${label}`);
    }
  });
});
