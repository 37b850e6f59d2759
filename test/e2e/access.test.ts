import { describe, expect, test } from "vitest";
import { expectHeading, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

describe("what a role may see and do", () => {
  test("a viewer sees the members but cannot invite, and a forged invite is refused", async () => {
    const page = await app.newPage();
    await signIn(page, "dev@aldermoor.example");
    await page.goto("/c/aldermoor/members");
    await expectHeading(page, "Members");

    const table = page.getByRole("table", { name: "Members of Aldermoor" });
    await expect(table.getByRole("row").count()).resolves.toBe(5); // the header and four people
    await expect(table.getByRole("row").filter({ hasText: "Amara Okafor" }).textContent()).resolves.toContain(
      "Lead",
    );
    await expect(
      table.getByRole("row").filter({ hasText: "Dev Patel (you)" }).textContent(),
    ).resolves.toContain("dev@aldermoor.example");
    // No management for a viewer: no invite form, no role controls, no removal, no one else's email.
    await expect(page.getByRole("heading", { name: "Invite someone" }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Create invitation link" }).count()).resolves.toBe(0);
    await expect(page.getByRole("combobox").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: /Change/ }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: /Remove/ }).count()).resolves.toBe(0);
    await expect(page.getByRole("columnheader", { name: "Actions" }).count()).resolves.toBe(0);
    await expect(page.getByText("amara@aldermoor.example").count()).resolves.toBe(0);

    // The same request the lead's invite form sends, made from this page (same origin, own cookie).
    const email = "intruder@elsewhere.example";
    const answer = await page.evaluate(async (email) => {
      const response = await fetch("/c/aldermoor/members", {
        method: "POST",
        body: new URLSearchParams({ intent: "invite", email, role: "editor" }),
      });
      return { status: response.status, body: await response.text() };
    }, email);
    expect(answer.status).toBe(403);
    // Refused by the role check, not by the Origin check in front of it.
    expect(answer.body).toContain("You do not have permission to do that");
    expect(answer.body).not.toContain("did not come from the workspace");

    const invitations = await app.workspace.services.db.selectFrom("invitations").select(["email"]).execute();
    expect(invitations).toEqual([]);

    // And the lead's page lists no open invitation either.
    const leadPage = await app.newPage();
    await signIn(leadPage, "amara@aldermoor.example");
    await leadPage.goto("/c/aldermoor/members");
    await expectHeading(leadPage, "Members");
    await expect(leadPage.getByText("No invitations are waiting to be accepted.").isVisible()).resolves.toBe(
      true,
    );
  });

  test("a member of one city gets 'Page not found' for a city they do not belong to", async () => {
    const page = await app.newPage();
    await signIn(page, "amara@aldermoor.example");
    await page.goto("/c/aldermoor");
    await expectHeading(page, "Aldermoor");

    for (const path of ["/c/brackenford", "/c/brackenford/members", "/c/no-such-city"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expectHeading(page, "Page not found");
      await expect(page.getByText("Brackenford").count()).resolves.toBe(0);
      await expect(page.getByText("Eleanor Shaw").count()).resolves.toBe(0);
    }
    // Brackenford is not in the city switcher either.
    await page.getByText("Your cities").click();
    const switcher = page.getByRole("navigation", { name: "Switch city" });
    await switcher.waitFor();
    await expect(switcher.getByRole("link").allTextContents()).resolves.toEqual([
      "Aldermoor Lead",
      "Create a city",
    ]);
  });
});
