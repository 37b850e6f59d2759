import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

/** Signs in and opens a city's framework tracker once it is live. */
async function openTracker(page: Page, email: string, slug = "aldermoor"): Promise<void> {
  await signIn(page, email);
  await page.goto(`/c/${slug}/framework`);
  await expectHeading(page, "Framework tracker");
  await page.locator('[data-testid="tracker"][data-ready="true"]').waitFor();
}

/** "12 of 40 in place (30%)" of the overall bar, as the number in place. */
async function inPlaceOverall(page: Page): Promise<number> {
  const text = (await page.locator(".coverage__overall .coverage-bar__count").textContent()) ?? "";
  const match = /^(\d+) of \d+ in place/.exec(text);
  if (!match) throw new Error(`No count in "${text}"`);
  return Number(match[1]);
}

describe("framework tracker", () => {
  test("two members change a recommendation live and the coverage follows", async () => {
    const amara = await app.newPage({ viewport: { width: 1280, height: 900 } });
    const ben = await app.newPage();
    await openTracker(amara, "amara@aldermoor.example");
    await openTracker(ben, "ben@partners.example");

    await amara.selectOption("#status-B7b", "planned");
    await expect.poll(() => ben.locator("#status-B7b").inputValue()).toBe("planned");
    const before = await inPlaceOverall(ben);

    await amara.selectOption("#status-B7b", "in-place");
    await expect.poll(() => ben.locator("#status-B7b").inputValue()).toBe("in-place");
    await expect.poll(() => inPlaceOverall(ben)).toBe(before + 1);

    const target = await ben.locator("#target-B7b").inputValue();
    await ben.selectOption("#owner-B7b", { label: "Amara Okafor" });
    await ben.locator("#target-B7b").fill("2027-03-31");
    await expect.poll(() => amara.locator("#owner-B7b").inputValue()).not.toBe("");
    await expect.poll(() => amara.locator("#target-B7b").inputValue()).toBe("2027-03-31");

    // Undo takes back only the user's own last change.
    await ben.getByRole("button", { name: "Undo a tracker change" }).click();
    await expect.poll(() => amara.locator("#target-B7b").inputValue()).toBe(target);
    await expect.poll(() => amara.locator("#status-B7b").inputValue()).toBe("in-place");
    await screenshot(amara, "framework-tracker");
  });

  test("a recommendation that does not apply needs a reason, shown next to the field", async () => {
    const page = await app.newPage();
    await openTracker(page, "amara@aldermoor.example");
    await page.selectOption("#status-B6c", "not-applicable");
    const reason = page.getByTestId("tracker-row-B6c").getByLabel("Why it does not apply");
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    await page.getByTestId("tracker-row-B6c").getByText("Say why this does not apply to the city").waitFor();
    await reason.fill("Our neighbouring authority leads this for the whole county.");
    await reason.press("Enter");
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe(null);

    await page.reload();
    await page.locator('[data-testid="tracker"][data-ready="true"]').waitFor();
    await expect
      .poll(() => page.getByTestId("tracker-row-B6c").getByLabel("Why it does not apply").inputValue())
      .toBe("Our neighbouring authority leads this for the whole county.");
  });

  test("evidence links to the city's documents, and the tracker downloads as JSON", async () => {
    const page = await app.newPage();
    await openTracker(page, "amara@aldermoor.example");
    const row = page.getByTestId("tracker-row-B1a");
    const remove = row.getByRole("button", { name: "Remove Vision from the evidence for B1a" });
    // Start without the link, whatever the demo holds.
    if ((await remove.count()) > 0) {
      await remove.click();
      await remove.waitFor({ state: "detached" });
    }
    await page.selectOption("#add-evidence-B1a", { label: "Vision" });
    const link = row.getByRole("link", { name: "Vision", exact: true });
    await link.waitFor();

    // The download reads what is stored: wait until the change has been saved.
    await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    const response = await page.request.get("/c/aldermoor/framework/tracker.json");
    expect(response.status()).toBe(200);
    const tracker = (await response.json()) as {
      city: { slug: string };
      recommendations: { id: string; evidence: { type: string; title: string }[] }[];
    };
    expect(tracker.city.slug).toBe("aldermoor");
    expect(tracker.recommendations).toHaveLength(44);
    expect(tracker.recommendations.find((entry) => entry.id === "B1a")?.evidence).toContainEqual(
      expect.objectContaining({ type: "document", title: "Vision" }),
    );

    await remove.click();
    await link.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Undo a tracker change" }).click();
    await link.waitFor();
    await link.click();
    await expectHeading(page, "Vision");
  });

  test("a viewer reads the tracker without controls; another city's member cannot find it", async () => {
    const viewer = await app.newPage();
    await openTracker(viewer, "dev@aldermoor.example");
    await viewer.getByTestId("read-only-badge").waitFor();
    expect(await viewer.locator("#status-B1a").evaluate((element) => element.tagName)).toBe("P");
    expect(await viewer.getByRole("combobox", { name: "Add evidence" }).count()).toBe(0);

    const outsider = await app.newPage();
    await signIn(outsider, "eleanor@brackenford.example");
    for (const path of ["/c/aldermoor/framework", "/c/aldermoor/framework/tracker.json"]) {
      const response = await outsider.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });

  test("the filters narrow the list and say how many match", async () => {
    const page = await app.newPage();
    await openTracker(page, "amara@aldermoor.example");
    await page.getByLabel("Find").fill("B13");
    await page.getByText("1 of 44 recommendations match").waitFor();
    expect(await page.locator(".tracker-row").count()).toBe(1);
    await page.getByLabel("Find").fill("no recommendation says this");
    await page.getByText("No recommendation matches these filters.").waitFor();
    await page.getByRole("button", { name: "Clear the filters" }).click();
    await page.getByText("44 recommendations", { exact: true }).waitFor();
  });
});
