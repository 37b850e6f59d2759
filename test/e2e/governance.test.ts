import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const WIDE = { width: 1280, height: 900 };
const NAME = "Priya Shah";

/** Signs in and opens Aldermoor's leadership team once the board has arrived. */
async function openLeadership(page: Page, email: string, view?: "list") {
  await signIn(page, email);
  await page.goto(`/c/aldermoor/governance${view ? `?view=${view}` : ""}`);
  await expectHeading(page, "Leadership team");
  await page.locator('[data-testid="leadership"][data-ready="true"]').waitFor();
}

function card(page: Page, board: string, name: string): Locator {
  return page.getByTestId(`column-${board}`).locator("[data-card-id]", { hasText: name });
}

describe("the leadership team and the public page", () => {
  test("an editor adds a leader whom the lead sees at once, and the lead publishes them to the public page", async () => {
    const amara = await app.newPage({ viewport: WIDE });
    const ben = await app.newPage({ viewport: WIDE });
    await openLeadership(amara, "amara@aldermoor.example");
    await openLeadership(ben, "ben@partners.example", "list");

    // Ben adds a leader; she appears on Amara's board, on the strategic board and not public.
    await ben.getByRole("button", { name: "Add leader" }).click();
    const benPanel = ben.getByRole("dialog");
    await benPanel.waitFor();
    await ben.keyboard.type(NAME);
    await ben.keyboard.press("Enter");
    const amaraCard = card(amara, "strategic", NAME);
    await amaraCard.waitFor({ timeout: 2_000 });
    await expect(amaraCard.textContent()).resolves.toContain("Not public");

    // He gives her role and contact, moves her to the delivery board and makes her public.
    const role = benPanel.getByLabel("Role", { exact: true });
    await role.fill("Head of transport");
    await role.press("Enter");
    const contact = benPanel.getByLabel("Contact", { exact: true });
    await contact.fill("javascript:alert(1)");
    await contact.press("Enter");
    await benPanel
      .getByText("Enter an email address, a web address starting with https:// or a phone number")
      .waitFor();
    await contact.fill("transport@aldermoor.example");
    await contact.press("Enter");
    await benPanel.getByLabel("Sits on", { exact: true }).selectOption("delivery");
    await benPanel.getByLabel("Public", { exact: true }).check();
    const moved = card(amara, "delivery", NAME);
    await expect.poll(() => moved.textContent(), { timeout: 2_000 }).toContain("Head of transport");
    // The box was ticked last, so its change may arrive a moment after the others.
    await expect.poll(() => moved.getByText("Public", { exact: true }).count(), { timeout: 2_000 }).toBe(1);
    await expect(moved.getByText("Not public").count()).resolves.toBe(0);
    await expect(card(amara, "strategic", NAME).count()).resolves.toBe(0);
    await screenshot(amara, "governance-leadership-board");

    // Until Amara publishes, the public page does not name her.
    const resident = await app.newPage({ javaScriptEnabled: false });
    await resident.goto("/p/aldermoor");
    await expectHeading(resident, "Aldermoor smart city programme");
    await expect(resident.getByText(NAME).count()).resolves.toBe(0);

    await amara.getByRole("link", { name: "Publish the public page" }).click();
    await expectHeading(amara, "Publish the public page");
    const leadership = amara.getByRole("checkbox", { name: "Leadership team" });
    await expect(amara.locator("#section-leadership-state").textContent()).resolves.toBe(
      "Changed since it was published",
    );
    await expect(leadership.isChecked()).resolves.toBe(true);
    await amara.getByRole("button", { name: "Publish", exact: true }).click();
    await amara.getByRole("status").filter({ hasText: "Published as version 3" }).waitFor();
    await expect
      .poll(() => amara.locator("#section-leadership-state").textContent())
      .toBe("Published, no changes since");

    // A resident, without JavaScript, now finds her with her contact, and what changed.
    await resident.goto("/p/aldermoor");
    const delivery = resident.getByRole("region", { name: "Leadership team" });
    await delivery.getByText(NAME).waitFor();
    await expect(
      delivery.getByRole("link", { name: "transport@aldermoor.example" }).getAttribute("href"),
    ).resolves.toBe("mailto:transport@aldermoor.example");
    await resident.getByText(/version 3, published by Amara Okafor/).waitFor();
    await screenshot(resident, "governance-public-page");
    await resident.getByRole("link", { name: "All versions and what changed" }).click();
    const changes = resident.getByTestId("changes");
    await changes.getByText("From version 2 to version 3").waitFor();
    await changes
      .getByText(`${NAME} · Head of transport · Delivery board · contact transport@aldermoor.example`)
      .waitFor();
  });
});
