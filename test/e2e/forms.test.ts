import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import {
  accessibleDescription,
  expectHeading,
  focused,
  screenshot,
  useBrowserWorkspace,
} from "./support/harness";

const app = useBrowserWorkspace();

async function submitBadSignUp(page: Page, email: string) {
  await page.goto("/signup");
  await expectHeading(page, "Create an account");
  await page.getByLabel("Full name").fill("");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
}

async function expectSignUpErrors(page: Page, email: string, timeout?: number) {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor({ timeout });
  await expect(summary.getByRole("link").allTextContents()).resolves.toEqual([
    "Enter your name",
    "Password must be at least 10 characters",
  ]);

  const name = page.getByLabel("Full name");
  await expect(name.getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(accessibleDescription(name)).resolves.toBe("Error: Enter your name");

  const password = page.getByLabel("Password");
  await expect(password.getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(accessibleDescription(password)).resolves.toContain(
    "Error: Password must be at least 10 characters",
  );

  const emailField = page.getByLabel("Email address");
  await expect(emailField.inputValue()).resolves.toBe(email);
  await expect(emailField.getAttribute("aria-invalid")).resolves.toBeNull();
  expect(new URL(page.url()).pathname).toBe("/signup");
}

describe("forms and keyboard", () => {
  test("sign-up with an empty name and a short password shows what to fix, keeping the email", async () => {
    const page = await app.newPage();
    const email = "nadia@example.org";
    await submitBadSignUp(page, email);
    await expectSignUpErrors(page, email);
    // The summary takes focus, so a screen reader announces it and Tab continues from there.
    await expect.poll(async () => (await focused(page)).text).toMatch(/^There is a problem/);
    await screenshot(page, "signup-errors");
  });

  test("the same errors without JavaScript (the form works as plain HTML)", async () => {
    const page = await app.newPage({ javaScriptEnabled: false });
    const email = "no-script@example.org";
    await submitBadSignUp(page, email);
    await page.waitForLoadState("load");
    await expectSignUpErrors(page, email, 3_000);
  });

  test("the skip link is the first Tab stop and moves focus to the main content", async () => {
    const page = await app.newPage();
    await page.goto("/");
    await expectHeading(page, "Run your smart city programme together");

    await page.keyboard.press("Tab");
    const first = await focused(page);
    expect(first).toMatchObject({ tag: "a", text: "Skip to main content", visible: true });

    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).id).toBe("main-content");
    expect(new URL(page.url()).hash).toBe("#main-content");

    // The next Tab goes on inside the main content, past the header's links.
    await page.keyboard.press("Tab");
    const next = await focused(page);
    expect(next).toMatchObject({ tag: "a", text: "Create an account" });
    await expect(
      page.evaluate(() => document.getElementById("main-content")?.contains(document.activeElement)),
    ).resolves.toBe(true);
  });
});
