import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const WIDE = { width: 1280, height: 900 };
const NETWORK = "/s/uk-smart-cities-network";

async function open(page: Page, email: string, path: string): Promise<void> {
  await signIn(page, email);
  await page.goto(path);
}

/** The address of the demo's joint procurement, as Aldermoor's lead finds it on the city's spaces page. */
async function jointAddress(page: Page): Promise<string> {
  await page.goto("/c/aldermoor/spaces");
  const href = await page.getByRole("link", { name: /^Joint procurement:/ }).getAttribute("href");
  if (!href) throw new Error("The demo has no joint procurement");
  return href;
}

describe("shared spaces", () => {
  test("people of two cities discuss in the network and see each other's posts arrive", async () => {
    const amara = await app.newPage({ viewport: WIDE });
    const eleanor = await app.newPage({ viewport: WIDE });
    await open(amara, "amara@aldermoor.example", NETWORK);
    await open(eleanor, "eleanor@brackenford.example", NETWORK);
    await expectHeading(amara, "UK smart cities network");
    await expectHeading(eleanor, "UK smart cities network");

    await eleanor.getByLabel("Subject").fill("Open standards for sensor data");
    await eleanor.getByLabel("Message").fill("Which data standard did you choose for air quality sensors?");
    await eleanor.getByRole("button", { name: "Start discussion" }).click();
    const thread = amara.getByRole("listitem").filter({
      has: amara.getByRole("heading", { name: "Open standards for sensor data" }),
    });
    await thread.waitFor({ timeout: 3_000 });
    await expect(thread.textContent()).resolves.toContain("Eleanor Shaw · Brackenford");
    // The form is ready for the next discussion once the post is in.
    await expect.poll(() => eleanor.getByLabel("Subject").inputValue()).toBe("");

    await thread
      .getByLabel("Reply to “Open standards for sensor data”")
      .fill("We publish to the city's open data portal.");
    await thread.getByRole("button", { name: "Reply" }).click();
    const reply = eleanor.getByText("We publish to the city's open data portal.");
    await reply.waitFor({ timeout: 3_000 });
    await expect(
      eleanor.getByRole("listitem").filter({ has: reply }).last().textContent(),
    ).resolves.toContain("Amara Okafor · Aldermoor");

    // An empty reply is refused beside the field, and nothing is lost.
    await thread.getByRole("button", { name: "Reply" }).click();
    await expect(
      thread
        .getByLabel("Reply to “Open standards for sensor data”")
        .evaluate((element) => (element as HTMLTextAreaElement).validity.valueMissing),
    ).resolves.toBe(true);
    await screenshot(amara, "network-discussion");
  });

  test("a joint opportunity opens to a city only once its lead accepts, then is co-edited live by both", async () => {
    const amara = await app.newPage({ viewport: WIDE });
    await signIn(amara, "amara@aldermoor.example");
    const address = await jointAddress(amara);

    // Castlebridge has been invited but has not answered: for its lead the space does not exist yet.
    const isla = await app.newPage({ viewport: WIDE });
    await signIn(isla, "isla@castlebridge.example");
    const before = await isla.goto(`${address}/opportunity`);
    expect(before?.status()).toBe(404);
    await isla.goto("/c/castlebridge/spaces");
    await isla.getByRole("button", { name: /^Accept/ }).click();
    await isla.waitForURL((url) => url.pathname === address);
    await isla.getByRole("link", { name: "Joint opportunity" }).click();
    await expectHeading(isla, "Joint opportunity");
    await isla.getByText("Aldermoor, Brackenford, Castlebridge", { exact: true }).waitFor();

    await amara.goto(`${address}/opportunity`);
    await expectHeading(amara, "Joint opportunity");
    const islaValue = isla.getByLabel("Estimated value", { exact: true });
    const amaraValue = amara.getByLabel("Estimated value", { exact: true });
    await islaValue.waitFor();
    await amaraValue.waitFor();
    await islaValue.fill("6100000");
    await islaValue.press("Enter");
    await expect.poll(() => amaraValue.inputValue(), { timeout: 3_000 }).toBe("6100000");
    await amara.getByText("Also here: Isla Morgan").waitFor({ timeout: 3_000 });
    await screenshot(amara, "joint-opportunity");
  });
});
