import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { focused, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const LEAD = "amara@aldermoor.example";
const EDITOR = "ben@partners.example";
const VIEWER = "dev@aldermoor.example";

async function openRoadmap(page: Page, email: string, view?: "board" | "timeline" | "list"): Promise<void> {
  await signIn(page, email);
  await page.goto(view ? `/c/aldermoor/roadmap?view=${view}` : "/c/aldermoor/roadmap");
  await page.locator('[data-testid="roadmap"][data-ready="true"]').waitFor();
}

/** The row id of a card or bar, from its test id ("card-<id>", "bar-<id>"). */
async function rowIdOf(element: Locator): Promise<string> {
  const testId = await element.getAttribute("data-testid");
  return testId!.replace(/^(card|bar)-/, "");
}

/**
 * A full-page screenshot with the window as tall as the page: cards out of view are not painted
 * until they come near it, which a screenshot of the whole page does not do.
 */
async function screenshotWhole(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await screenshot(page, name);
}

function cardsOf(page: Page, phase: string): Locator {
  return page.getByTestId(`column-${phase}`).locator('[data-testid^="card-"]');
}

describe("roadmap board by phase", () => {
  test("a card dragged to another phase moves there for everyone", async () => {
    const lead = await app.newPage({ viewport: { width: 1280, height: 900 } });
    const editor = await app.newPage();
    await openRoadmap(lead, LEAD);
    await openRoadmap(editor, EDITOR, "list");

    const card = cardsOf(lead, "PLAN").nth(1);
    const rowId = await rowIdOf(card);
    const title = await lead.locator(`#card-title-${rowId}`).textContent();
    await expect(
      editor.getByTestId(`row-${rowId}`).locator('[data-field="phase"]').textContent(),
    ).resolves.toContain("Plan");

    await card.scrollIntoViewIfNeeded();
    const from = (await card.boundingBox())!;
    const target = (await lead.getByTestId("column-DELIVER").locator(".phase-column__cards").boundingBox())!;
    await lead.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await lead.mouse.down();
    await lead.mouse.move(target.x + target.width / 2, target.y + 20, { steps: 12 });
    await lead.getByTestId("column-DELIVER").locator(".phase-column__indicator").waitFor();
    await lead.mouse.up();

    await lead.getByTestId("column-DELIVER").getByTestId(`card-${rowId}`).waitFor();
    await expect(lead.getByTestId("column-PLAN").getByTestId(`card-${rowId}`).count()).resolves.toBe(0);
    await expect
      .poll(() => lead.getByTestId("board-announcement").textContent())
      .toMatch(new RegExp(`^Moved “${escapeRegExp(title!)}” to Deliver, position \\d+ of \\d+$`));
    await expect
      .poll(() => editor.getByTestId(`row-${rowId}`).locator('[data-field="phase"]').textContent())
      .toContain("Deliver");
  });

  test("Alt and the arrow keys move a card, and the move is announced", async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await openRoadmap(page, LEAD);
    const card = cardsOf(page, "PLAN").first();
    const rowId = await rowIdOf(card);
    const title = await page.locator(`#card-title-${rowId}`).textContent();
    const initiateBefore = await cardsOf(page, "INITIATE").count();

    await card.focus();
    await page.keyboard.press("Alt+ArrowRight");
    await page.getByTestId("column-INITIATE").getByTestId(`card-${rowId}`).waitFor();
    await expect
      .poll(() => page.getByTestId("board-announcement").textContent())
      .toMatch(
        new RegExp(`^Moved “${escapeRegExp(title!)}” to Initiate, position \\d+ of ${initiateBefore + 1}$`),
      );
    // The card keeps the focus in its new column, so the next key press goes on from there.
    await expect.poll(async () => (await focused(page)).text).toContain(title!);

    await page.keyboard.press("Alt+ArrowLeft");
    await page.getByTestId("column-PLAN").getByTestId(`card-${rowId}`).waitFor();
    await expect
      .poll(() => page.getByTestId("board-announcement").textContent())
      .toMatch(new RegExp(`^Moved “${escapeRegExp(title!)}” to Plan, position \\d+ of \\d+$`));

    // Arrow keys without Alt only move the focus.
    await page.keyboard.press("ArrowDown");
    await expect.poll(async () => (await focused(page)).text).not.toContain(title!);
    await expect(page.getByTestId("column-PLAN").getByTestId(`card-${rowId}`).count()).resolves.toBe(1);
  });

  test("a card dropped among the quick wins stays below them, where the indicator showed", async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 3600 } });
    await openRoadmap(page, LEAD);
    const column = page.getByTestId("column-INITIATE");
    const quickWins = await column.locator('.board-card[data-quick-win="true"]').count();
    expect(quickWins).toBeGreaterThan(0);
    const card = column.locator('.board-card[data-quick-win="false"]').last();
    const rowId = (await card.getAttribute("data-card-id"))!;
    const total = await column.locator(".board-card").count();

    // Tall enough for the whole column: a drag cannot scroll the page.
    const from = (await card.boundingBox())!;
    const top = (await column.locator(".board-card").first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(top.x + top.width / 2, top.y + 5, { steps: 12 });
    // The indicator shows the first place the card can go: after the last quick win.
    await column.locator(".phase-column__indicator").waitFor();
    const lastQuickWin = (await column.locator('.board-card[data-quick-win="true"]').last().boundingBox())!;
    const indicator = (await column.locator(".phase-column__indicator").boundingBox())!;
    expect(indicator.y).toBeGreaterThan(lastQuickWin.y + lastQuickWin.height - 2);
    expect(indicator.y).toBeLessThan(lastQuickWin.y + lastQuickWin.height + 10);
    await page.mouse.up();

    await expect
      .poll(() =>
        column
          .locator(".board-card")
          .evaluateAll((cards) => cards.map((one) => one.getAttribute("data-card-id"))),
      )
      .toHaveProperty(String(quickWins), rowId);
    await expect
      .poll(() => page.getByTestId("board-announcement").textContent())
      .toMatch(new RegExp(`to Initiate, position ${quickWins + 1} of ${total}$`));
  });

  test("the Move menu moves a card without dragging", async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await openRoadmap(page, LEAD);
    const card = cardsOf(page, "TRANSFORM").first();
    const rowId = await rowIdOf(card);
    const title = await page.locator(`#card-title-${rowId}`).textContent();
    await page.getByRole("button", { name: `Move ${title}` }).click();
    const menu = page.getByRole("group", { name: `Move ${title}` });
    await expect(menu.getByRole("button", { name: "To Transform" }).count()).resolves.toBe(0);
    await screenshot(page, "roadmap-board-move-menu");
    await menu.getByRole("button", { name: "To Consolidate" }).click();
    await page.getByTestId("column-CONSOLIDATE").getByTestId(`card-${rowId}`).waitFor();
    await expect(menu.count()).resolves.toBe(0);

    // Escape closes the menu and puts the focus back on its button.
    await page.getByRole("button", { name: `Move ${title}` }).click();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    await expect(menu.count()).resolves.toBe(0);
    await expect.poll(async () => (await focused(page)).text).toBe(`Move ${title}`);
  });

  test("quick wins come first in each phase and are marked", async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await openRoadmap(page, LEAD);
    for (const phase of ["PLAN", "INITIATE", "DELIVER", "CONSOLIDATE", "TRANSFORM"]) {
      const flags = await page
        .getByTestId(`column-${phase}`)
        .locator(".board-card")
        .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-quick-win") === "true"));
      const firstOther = flags.indexOf(false);
      expect(firstOther === -1 ? [] : flags.slice(firstOther), `${phase}: quick wins first`).not.toContain(
        true,
      );
    }
    const quickWin = page.locator('.board-card[data-quick-win="true"]').first();
    await expect(quickWin.getByText("Quick win", { exact: true }).isVisible()).resolves.toBe(true);
    await screenshotWhole(page, "roadmap-board-1280");

    const phone = await app.newPage({ viewport: { width: 390, height: 844 } });
    await openRoadmap(phone, LEAD);
    await screenshotWhole(phone, "roadmap-board-390");
  });

  test("a viewer sees the board but cannot move cards", async () => {
    const page = await app.newPage();
    await openRoadmap(page, VIEWER);
    const card = cardsOf(page, "PLAN").first();
    const rowId = await rowIdOf(card);
    await expect(page.getByRole("button", { name: /^Move / }).count()).resolves.toBe(0);
    await expect(page.locator('.board-card[draggable="true"]').count()).resolves.toBe(0);
    await card.focus();
    await page.keyboard.press("Alt+ArrowRight");
    await expect(page.getByTestId("column-PLAN").getByTestId(`card-${rowId}`).count()).resolves.toBe(1);
  });
});

