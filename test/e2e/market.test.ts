import { describe, expect, test } from "vitest";
import { findCityBySlug } from "../../db/repositories/cities";
import { publishRelease } from "../server/procurement/market-support";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const TITLE = "Heritage lantern restoration";

async function publishLanterns(): Promise<string> {
  const { db } = app.workspace.services;
  const city = (await findCityBySlug(db, { slug: "aldermoor" }))!;
  return publishRelease(db, city, {
    title: TITLE,
    description:
      "The old town's cast-iron lanterns light the streets again, at a tenth of today's energy use.",
    category: "works",
    tenderStart: "2027-04-01",
    value: { amount: 450_000, currency: "GBP" },
  });
}

describe("market engagement", () => {
  test("a supplier finds an opportunity, signs up and registers interest; the lead answers and the supplier reads it", async () => {
    const rowId = await publishLanterns();

    // A supplier without an account finds the opportunity among every city's pipelines.
    const supplier = await app.newPage();
    await supplier.goto("/");
    await supplier.getByRole("link", { name: "See what cities plan to buy" }).click();
    await expectHeading(supplier, "Cities' procurement pipelines");
    await supplier.getByLabel("Search").fill("heritage lantern");
    await supplier.getByLabel("Category").selectOption("works");
    await supplier.getByRole("button", { name: "Apply filters" }).click();
    await supplier.waitForURL(/\/pipelines\?q=heritage\+lantern&category=works/);
    await supplier
      .getByRole("status")
      .filter({ hasText: /^1 of \d+ opportunit(y|ies) matches the filters$/ })
      .waitFor();
    await screenshot(supplier, "market-pipelines-filtered");
    // The list of opportunities, not the group of similar plans, which may name it too.
    await supplier.getByRole("region", { name: "Opportunities" }).getByRole("link", { name: TITLE }).click();
    await expectHeading(supplier, TITLE);
    expect(new URL(supplier.url()).pathname).toBe(`/p/aldermoor/pipeline/${rowId}`);

    await supplier.getByRole("main").getByRole("link", { name: "create an account" }).click();
    await expectHeading(supplier, "Create an account");
    await supplier.getByLabel("Full name").fill("Priya Lamplighter");
    await supplier.getByLabel("Email address").fill("priya@lamplight.example");
    await supplier.getByLabel("Password").fill("lanterns and lamplight");
    await supplier.getByRole("button", { name: "Create account" }).click();
    await expectHeading(supplier, TITLE);

    const organisation = supplier.getByLabel("Organisation");
    await organisation.fill("Lamplight Works Ltd");
    await supplier.getByLabel("Message").fill("We restore cast-iron lanterns and fit LED gear inside them.");
    await supplier.getByRole("button", { name: "Register interest" }).click();
    const contact = supplier.getByLabel("Contact");
    await expect.poll(() => contact.getAttribute("aria-invalid")).toBe("true");
    await supplier
      .locator(".field__error")
      .filter({ hasText: "Enter how the city can reach you, such as an email address or a phone number" })
      .waitFor();
    expect(await organisation.inputValue()).toBe("Lamplight Works Ltd");

    await contact.fill("Priya Lamplighter, 01632 960123");
    await supplier.getByRole("button", { name: "Register interest" }).click();
    await supplier.getByRole("status").filter({ hasText: "Your interest has been registered" }).waitFor();
    await supplier.getByText("Not answered yet.").waitFor();
    await screenshot(supplier, "market-interest-registered");

    // Aldermoor's lead is told, reads the interest and answers it.
    const lead = await app.newPage();
    await signIn(lead, "amara@aldermoor.example");
    await lead.goto("/notifications");
    await lead.getByRole("link", { name: `Lamplight Works Ltd registered interest in “${TITLE}”.` }).click();
    await expectHeading(lead, "Suppliers' interest");
    // The demo cities that publish street lighting plan it at the same time.
    const overlaps = lead.getByRole("region", { name: "Other cities plan something similar" });
    await overlaps.getByRole("heading", { name: /^\d cities plan something similar$/ }).waitFor();
    await overlaps
      .getByRole("link", { name: /street lighting/i })
      .first()
      .waitFor();
    const section = lead.getByRole("region", { name: TITLE });
    await section.getByText("1 interest, 1 not answered yet").waitFor();
    await section.getByText("Priya Lamplighter, 01632 960123").waitFor();
    await section
      .getByLabel("Answer Lamplight Works Ltd")
      .fill("Thank you. Our supplier day is on 14 January; we will send you an invitation.");
    await section.getByRole("button", { name: "Send answer" }).click();
    await section.getByRole("status").filter({ hasText: "Your answer has been sent" }).waitFor();
    await section.getByText("1 interest, all answered").waitFor();
    await screenshot(lead, "market-interest-answered");

    // The supplier is told live and reads the answer on the opportunity's page.
    await supplier.getByTestId("unread-count").waitFor();
    await supplier.goto("/notifications");
    await supplier.getByRole("link", { name: `Aldermoor answered your interest in “${TITLE}”.` }).click();
    await expectHeading(supplier, TITLE);
    await supplier.getByRole("heading", { name: "Answer from Aldermoor" }).waitFor();
    await supplier.getByText("Our supplier day is on 14 January").waitFor();
  });
});
