import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectHeading, focused, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };

/** Signs in and opens a city's pipeline in one view, once the board has arrived. */
async function openPipeline(page: Page, email: string, options: { slug?: string; view?: "list" } = {}) {
  await signIn(page, email);
  await page.goto(
    `/c/${options.slug ?? "aldermoor"}/procurement${options.view ? `?view=${options.view}` : ""}`,
  );
  await expectHeading(page, "Procurement pipeline");
  await page.locator('[data-testid="pipeline"][data-ready="true"]').waitFor();
}

function card(page: Page, stage: string, title: string): Locator {
  return page.getByTestId(`column-${stage}`).locator("[data-card-id]", { hasText: title });
}

function listRow(page: Page, title: string): Locator {
  return page.locator('tr[data-testid^="row-"]', { hasText: title });
}

/** One criterion of the check in the detail panel: its radio group and note. */
function criterion(panel: Locator, name: string): Locator {
  return panel.getByRole("group", { name, exact: true });
}

/** The titles of the cards on the board, in every column. */
function cardTitles(page: Page): Promise<string[]> {
  return page.locator(".board-card__title").allTextContents();
}

describe("the live procurement pipeline", () => {
  test("two people edit an opportunity at once and see its stage, value and smart check change for each other", async () => {
    const amara = await app.newPage({ viewport: WIDE });
    const ben = await app.newPage({ viewport: WIDE });
    await openPipeline(amara, "amara@aldermoor.example", { view: "list" });
    await openPipeline(ben, "ben@partners.example");
    await expect(ben.getByRole("tab", { name: "Board" }).getAttribute("aria-selected")).resolves.toBe("true");

    // Amara adds an opportunity; it starts as an idea on Ben's board.
    await amara.getByRole("button", { name: "Add opportunity" }).click();
    const amaraPanel = amara.getByRole("dialog");
    await amaraPanel.waitFor();
    await expect.poll(() => focused(amara).then((element) => element.id)).toBe("detail-title");
    await amara.keyboard.type("Smart parking bay sensors");
    await amara.keyboard.press("Enter");
    await card(ben, "idea", "Smart parking bay sensors").waitFor({ timeout: 2_000 });
    await expect(card(ben, "idea", "Smart parking bay sensors").textContent()).resolves.toContain(
      "Smart check not started",
    );

    // She moves it to tender and gives its category and value: the card moves and says so, and
    // with none of the lock-in questions answered at tender it is flagged.
    await amaraPanel.getByLabel("Stage", { exact: true }).selectOption("tender");
    await amaraPanel.getByLabel("Category", { exact: true }).selectOption("services");
    const value = amaraPanel.getByLabel("Estimated value", { exact: true });
    await value.fill("250000");
    await value.press("Enter");
    const benCard = card(ben, "tender", "Smart parking bay sensors");
    await expect.poll(() => benCard.textContent(), { timeout: 2_000 }).toContain("£250,000");
    await expect(benCard.textContent()).resolves.toContain("Services");
    await expect(benCard.getByTestId("lock-in-flag").isVisible()).resolves.toBe(true);
    await expect(card(ben, "idea", "Smart parking bay sensors").count()).resolves.toBe(0);

    // Ben opens it and answers the check; each sees the other at the opportunity.
    await benCard.click();
    const benPanel = ben.getByRole("dialog", { name: "Smart parking bay sensors" });
    await benPanel.waitFor();
    await amaraPanel.getByText("Also here: Ben Hughes").waitFor({ timeout: 2_000 });
    await benPanel.getByText("Smart check not started").waitFor();
    await benPanel.getByText("Exit costs and whole-life cost: not answered").waitFor();
    for (const name of ["Outcome-based specification", "Open data", "Interoperability and open standards"])
      await criterion(benPanel, name).getByLabel("Yes", { exact: true }).check();
    await criterion(benPanel, "Exit costs and whole-life cost").getByLabel("Partly", { exact: true }).check();

    // Three yes and one partly of six: 58%, and no lock-in, in Amara's list and panel.
    const amaraRow = listRow(amara, "Smart parking bay sensors");
    const amaraScore = amaraRow.locator('[data-field="smartCheck"]');
    await expect.poll(() => amaraScore.textContent(), { timeout: 2_000 }).toContain("Smart check 58%");
    await expect(amaraScore.getByTestId("lock-in-flag").count()).resolves.toBe(0);
    await amaraPanel.getByText("No sign of lock-in from the answers so far.").waitFor();
    await expect(amaraRow.locator('[data-field="stage"]').textContent()).resolves.toBe("Tender");
    await expect(amaraRow.locator('[data-field="value"]').textContent()).resolves.toBe("£250,000");

    // Ben changes his mind on interoperability, with a note: the flag and its reason reach Amara.
    const interoperability = criterion(benPanel, "Interoperability and open standards");
    await interoperability.getByLabel("No", { exact: true }).check();
    await interoperability
      .getByLabel("Note on Interoperability and open standards")
      .fill("The sensors only report to the vendor's own cloud");
    await interoperability.getByLabel("Note on Interoperability and open standards").press("Tab");
    await amaraScore.getByTestId("lock-in-flag").waitFor({ timeout: 2_000 });
    await expect(amaraScore.textContent()).resolves.toContain("Smart check 42%");
    await amaraPanel.getByText("Interoperability and open standards: no").waitFor();
    await expect(
      amaraPanel.getByLabel("Note on Interoperability and open standards").inputValue(),
    ).resolves.toBe("The sensors only report to the vendor's own cloud");
    await screenshot(amara, "pipeline-list-lock-in-1280");

    // Amara links a roadmap item; Ben sees the link.
    await amaraPanel
      .getByLabel("Link a roadmap item")
      .selectOption({ label: "Open data clause in all new contracts" });
    await benPanel
      .getByRole("group", { name: "Roadmap items" })
      .getByRole("link", { name: "Open data clause in all new contracts" })
      .waitFor({ timeout: 2_000 });

    // Ben's undo takes back his own last changes only: the note, then the "no".
    await interoperability.getByLabel("No", { exact: true }).focus();
    await ben.keyboard.press("Control+z");
    await ben.keyboard.press("Control+z");
    await expect.poll(() => amaraScore.textContent(), { timeout: 2_000 }).toContain("Smart check 58%");
    await expect(amaraScore.getByTestId("lock-in-flag").count()).resolves.toBe(0);
    await expect(
      amaraPanel
        .getByRole("group", { name: "Roadmap items" })
        .getByRole("link", { name: "Open data clause in all new contracts" })
        .count(),
    ).resolves.toBe(1);
    await screenshot(ben, "pipeline-detail-1280");
    await amara.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    await ben.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  });

  test("filters by stage, category and lock-in risk, and moves a card from the keyboard", async () => {
    const page = await app.newPage({ viewport: WIDE });
    await openPipeline(page, "eleanor@brackenford.example", { slug: "brackenford" });
    await expect(page.getByTestId("lock-in-count").textContent()).resolves.toBe("1 opportunity");
    await screenshot(page, "pipeline-board-1280");

    await page.getByLabel("Lock-in risk only").check();
    await expect.poll(() => cardTitles(page)).toEqual(["Damp and temperature sensors in 100 council homes"]);
    await page.getByLabel("Lock-in risk only").uncheck();

    const filters = page.getByRole("group", { name: "Filter the pipeline" });
    await filters.getByLabel("Category").selectOption("works");
    await expect
      .poll(async () => (await cardTitles(page)).sort())
      .toEqual(["LED street lighting with remote monitoring", "Retrofit delivery framework"]);
    await filters.getByLabel("Category").selectOption("");

    await page.getByRole("tab", { name: "List" }).click();
    await filters.getByLabel("Stage").selectOption("tender");
    await expect
      .poll(async () => (await page.locator('tr[data-testid^="row-"] th').allTextContents()).sort())
      .toEqual(["Free public wi-fi in the town centre", "Retrofit delivery framework"]);
    await page.getByText("Showing 2 of 9 opportunities").waitFor();
    await page.getByRole("button", { name: "Show every opportunity" }).click();

    // Board: Alt+Right moves the focused card on to the next stage, and says so.
    await page.getByRole("tab", { name: "Board" }).click();
    const repairs = card(page, "pipeline", "Online repairs reporting for council tenants");
    await repairs.locator('[role="button"]').focus();
    await page.keyboard.press("Alt+ArrowRight");
    await card(page, "market-engagement", "Online repairs reporting for council tenants").waitFor();
    await expect(page.getByTestId("board-announcement").textContent()).resolves.toContain(
      "Moved “Online repairs reporting for council tenants” to Market engagement",
    );
    await expect(focused(page)).resolves.toMatchObject({
      text: expect.stringContaining("Online repairs reporting for council tenants"),
    });
    await page.keyboard.press("Control+z");
    await card(page, "pipeline", "Online repairs reporting for council tenants").waitFor();
  });

  test("a viewer sees the pipeline, the check and the lock-in reasons, but no control that changes them", async () => {
    const page = await app.newPage({ viewport: WIDE });
    await openPipeline(page, "kiran@castlebridge.example", { slug: "castlebridge" });
    await page.getByTestId("read-only-badge").waitFor();
    for (const name of ["Add opportunity", "Undo a pipeline change", "Redo a pipeline change"])
      await expect(page.getByRole("button", { name }).count()).resolves.toBe(0);
    await expect(page.locator('[draggable="true"]').count()).resolves.toBe(0);

    const lighting = card(page, "pipeline", "Street lighting upgrade with remote dimming");
    await expect(lighting.getByTestId("lock-in-flag").isVisible()).resolves.toBe(true);
    await lighting.click();
    const panel = page.getByRole("dialog", { name: "Street lighting upgrade with remote dimming" });
    await panel.waitFor();
    await panel.getByText("Interoperability and open standards: no").waitFor();
    await panel.getByText("Smart check 58%").waitFor();
    await expect(panel.locator("input, select, textarea").count()).resolves.toBe(0);
    await expect(panel.locator('[contenteditable="true"]').count()).resolves.toBe(0);
    await expect(panel.getByRole("button", { name: "Delete opportunity" }).count()).resolves.toBe(0);
    await panel
      .getByText("The quickest route is extending the current supplier's own management system", {
        exact: false,
      })
      .waitFor();
    await panel.getByRole("link", { name: "Dim main-road streetlights after midnight" }).waitFor();

    await page.getByRole("tab", { name: "List" }).click();
    await expect(
      page.locator(".cell-button:not(.cell-button--open):not([data-col=smartCheck])").count(),
    ).resolves.toBe(0);
  });

  test("a member of another city gets 404", async () => {
    const page = await app.newPage();
    await signIn(page, "eleanor@brackenford.example");
    const response = await page.goto("/c/aldermoor/procurement");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Smart street lighting").count()).resolves.toBe(0);
  });

  test("a new city's pipeline is reached from the city navigation, starts empty and takes its first opportunity", async () => {
    const page = await app.newPage({ viewport: WIDE });
    await signIn(page, "isla@castlebridge.example");
    await page.goto("/cities/new");
    await page.getByLabel("City name").fill("Eastholm");
    await page.getByRole("button", { name: "Create city" }).click();
    await page.waitForURL((url) => url.pathname === "/c/eastholm");
    await page
      .getByRole("navigation", { name: "Eastholm sections" })
      .getByRole("link", { name: "Procurement" })
      .click();
    await expectHeading(page, "Procurement pipeline");
    await page.locator('[data-testid="pipeline"][data-ready="true"]').waitFor();
    await page.getByRole("heading", { name: "No opportunities yet" }).waitFor();
    await expect(page.getByRole("tablist").count()).resolves.toBe(0);
    await screenshot(page, "pipeline-empty-1280");

    await page.getByRole("button", { name: "Add opportunity" }).click();
    await expect.poll(() => focused(page).then((element) => element.id)).toBe("detail-title");
    await page.keyboard.type("Open data platform");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await card(page, "idea", "Open data platform").waitFor();
    await expect(page.getByRole("heading", { name: "No opportunities yet" }).count()).resolves.toBe(0);
  });

  test("board, list and detail at phone width", async () => {
    const page = await app.newPage({ viewport: NARROW });
    await openPipeline(page, "amara@aldermoor.example");
    await screenshot(page, "pipeline-board-390");
    await page.getByRole("tab", { name: "List" }).click();
    await screenshot(page, "pipeline-list-390");
    await listRow(page, "Council parking payment app").getByRole("button", { name: /^Open/ }).click();
    const panel = page.getByRole("dialog", { name: "Council parking payment app" });
    await panel.getByText("Open data: no").waitFor();
    await screenshot(page, "pipeline-detail-390");
  });
});
