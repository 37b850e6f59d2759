import { describe, expect, test } from "vitest";
import {
  accessibleDescription,
  expectHeading,
  screenshot,
  signIn,
  useBrowserWorkspace,
} from "./support/harness";

const app = useBrowserWorkspace();

describe("guiding principles", () => {
  test("a lead agrees with the current version and sees the count go up", async () => {
    const page = await app.newPage();
    await signIn(page, "isla@castlebridge.example");
    await page.goto("/c/castlebridge/docs");
    await page.getByRole("link", { name: "Guiding principles", exact: true }).click();
    await expectHeading(page, "Guiding principles");

    const agreement = page.getByRole("region", { name: "Agreement" });
    const summary = agreement.getByText(/^Agreed by \d+ of \d+ leads and editors/);
    await expect
      .poll(() => summary.textContent())
      .toBe("Agreed by 1 of 2 leads and editors as of version 2.");
    await expect
      .poll(() => agreement.getByRole("listitem").allTextContents())
      .toEqual([
        expect.stringMatching(/^Ben Hughes, editor – agreed on /),
        expect.stringMatching(/^Isla Morgan, lead – agreed with version 1 on /),
      ]);
    await screenshot(page, "principles-agreement");

    await agreement.getByRole("button", { name: "I agree with this version" }).click();
    await agreement.getByRole("status").filter({ hasText: "You agreed with version 2." }).waitFor();
    await expect
      .poll(() => summary.textContent())
      .toBe("Agreed by 2 of 2 leads and editors as of version 2.");
    const button = agreement.getByRole("button", { name: "I agree with this version" });
    expect(await button.isDisabled()).toBe(true);
    expect(await accessibleDescription(button)).toMatch(/^You agreed with version 2 on /);
    await expect.poll(() => agreement.getByText("Not yet agreed with").count()).toBe(0);

    await agreement.getByRole("link", { name: "version 2" }).click();
    await expectHeading(page, /Refreshed for 2030, April 2025$/);
  });

  test("a viewer reads who agreed but has no button", async () => {
    const page = await app.newPage();
    await signIn(page, "dev@aldermoor.example");
    await page.goto("/c/aldermoor/docs");
    await page.getByRole("link", { name: "Guiding principles", exact: true }).click();
    const agreement = page.getByRole("region", { name: "Agreement" });
    await agreement.getByText("Agreed by 1 of 2 leads and editors as of version 2.").waitFor();
    await agreement.getByText("Not yet agreed with version 2").waitFor();
    expect(await agreement.getByRole("button").count()).toBe(0);
    await agreement.getByText("Leads and editors record here that they agree with the principles.").waitFor();
  });
});