describe("roadmap timeline", () => {
  test("shows dated items as bars, zooms between months and quarters, and marks today", async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await openRoadmap(page, LEAD, "timeline");
    const bars = page.locator('[data-testid^="bar-"]');
    await bars.first().waitFor();
    expect(await bars.count()).toBeGreaterThan(0);
    await page.getByTestId("timeline-today").waitFor({ state: "attached" });
    const scroller = page.getByTestId("timeline");
    // It opens scrolled to today: the today line is in view.
    await expect
      .poll(async () => {
        const line = (await page.getByTestId("timeline-today").boundingBox())!;
        const view = (await scroller.boundingBox())!;
        return line.x >= view.x && line.x <= view.x + view.width;
      })
      .toBe(true);

    const months = page.getByRole("button", { name: "Months" });
    const quarters = page.getByRole("button", { name: "Quarters" });
    await expect(months.getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(page.locator(".timeline__tick").first().textContent()).resolves.toMatch(
      /^[A-Z][a-z]{2} \d{4}$/,
    );
    const monthWidth = (await bars.first().boundingBox())!.width;
    await screenshot(page, "roadmap-timeline-1280");

    await quarters.click();
    await expect(quarters.getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(months.getAttribute("aria-pressed")).resolves.toBe("false");
    await expect(page.locator(".timeline__tick").first().textContent()).resolves.toMatch(/^Q[1-4] \d{4}$/);
    await expect.poll(async () => (await bars.first().boundingBox())!.width).toBeLessThan(monthWidth);

    // A bar opens the item in the detail panel.
    const rowId = await rowIdOf(bars.first());
    const title = await page.locator(`[data-testid="bar-${rowId}"]`).getAttribute("title");
    await bars.first().click();
    const detail = page.getByTestId("row-detail");
    await detail.waitFor();
    await expect(detail.locator("#row-detail-title").textContent()).resolves.toBe(
      title!.slice(0, title!.lastIndexOf(": ")),
    );

    const phone = await app.newPage({ viewport: { width: 390, height: 844 } });
    await openRoadmap(phone, LEAD, "timeline");
    await phone.locator('[data-testid^="bar-"]').first().waitFor();
    await screenshot(phone, "roadmap-timeline-390");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
