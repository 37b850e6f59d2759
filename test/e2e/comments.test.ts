import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

async function openOperatingModel(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await page.goto("/c/aldermoor/docs");
  await page.getByRole("link", { name: "Operating model", exact: true }).click();
  await expectHeading(page, "Operating model");
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
}

describe("comments", () => {
  test("a comment appears live for the other person, replies follow, and deleting the text detaches it", async () => {
    const amara = await app.newPage();
    const chloe = await app.newPage();
    await openOperatingModel(amara, "amara@aldermoor.example");
    await openOperatingModel(chloe, "chloe@aldermoor.example");

    const text = amara.getByRole("textbox", { name: "Operating model" });
    await text.click();
    await amara.keyboard.type("Join up parking and transport data.");
    await amara.keyboard.press("Shift+Home");
    await amara.getByRole("button", { name: "Comment on selected text" }).click();
    await amara.getByLabel("Your comment").fill("Which teams own this data today?");
    await amara.getByRole("button", { name: "Comment", exact: true }).click();

    const chloeThread = chloe.getByTestId("comment-thread");
    await chloeThread.filter({ hasText: "Which teams own this data today?" }).waitFor({ timeout: 2_000 });
    await expect(chloeThread.textContent()).resolves.toContain("“Join up parking and transport data.”");
    await chloe.locator(".comment-anchor").first().waitFor();

    await chloeThread.getByLabel("Reply").fill("Transport owns the feeds; parking is contracted out.");
    await chloeThread.getByRole("button", { name: "Reply" }).click();
    await amara
      .getByTestId("comment-thread")
      .filter({ hasText: "Transport owns the feeds" })
      .waitFor({ timeout: 2_000 });
    await screenshot(amara, "comments");

    await text.click();
    await amara.keyboard.press("Control+A");
    await amara.keyboard.press("Backspace");
    await chloeThread.getByText("Detached: the commented text was deleted").waitFor({ timeout: 2_000 });
  });
});
