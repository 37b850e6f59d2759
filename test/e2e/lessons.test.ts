import { describe, expect, test } from "vitest";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const WIDE = { width: 1280, height: 900 };
const LESSONS = "/s/uk-smart-cities-network/lessons";

describe("lessons in the network", () => {
  test("a lesson written in one city is read live and discussed by another, which adopts it into its roadmap", async () => {
    const farid = await app.newPage({ viewport: WIDE });
    await signIn(farid, "farid@brackenford.example");
    await farid.goto(LESSONS);
    await expectHeading(farid, "Lessons");
    await farid
      .getByLabel("What did your city learn?")
      .fill("Buy lighting by the outcome, not by the lantern");
    await farid.getByRole("button", { name: "Start the lesson" }).click();
    await expectHeading(farid, "Buy lighting by the outcome, not by the lantern");
    const address = new URL(farid.url()).pathname;

    const amara = await app.newPage({ viewport: WIDE });
    await signIn(amara, "amara@aldermoor.example");
    await amara.goto(address);
    await expectHeading(amara, "Buy lighting by the outcome, not by the lantern");
    // Another city's lead reads the lesson but cannot change it.
    await amara.getByText("Loading the lesson…").waitFor({ state: "detached" });
    await expect(amara.locator('.lesson-panel [contenteditable="true"]').count()).resolves.toBe(0);

    // What Brackenford writes appears for Aldermoor as it is typed.
    const need = farid.locator(".lesson-panel .ProseMirror").nth(1);
    await need.click();
    await farid.keyboard.type(
      "Lanterns were specified to the watt; what we needed was light where people walk.",
    );
    // Read without the writer's caret, which sits inside the text it follows.
    const amaraNeed = amara.locator(".lesson-panel .ProseMirror").nth(1);
    await expect
      .poll(
        () =>
          amaraNeed.evaluate((element) => {
            const copy = element.cloneNode(true) as HTMLElement;
            copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
            return copy.textContent;
          }),
        { timeout: 5_000 },
      )
      .toBe("Lanterns were specified to the watt; what we needed was light where people walk.");

    // Aldermoor asks about it; Brackenford sees the question arrive.
    await amara.getByLabel("Subject").fill("Who measured the light?");
    await amara.getByLabel("Message").fill("Did you measure light levels on the footpaths yourselves?");
    await amara.getByRole("button", { name: "Start discussion" }).click();
    const thread = farid.getByRole("listitem").filter({
      has: farid.getByRole("heading", { name: "Who measured the light?" }),
    });
    await thread.waitFor({ timeout: 5_000 });
    await expect(thread.textContent()).resolves.toContain("Amara Okafor · Aldermoor");

    await amara.getByRole("button", { name: "Mark as useful" }).click();
    await amara.getByText("1 person found it useful").waitFor();
    await screenshot(amara, "lesson");

    await amara.getByRole("button", { name: "Adopt into Aldermoor's roadmap" }).click();
    await amara.waitForURL((url) => url.pathname === "/c/aldermoor/roadmap" && url.searchParams.has("item"));
    const panel = amara.getByRole("dialog");
    await expect
      .poll(() => panel.getByLabel("Title").inputValue(), { timeout: 5_000 })
      .toBe("Buy lighting by the outcome, not by the lantern");
    const back = panel.getByRole("link", {
      name: "Brackenford's lesson “Buy lighting by the outcome, not by the lantern”",
    });
    await expect(back.getAttribute("href")).resolves.toBe(address);
  });
});
