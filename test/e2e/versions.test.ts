import { describe, expect, test } from "vitest";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

describe("version history", () => {
  test("a named version can be compared with now and restored, and its text returns", async () => {
    const page = await app.newPage();
    await signIn(page, "isla@castlebridge.example");
    await page.goto("/c/castlebridge/docs");
    await page.getByRole("link", { name: "Vision", exact: true }).click();
    await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    const text = page.getByRole("textbox", { name: "Vision" });
    await text.click();
    await page.keyboard.type("Every neighbourhood shapes the plan.");
    await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    // Castlebridge's demo vision is already written; the sentence went in among its text.
    const written = await text.textContent();
    expect(written).toContain("Every neighbourhood shapes the plan.");

    await page.getByRole("link", { name: "History" }).click();
    await expectHeading(page, /History/);
    await page.getByLabel("Save the document as it is now").fill("Before the workshop");
    await page.getByRole("button", { name: "Save version" }).click();
    await expectHeading(page, /Before the workshop/);
    await page.getByRole("link", { name: "Back to the document" }).click();

    await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    await text.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("A rewritten vision.");
    await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();

    await page.getByRole("link", { name: "History" }).click();
    await page.getByRole("link", { name: "Before the workshop" }).click();
    await page.getByTestId("version-diff").locator("ins", { hasText: "rewritten" }).waitFor();
    await screenshot(page, "version-diff");
    await page.getByRole("link", { name: "Restore this version" }).click();
    await page.getByRole("button", { name: "Restore this version" }).click();

    await expectHeading(page, "Vision");
    await expect
      .poll(() => page.getByRole("textbox", { name: "Vision" }).textContent(), { timeout: 5_000 })
      .toBe(written);
  });
});
