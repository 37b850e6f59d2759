import { describe, expect, test } from "vitest";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

/** The lead who signs up in the first test; later tests sign in as them. */
const lead = {
  name: "Priya Raman",
  email: "priya@northwick.example",
  password: "lanterns over the harbour",
};
const city = { name: "Northwick Vale", slug: "northwick-vale", country: "Ireland" };
const invitee = { name: "Tom Ellis", email: "tom@northwick.example", password: "seven quiet bridges" };

describe("a new lead starts a city and brings someone in", () => {
  test("signs up, sees no cities yet, creates a city and lands on its overview as lead", async () => {
    const page = await app.newPage();
    await page.goto("/signup");
    await expectHeading(page, "Create an account");

    await page.getByLabel("Full name").fill(lead.name);
    await page.getByLabel("Email address").fill(lead.email);
    await page.getByLabel("Password").fill(lead.password);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL(`${app.url}/`);
    await expectHeading(page, "Your cities");
    const main = page.getByRole("main");
    await expect(main.getByText(`Signed in as ${lead.name}`).isVisible()).resolves.toBe(true);
    await expect(main.getByText("You do not belong to any city yet.").isVisible()).resolves.toBe(true);

    await main.getByRole("link", { name: "Create a city" }).click();
    await expectHeading(page, "Create a city");
    await page.getByLabel("City name").fill(city.name);
    // The web address follows the name as it is typed.
    await expect.poll(() => page.getByLabel("Web address").inputValue()).toBe(city.slug);
    await expect(page.getByLabel("Country").inputValue()).resolves.toBe("United Kingdom");
    await page.getByLabel("Country").fill(city.country);
    await page.getByRole("button", { name: "Create city" }).click();

    await page.waitForURL(`${app.url}/c/${city.slug}`);
    await expectHeading(page, city.name);
    await expect(page.getByText(`${city.country} · you are lead`).isVisible()).resolves.toBe(true);
    const role = page.locator(".inset", { hasText: "Lead." });
    await expect(role.textContent()).resolves.toMatch(/^Lead\. Accountable for the programme/);
    await expect(main.getByText(`1 member, led by ${lead.name}.`).isVisible()).resolves.toBe(true);
    await expect(page.title()).resolves.toBe(`${city.name} · SCF Workspace`);
  });

  test("invites an editor, who creates an account from the link and joins the city", async () => {
    const leadPage = await app.newPage();
    await signIn(leadPage, lead.email, lead.password);
    await leadPage.goto(`/c/${city.slug}/members`);
    await expectHeading(leadPage, "Members");

    await leadPage.getByRole("textbox", { name: "Email address" }).fill(invitee.email);
    await leadPage.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: "Editor" });
    await leadPage.getByRole("button", { name: "Create invitation link" }).click();

    const notice = leadPage
      .getByRole("status")
      .filter({ hasText: `Invitation for ${invitee.email} created` });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(`join ${city.name} as editor`);
    const link = await leadPage.getByRole("textbox", { name: "Invitation link" }).inputValue();
    expect(link).toMatch(new RegExp(`^${app.url}/invite/[A-Za-z0-9_-]{20,}$`));
    const invitations = leadPage.getByRole("table").filter({ hasText: "Expires" });
    // The list of pending invitations follows the notice once the page's data is fetched again.
    await expect
      .poll(() => invitations.getByRole("row", { name: new RegExp(invitee.email) }).count())
      .toBe(1);

    // The invited person opens the link in a browser of their own.
    const inviteePage = await app.newPage();
    await inviteePage.goto(link);
    await expectHeading(inviteePage, `Join ${city.name}`);
    await expect(inviteePage.getByText(`invited to join ${city.name} as editor`).isVisible()).resolves.toBe(
      true,
    );
    await expect(inviteePage.getByLabel("Email address").inputValue()).resolves.toBe(invitee.email);
    await inviteePage.getByLabel("Full name").fill(invitee.name);
    await inviteePage.getByLabel("Choose a password").fill(invitee.password);
    await inviteePage.getByRole("button", { name: "Create account and join" }).click();

    await inviteePage.waitForURL(`${app.url}/c/${city.slug}`);
    await expectHeading(inviteePage, city.name);
    await expect(inviteePage.getByText(`${city.country} · you are editor`).isVisible()).resolves.toBe(true);
    await expect(inviteePage.getByText(`Signed in`).count()).resolves.toBe(0);
    await expect(
      inviteePage.getByRole("link", { name: `Your account: ${invitee.name}` }).isVisible(),
    ).resolves.toBe(true);

    // Back in the lead's browser, the new member is in the table and the invitation is used up.
    await leadPage.reload();
    await expectHeading(leadPage, "Members");
    const members = leadPage.getByRole("table", { name: `Members of ${city.name}` });
    const row = members.getByRole("row").filter({ hasText: invitee.name });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(invitee.email);
    await expect(row.getByRole("combobox", { name: `Role of ${invitee.name}` }).inputValue()).resolves.toBe(
      "editor",
    );
    await expect(leadPage.getByText("No invitations are waiting to be accepted.").isVisible()).resolves.toBe(
      true,
    );
    await screenshot(leadPage, "members");
  });

  test("the overview at 320px wide, as on a small phone", async () => {
    const page = await app.newPage({ viewport: { width: 320, height: 640 } });
    await signIn(page, lead.email, lead.password);
    await page.goto(`/c/${city.slug}`);
    await expectHeading(page, city.name);
    await screenshot(page, "overview-320");
    const sections = page.getByRole("navigation", { name: `${city.name} sections` });
    await expect(sections.getByRole("link", { name: "Members" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);

    await sections.getByRole("link", { name: "Members" }).click();
    await expectHeading(page, "Members");
    await screenshot(page, "members-320");
  });

  test("no page scrolls sideways at 320px", async () => {
    const page = await app.newPage({ viewport: { width: 320, height: 640 } });
    await signIn(page, lead.email, lead.password);
    const overflowing: string[] = [];
    for (const path of ["/", `/c/${city.slug}`, `/c/${city.slug}/members`]) {
      await page.goto(path);
      await expectHeading(page, /./);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`${path} is ${width}px wide`);
    }
    expect(overflowing).toEqual([]);
  });
});
