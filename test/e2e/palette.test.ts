import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectHeading, focused, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

function palette(page: Page) {
  return page.getByRole("dialog", { name: "Jump to a page or document" });
}

function optionLabels(page: Page): Promise<string[]> {
  return palette(page).locator(".palette__label").allTextContents();
}

async function selectedOption(page: Page): Promise<string> {
  return (
    (await palette(page).getByRole("option", { selected: true }).locator(".palette__label").textContent()) ??
    ""
  );
}

describe("the Ctrl+K palette", () => {
  test("opens with Control+K, filters as one types, goes with Enter, and closes with Escape back to where focus was", async () => {
    const page = await app.newPage();
    await signIn(page, "amara@aldermoor.example");
    await page.goto("/c/aldermoor");
    await expectHeading(page, "Aldermoor");

    await page.getByRole("link", { name: "Members", exact: true }).focus();
    await page.keyboard.press("Control+K");
    await palette(page).waitFor();
    const input = palette(page).getByRole("combobox", { name: "Page or document name" });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    // The pages, then the documents, most recently changed first, then the framework's clauses.
    await expect.poll(async () => (await optionLabels(page)).length).toBe(7 + 4 + 17);
    const labels = await optionLabels(page);
    expect(labels.slice(0, 7)).toEqual([
      "Overview",
      "Documents",
      "Roadmap",
      "Procurement pipeline",
      "Framework tracker",
      "Members",
      "Search",
    ]);
    expect(labels.slice(7, 11).sort()).toEqual([
      "Guiding principles",
      "Operating model",
      "Progress update, November 2026",
      "Vision",
    ]);
    expect(labels[11]).toBe("A Guiding principles");

    // Escape closes it and focus returns to the link it was opened from.
    await page.keyboard.press("Escape");
    await palette(page).waitFor({ state: "hidden" });
    expect(await focused(page)).toMatchObject({ tag: "a", text: "Members", visible: true });

    // Typing filters; the arrow keys move the choice; Tab stays inside the dialog.
    await page.keyboard.press("Control+K");
    await palette(page).waitFor();
    await page.keyboard.type("princ");
    await expect
      .poll(() => optionLabels(page))
      .toEqual(["Guiding principles", "A Guiding principles", "Search documents for “princ”"]);
    expect(await selectedOption(page)).toBe("Guiding principles");
    await page.keyboard.press("ArrowDown");
    expect(await selectedOption(page)).toBe("A Guiding principles");
    await page.keyboard.press("ArrowDown");
    expect(await selectedOption(page)).toBe("Search documents for “princ”");
    await page.keyboard.press("ArrowDown");
    expect(await selectedOption(page)).toBe("Guiding principles");
    for (let step = 0; step < 3; step++) {
      await page.keyboard.press("Tab");
      expect(await palette(page).evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    }
    await input.focus();
    await screenshot(page, "palette-filtered");

    await page.keyboard.press("Enter");
    await page.waitForURL(/\/c\/aldermoor\/docs\/[0-9a-f-]{36}$/);
    await expectHeading(page, "Guiding principles");
    await palette(page).waitFor({ state: "hidden" });

    // From inside the editor too, and to a page.
    await page.getByRole("textbox", { name: "Guiding principles" }).click();
    await page.keyboard.press("Control+K");
    await palette(page).waitFor();
    await page.keyboard.type("memb");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/c\/aldermoor\/members$/);
    await expectHeading(page, "Members");
  });

  test("the search box in the city navigation finds documents by their words", async () => {
    const page = await app.newPage();
    await signIn(page, "dev@aldermoor.example");
    await page.goto("/c/aldermoor/docs");
    await page.getByRole("searchbox", { name: "Search Aldermoor's documents" }).fill("operating");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/c\/aldermoor\/search\?q=operating$/);
    await expectHeading(page, "Search");
    await page.getByText("1 document matches “operating”").waitFor();
    await expect(page.locator(".search-result mark").allTextContents()).resolves.toEqual(["Operating"]);
    await screenshot(page, "search-results");
  });
});
