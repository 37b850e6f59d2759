import { describe, expect, test } from "vitest";
import { findCityBySlug } from "../../db/repositories/cities";
import { findCityBoard } from "../../server/boards/commands";
import { insertRow, setCell } from "../../shared/boards/model";
import { PIPELINE } from "../../shared/boards/pipeline";
import { expectHeading, screenshot, signIn, useBrowserWorkspace } from "./support/harness";

const app = useBrowserWorkspace();

const TITLE = "Sensors that report full litter bins";

/** Adds an opportunity to Aldermoor's pipeline on the server, as a colleague's edit would. */
async function addOpportunity(): Promise<string> {
  const { db, collabHub } = app.workspace.services;
  if (!collabHub) throw new Error("No collaboration hub");
  const city = (await findCityBySlug(db, { slug: "aldermoor" }))!;
  const pipeline = await findCityBoard(db, { cityId: city.id, kind: "pipeline" });
  let rowId = "";
  await collabHub.change(pipeline.id, null, (ydoc) => {
    rowId = insertRow(ydoc, PIPELINE, {
      values: {
        title: TITLE,
        outcome: "Bins are emptied when they are full, not on a fixed round, and never overflow.",
        stage: "market-engagement",
        category: "goods",
        value: 320_000,
        budgetSource: "Waste services invest-to-save fund",
        method: "open",
        engagementDate: "2027-03-01",
        tenderDate: "2027-06-01",
      },
    });
  });
  return rowId;
}

async function setValue(rowId: string, value: number): Promise<void> {
  const { db, collabHub } = app.workspace.services;
  const city = (await findCityBySlug(db, { slug: "aldermoor" }))!;
  const pipeline = await findCityBoard(db, { cityId: city.id, kind: "pipeline" });
  await collabHub!.change(pipeline.id, null, (ydoc) => setCell(ydoc, rowId, "value", value));
}

describe("publishing the pipeline", () => {
  test("a lead publishes an opportunity, anyone reads it on the public pipeline, and a change is published as an update", async () => {
    const rowId = await addOpportunity();
    const publicPage = await app.newPage({ javaScriptEnabled: false });
    const missing = await publicPage.goto("/p/aldermoor/pipeline");
    expect(missing?.status()).toBe(200);
    expect(await publicPage.getByRole("heading", { name: TITLE }).count()).toBe(0);

    const lead = await app.newPage();
    await signIn(lead, "amara@aldermoor.example");
    await lead.goto("/c/aldermoor/procurement/publish");
    await expectHeading(lead, "Publish the procurement pipeline");
    const checkbox = lead.getByRole("checkbox", { name: TITLE });
    await expect
      .poll(() => lead.locator(`#opportunity-${rowId}-status`).textContent())
      .toBe("Market engagement · Not published");
    await lead.getByRole("button", { name: "Publish chosen opportunities" }).click();
    await lead.getByRole("alert").getByText("Choose at least one opportunity to publish").waitFor();
    await screenshot(lead, "publishing-nothing-chosen");

    await checkbox.check();
    await lead.getByRole("button", { name: "Publish chosen opportunities" }).click();
    const notice = lead.getByRole("status").filter({ hasText: "Published 1 opportunity" });
    await notice.waitFor();
    expect(await notice.getByRole("listitem").allTextContents()).toEqual([TITLE]);
    expect(await checkbox.isChecked()).toBe(false);
    await expect
      .poll(() => lead.locator(`#opportunity-${rowId}-status`).textContent())
      .toMatch(/^Market engagement · Published on \d+ \w+ \d{4}, no changes since$/);
    await screenshot(lead, "publishing-published");

    // Without signing in, and without JavaScript, the opportunity is on the city's public pipeline.
    await publicPage.goto("/p/aldermoor/pipeline");
    await expectHeading(publicPage, "Procurement pipeline");
    const article = publicPage.getByRole("article", { name: TITLE });
    await article.waitFor();
    await article.getByText("£320,000").waitFor();
    await article.getByText("Waste services invest-to-save fund").waitFor();
    await screenshot(publicPage, "publishing-public-pipeline");

    // A change on the board stays private until the lead publishes it.
    await setValue(rowId, 350_000);
    await lead.reload();
    await expect
      .poll(() => lead.locator(`#opportunity-${rowId}-status`).textContent())
      .toMatch(/^Market engagement · Changed since published on \d+ \w+ \d{4}$/);
    await publicPage.reload();
    await article.getByText("£320,000").waitFor();

    await lead.getByRole("checkbox", { name: TITLE }).check();
    await lead.getByRole("button", { name: "Publish chosen opportunities" }).click();
    await lead.getByRole("status").getByText("Changes published as an update:").waitFor();
    await publicPage.reload();
    await article.getByText("£350,000").waitFor();
    await article.getByText(/\(2 releases\)/).waitFor();
  });
});
