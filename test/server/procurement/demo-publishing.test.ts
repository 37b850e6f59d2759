import { describe, expect, it } from "vitest";
import { findCityBySlug } from "../../../db/repositories/cities";
import { DEMO_CITIES, seedDemo } from "../../../server/demo";
import { DEMO_OCID_PREFIXES, seedDemoPublishing } from "../../../server/demo-publishing";
import { listPublished, publishingOverview, releasePackage } from "../../../server/procurement/publishing";
import { useTestDatabase } from "../../support/database";
import { releasePackageErrors } from "./ocds-schema";
import { addOpportunities, buildCityWithPipeline, buildOpportunity } from "./support";

const database = useTestDatabase();
const ORIGIN = "https://workspace.example";

describe("the demo's published pipelines", () => {
  it("publishes the opportunities from pipeline to tender stage, then one revised estimate as an update", async () => {
    const { db } = database.handle;
    const { city, pipelineId } = await buildCityWithPipeline(db, { slug: "aldermoor", name: "Aldermoor" });
    await addOpportunities(db, pipelineId, [
      buildOpportunity({ title: "An idea", stage: "idea" }),
      buildOpportunity({ title: "In the pipeline", stage: "pipeline", value: 200_000 }),
      buildOpportunity({ title: "Talking to the market", stage: "market-engagement", value: 1_000_000 }),
      buildOpportunity({ title: "Out to tender", stage: "tender" }),
      buildOpportunity({ title: "Already bought", stage: "awarded" }),
      buildOpportunity({ title: "", stage: "pipeline" }),
    ]);

    const now = new Date("2027-06-01T12:00:00Z");
    await seedDemoPublishing(db, { cityId: city.id, slug: "aldermoor", now });

    const published = await releasePackage(db, { city, origin: ORIGIN });
    expect(releasePackageErrors(published)).toEqual([]);
    // Releases of one publication share its date; their order among themselves does not matter.
    const releases = published!.releases.map((release) => [
      release.date.slice(0, 10),
      release.tender.title,
      release.tag[0],
    ]);
    expect([...releases].sort()).toEqual(
      [
        ["2027-04-20", "In the pipeline", "planning"],
        ["2027-04-20", "Out to tender", "planning"],
        ["2027-04-20", "Talking to the market", "planning"],
        ["2027-05-23", "Talking to the market", "planningUpdate"],
      ].sort(),
    );
    expect(releases).toEqual([...releases].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    expect(
      published!.releases.every((release) => release.ocid.startsWith(`${DEMO_OCID_PREFIXES.aldermoor}-`)),
    ).toBe(true);
    const latest = await listPublished(db, { cityId: city.id });
    const revised = latest.find((entry) => entry.release.tender.title === "Talking to the market");
    expect(revised?.release.tender.value).toEqual({ amount: 1_150_000, currency: "GBP" });

    // The board says what was last published: nothing shows as changed.
    const overview = await publishingOverview(db, { cityId: city.id, city });
    expect(
      overview.opportunities.filter((entry) => entry.state !== "unpublished").map((entry) => entry.state),
    ).toEqual(["published", "published", "published"]);
  });

  it("gives the city its prefix and publishes nothing when its pipeline is empty", async () => {
    const { db } = database.handle;
    const { city } = await buildCityWithPipeline(db, { slug: "castlebridge", name: "Castlebridge" });
    await seedDemoPublishing(db, { cityId: city.id, slug: "castlebridge" });
    const overview = await publishingOverview(db, { cityId: city.id, city });
    expect(overview.ocidPrefix).toBe(DEMO_OCID_PREFIXES.castlebridge);
    expect(await listPublished(db, { cityId: city.id })).toEqual([]);
  });

  it("leaves every demo city with a published pipeline that validates, one estimate revised since", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    for (const demoCity of DEMO_CITIES) {
      const city = (await findCityBySlug(db, { slug: demoCity.slug }))!;
      const published = await releasePackage(db, { city, origin: ORIGIN });
      expect(releasePackageErrors(published), demoCity.slug).toEqual([]);
      const tags = published!.releases.map((release) => release.tag[0]);
      expect(tags.filter((tag) => tag === "planning").length, demoCity.slug).toBeGreaterThanOrEqual(2);
      expect(
        tags.filter((tag) => tag === "planningUpdate"),
        demoCity.slug,
      ).toEqual(["planningUpdate"]);
      const statuses = new Set(published!.releases.map((release) => release.tender.status));
      expect(
        [...statuses].every((status) => status === "planned" || status === "active"),
        demoCity.slug,
      ).toBe(true);
      const overview = await publishingOverview(db, { cityId: city.id, city });
      expect(
        overview.opportunities.filter((entry) => entry.state === "changed"),
        demoCity.slug,
      ).toEqual([]);
    }
  });
});
