import { describe, expect, it } from "vitest";
import { DomainError } from "../../../server/errors";
import {
  listPublished,
  listPublishingCities,
  publishingOverview,
  publishOpportunities,
  releasePackage,
  setOcidPrefix,
} from "../../../server/procurement/publishing";
import { useTestDatabase } from "../../support/database";
import { releasePackageErrors } from "./ocds-schema";
import {
  addOpportunities,
  buildCityWithPipeline,
  buildOpportunity,
  removeOpportunity,
  updateOpportunity,
} from "./support";

const database = useTestDatabase();
const ORIGIN = "https://workspace.example";

async function publishingCity(prefix = "ocds-a1b2c3") {
  const { db } = database.handle;
  const built = await buildCityWithPipeline(db, { slug: `harbour-${prefix.slice(-6)}`, name: "Harbourside" });
  await setOcidPrefix(db, { cityId: built.city.id, prefix });
  return built;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe("publishing opportunities", () => {
  it("publishes a planning release the first time, nothing when unchanged, and a planningUpdate on a change", async () => {
    const { db } = database.handle;
    const { city, members, pipelineId } = await publishingCity();
    const [parking] = await addOpportunities(db, pipelineId, [buildOpportunity()]);
    const publish = (now: string) =>
      publishOpportunities(db, {
        cityId: city.id,
        userId: members.lead.id,
        rowIds: [parking!],
        now: new Date(now),
      });

    const first = await publish("2027-01-10T09:00:00Z");
    const ocid = `ocds-a1b2c3-${parking}`;
    expect(first).toEqual({
      published: [
        { rowId: parking, title: "Smart parking sensors", ocid, releaseId: `${ocid}-1`, tag: "planning" },
      ],
      unchanged: [],
      invalid: [],
    });

    const again = await publish("2027-01-11T09:00:00Z");
    expect(again).toEqual({
      published: [],
      unchanged: [{ rowId: parking, title: "Smart parking sensors" }],
      invalid: [],
    });

    await updateOpportunity(db, pipelineId, parking!, { stage: "tender", value: 450_000 });
    const changed = await publish("2027-03-01T09:00:00Z");
    expect(changed.published).toEqual([
      { rowId: parking, title: "Smart parking sensors", ocid, releaseId: `${ocid}-2`, tag: "planningUpdate" },
    ]);

    const published = await releasePackage(db, { city, origin: ORIGIN });
    expect(releasePackageErrors(published)).toEqual([]);
    expect(published!.uri).toBe(`${ORIGIN}/api/v1/cities/${city.slug}/pipeline.ocds.json`);
    expect(published!.publishedDate).toBe("2027-03-01T09:00:00.000Z");
    expect(
      published!.releases.map((release) => [
        release.id,
        release.tag,
        release.date,
        release.tender.status,
        release.tender.value,
      ]),
    ).toEqual([
      [
        `${ocid}-1`,
        ["planning"],
        "2027-01-10T09:00:00.000Z",
        "planned",
        { amount: 400_000, currency: "GBP" },
      ],
      [
        `${ocid}-2`,
        ["planningUpdate"],
        "2027-03-01T09:00:00.000Z",
        "active",
        { amount: 450_000, currency: "GBP" },
      ],
    ]);

    const latest = await listPublished(db, { cityId: city.id });
    expect(latest).toHaveLength(1);
    expect(latest[0]).toMatchObject({ rowId: parking, ocid, releaseCount: 2 });
    expect(latest[0]!.release.tender.status).toBe("active");
  });

  it("publishes only the opportunities chosen, and reports those it cannot publish", async () => {
    const { db } = database.handle;
    const { city, members, pipelineId } = await publishingCity();
    const [chosen, untitled, badDates, notChosen] = await addOpportunities(db, pipelineId, [
      buildOpportunity({ title: "Library self-service kiosks" }),
      buildOpportunity({ title: "" }),
      buildOpportunity({ title: "Bus shelter displays", contractEnd: "2027-01-01" }),
      buildOpportunity({ title: "Council chamber refit" }),
    ]);

    const report = await publishOpportunities(db, {
      cityId: city.id,
      userId: members.lead.id,
      rowIds: [chosen!, untitled!, badDates!],
    });
    expect(report.published.map((release) => release.title)).toEqual(["Library self-service kiosks"]);
    expect(report.invalid).toEqual([
      { rowId: untitled, title: null, reason: "It needs a title" },
      {
        rowId: badDates,
        title: "Bus shelter displays",
        reason: "Contract end: This comes before the contract start date",
      },
    ]);

    const titles = (await listPublished(db, { cityId: city.id })).map((entry) => entry.release.tender.title);
    expect(titles).toEqual(["Library self-service kiosks"]);
    const releases = (await releasePackage(db, { city, origin: ORIGIN }))!.releases;
    expect(releases.map((release) => release.tender.title)).toEqual(["Library self-service kiosks"]);
    expect(JSON.stringify(releases)).not.toContain(notChosen!);
  });

  it("refuses another city's opportunity passed off as one of this city's", async () => {
    const { db } = database.handle;
    const ours = await publishingCity("ocds-a1b2c3");
    const theirs = await publishingCity("ocds-d4e5f6");
    const [theirRow] = await addOpportunities(db, theirs.pipelineId, [
      buildOpportunity({ title: "Their unannounced purchase" }),
    ]);

    const report = await publishOpportunities(db, {
      cityId: ours.city.id,
      userId: ours.members.lead.id,
      rowIds: [theirRow!],
    });
    expect(report).toEqual({
      published: [],
      unchanged: [],
      invalid: [{ rowId: theirRow, title: null, reason: "It is not on the city's pipeline" }],
    });
    expect(await listPublished(db, { cityId: ours.city.id })).toEqual([]);
    expect(await listPublished(db, { cityId: theirs.city.id })).toEqual([]);
    expect(await releasePackage(db, { city: ours.city, origin: ORIGIN })).toBeNull();
    expect(await listPublishingCities(db)).toEqual([]);
  });

  it("asks for a choice and for the city's ocid prefix first", async () => {
    const { db } = database.handle;
    const { city, members, pipelineId } = await buildCityWithPipeline(db);
    const [row] = await addOpportunities(db, pipelineId, [buildOpportunity()]);

    const none = await failure(
      publishOpportunities(db, { cityId: city.id, userId: members.lead.id, rowIds: [] }),
    );
    expect(none.fields).toEqual({ opportunities: "Choose at least one opportunity to publish" });

    const noPrefix = await failure(
      publishOpportunities(db, { cityId: city.id, userId: members.lead.id, rowIds: [row!] }),
    );
    expect(noPrefix.fields).toEqual({ ocidPrefix: "Set the city's ocid prefix before publishing" });
    expect(await listPublished(db, { cityId: city.id })).toEqual([]);
  });

  it("tells which opportunities are published and which changed since", async () => {
    const { db } = database.handle;
    const { city, members, pipelineId } = await publishingCity();
    const [kept, edited, , removed] = await addOpportunities(db, pipelineId, [
      buildOpportunity({ title: "Kept as published" }),
      buildOpportunity({ title: "Edited since" }),
      buildOpportunity({ title: "Never published", stage: "idea" }),
      buildOpportunity({ title: "Taken off the board" }),
    ]);
    await publishOpportunities(db, {
      cityId: city.id,
      userId: members.lead.id,
      rowIds: [kept!, edited!, removed!],
      now: new Date("2027-01-10T09:00:00Z"),
    });
    await updateOpportunity(db, pipelineId, edited!, { budgetSource: "Levelling-up fund" });
    await removeOpportunity(db, pipelineId, removed!);

    const overview = await publishingOverview(db, { cityId: city.id, city });
    expect(overview.ocidPrefix).toBe("ocds-a1b2c3");
    expect(
      overview.opportunities.map(({ title, state, stage, problem }) => ({ title, state, stage, problem })),
    ).toEqual([
      { title: "Kept as published", state: "published", stage: "pipeline", problem: null },
      { title: "Edited since", state: "changed", stage: "pipeline", problem: null },
      { title: "Never published", state: "unpublished", stage: "idea", problem: null },
    ]);
    expect(overview.removed).toEqual([
      { rowId: removed, title: "Taken off the board", lastPublishedAt: new Date("2027-01-10T09:00:00Z") },
    ]);
    // What was published stays published.
    expect((await listPublished(db, { cityId: city.id })).map((entry) => entry.rowId).sort()).toEqual(
      [kept!, edited!, removed!].sort(),
    );
  });

  it("keeps a release's date after the one before, even when both are published in the same instant", async () => {
    const { db } = database.handle;
    const { city, members, pipelineId } = await publishingCity();
    const [row] = await addOpportunities(db, pipelineId, [buildOpportunity()]);
    const now = new Date("2027-01-10T09:00:00Z");
    await publishOpportunities(db, { cityId: city.id, userId: members.lead.id, rowIds: [row!], now });
    await updateOpportunity(db, pipelineId, row!, { stage: "market-engagement", value: 1 });
    await publishOpportunities(db, { cityId: city.id, userId: members.lead.id, rowIds: [row!], now });
    const dates = (await releasePackage(db, { city, origin: ORIGIN }))!.releases.map(
      (release) => release.date,
    );
    expect(dates).toEqual(["2027-01-10T09:00:00.000Z", "2027-01-10T09:00:00.001Z"]);
  });
});

describe("the ocid prefix", () => {
  it("is checked, stored in lower case, and fixed once the city has published", async () => {
    const { db } = database.handle;
    const { city, members, pipelineId } = await buildCityWithPipeline(db);

    for (const prefix of ["", "ocds-12345", "OCDS_ABCDEF", "ocds-abcdef-", `ocds-abcdef-${"x".repeat(60)}`]) {
      const error = await failure(setOcidPrefix(db, { cityId: city.id, prefix }));
      expect(error.fields.ocidPrefix, prefix).toMatch(/prefix|ocds-/);
    }
    expect(await setOcidPrefix(db, { cityId: city.id, prefix: " OCDS-A1B2C3-North " })).toBe(
      "ocds-a1b2c3-north",
    );
    expect(await setOcidPrefix(db, { cityId: city.id, prefix: "ocds-z9y8x7" })).toBe("ocds-z9y8x7");

    const [row] = await addOpportunities(db, pipelineId, [buildOpportunity()]);
    await publishOpportunities(db, { cityId: city.id, userId: members.lead.id, rowIds: [row!] });
    const changed = await failure(setOcidPrefix(db, { cityId: city.id, prefix: "ocds-a1b2c3" }));
    expect(changed.status).toBe(409);
    expect(changed.fields.ocidPrefix).toBe(
      "The prefix cannot change once opportunities are published: their ocids must stay the same",
    );
    expect(await setOcidPrefix(db, { cityId: city.id, prefix: "ocds-z9y8x7" })).toBe("ocds-z9y8x7");
  });
});

describe("cities with published data", () => {
  it("lists only cities that have published, with how many opportunities", async () => {
    const { db } = database.handle;
    const publishing = await publishingCity("ocds-a1b2c3");
    await publishingCity("ocds-d4e5f6");
    const rows = await addOpportunities(db, publishing.pipelineId, [
      buildOpportunity({ title: "One" }),
      buildOpportunity({ title: "Two" }),
    ]);
    await publishOpportunities(db, {
      cityId: publishing.city.id,
      userId: publishing.members.lead.id,
      rowIds: rows,
      now: new Date("2027-01-10T09:00:00Z"),
    });
    expect(await listPublishingCities(db)).toEqual([
      {
        slug: publishing.city.slug,
        name: "Harbourside",
        country: "United Kingdom",
        opportunities: 2,
        lastPublishedAt: new Date("2027-01-10T09:00:00Z"),
      },
    ]);
  });
});
