import type { Editor } from "@tiptap/core";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

/** The document's text as its author wrote it, without the name labels of other people's carets. */
function documentText(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  });
}

async function openVision(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await page.goto("/c/aldermoor/docs");
  await expectHeading(page, "Documents");
  await page.getByRole("link", { name: "Vision", exact: true }).click();
  await expectHeading(page, "Vision");
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
}

/**
 * Puts the caret at the end of the document as a user would, and waits until the editor has taken
 * the move: a key pressed within a few milliseconds of it would otherwise act where the caret was.
 */
async function moveCaretToEnd(page: Page, editor: Locator): Promise<void> {
  await editor.click();
  await page.keyboard.press("Control+End");
  await expect
    .poll(() =>
      editor.evaluate((element) => {
        const { state } = (element as HTMLElement & { editor: Editor }).editor;
        return state.selection.to === state.doc.content.size - 1;
      }),
    )
    .toBe(true);
}

describe("live documents", () => {
  test("two people type into one document at once and see each other's text and caret", async () => {
    const amara = await app.newPage();
    const ben = await app.newPage();
    await openVision(amara, "amara@aldermoor.example");
    await openVision(ben, "ben@partners.example");

    const amaraText = amara.getByRole("textbox", { name: "Vision" });
    const benText = ben.getByRole("textbox", { name: "Vision" });
    // Aldermoor's demo vision is already written: both add to the end of it.
    await expect.poll(() => documentText(amaraText)).not.toBe("");
    const vision = await documentText(amaraText);
    await moveCaretToEnd(amara, amaraText);
    await amara.keyboard.press("Enter");
    await amara.keyboard.type("A greener Aldermoor. ");
    await expect.poll(() => documentText(benText)).toBe(`${vision}A greener Aldermoor. `);
    await moveCaretToEnd(ben, benText);
    await ben.keyboard.type("Open data by default.");

    await expect
      .poll(() => documentText(amaraText), { timeout: 1_000 })
      .toBe(`${vision}A greener Aldermoor. Open data by default.`);
    await expect
      .poll(() => documentText(benText), { timeout: 1_000 })
      .toBe(`${vision}A greener Aldermoor. Open data by default.`);
    await amara
      .locator(".collaboration-carets__label", { hasText: "Ben Hughes" })
      .waitFor({ timeout: 1_000 });
    await ben
      .locator(".collaboration-carets__label", { hasText: "Amara Okafor" })
      .waitFor({ timeout: 1_000 });

    await amara.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    await expect(
      amara.getByRole("list", { name: "People in this document" }).getByRole("listitem").count(),
    ).resolves.toBe(2);
    await amara.getByText("Online now: Amara Okafor, Ben Hughes").waitFor();
    await screenshot(amara, "editor-two-carets");
  });

  test("formats text from the keyboard-operable toolbar", async () => {
    const page = await app.newPage();
    await openVision(page, "amara@aldermoor.example");
    const text = page.getByRole("textbox", { name: "Vision" });
    // The text the first test typed must have arrived before this one adds to it: typing into a
    // document still loading would put its arriving text into the new heading.
    await expect.poll(() => text.textContent()).toContain("Open data by default.");
    await moveCaretToEnd(page, text);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Heading 2" }).click();
    await page.keyboard.type("Our themes");
    await expect(text.locator("h2").last().textContent()).resolves.toBe("Our themes");
    await expect(page.getByRole("button", { name: "Heading 2" }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );

    // The toolbar is one Tab stop; arrow keys move along it.
    await page.getByRole("button", { name: "Bold" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe(
      "Italic",
    );
  });

  test("typing @ offers the city's members and inserts a mention", async () => {
    const page = await app.newPage();
    await openVision(page, "amara@aldermoor.example");
    const text = page.getByRole("textbox", { name: "Vision" });
    // The text the first test typed must have arrived before this one adds to it: typing into a
    // document still loading would put its arriving text into the new heading.
    await expect.poll(() => text.textContent()).toContain("Open data by default.");
    await moveCaretToEnd(page, text);
    await page.keyboard.press("Enter");
    await page.keyboard.type("Ask @Chl");
    const options = page.getByRole("listbox", { name: "Members to mention" }).getByRole("option");
    await expect.poll(() => options.allTextContents()).toEqual(["Chloe Davies"]);
    await page.keyboard.press("Enter");
    await expect(text.locator(".mention").last().textContent()).resolves.toBe("@Chloe Davies");
    await expect(page.getByRole("listbox", { name: "Members to mention" }).count()).resolves.toBe(0);
  });

  test("signing out deletes the copies of documents kept in the browser", async () => {
    const page = await app.newPage();
    await openVision(page, "amara@aldermoor.example");
    const cached = () =>
      page.evaluate(async () =>
        (await indexedDB.databases())
          .map((database) => database.name)
          .filter((name) => name?.startsWith("scf:")),
      );
    await expect.poll(cached).toHaveLength(1);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expectHeading(page, "Run your smart city programme together");
    await expect.poll(cached).toEqual([]);
  });

  test("a viewer reads the document but cannot change it", async () => {
    const lead = await app.newPage();
    await openVision(lead, "amara@aldermoor.example");
    const viewer = await app.newPage();
    await signIn(viewer, "dev@aldermoor.example");
    await viewer.goto("/c/aldermoor/docs");
    await viewer.getByRole("link", { name: "Vision", exact: true }).click();
    await viewer.getByTestId("read-only-badge").waitFor();
    await viewer.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    await expect(viewer.getByRole("toolbar").count()).resolves.toBe(0);
    const before = await viewer.getByRole("textbox", { name: "Vision" }).textContent();
    await viewer.getByRole("textbox", { name: "Vision" }).click();
    await viewer.keyboard.type("should not appear");
    await expect(viewer.getByRole("textbox", { name: "Vision" }).textContent()).resolves.toBe(before);
    await expect(
      viewer.getByRole("textbox", { name: "Vision" }).getAttribute("contenteditable"),
    ).resolves.toBe("false");
  });
});
