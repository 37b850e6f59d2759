import { describe, expect, it } from "vitest";
import {
  buildRelease,
  buildReleaseContent,
  buildReleasePackage,
  digestOf,
  OCID_PREFIX,
  type OcdsRelease,
} from "../../../server/procurement/ocds";
import { STAGES, type Opportunity } from "../../../shared/boards/pipeline";
import { releasePackageErrors } from "./ocds-schema";

const buyer = { slug: "harbourside", name: "Harbourside" };
const ocid = "ocds-a1b2c3-0f4e";

const streetLights: Opportunity = {
  title: "Street lights that dim and report faults",
  outcome: "Half the energy used by street lighting, with faults fixed within a day.",
  stage: "market-engagement",
  category: "goods",
  cpv: "34993000-4",
  value: 1_250_000,
  currency: "GBP",
  budgetSource: "Capital programme 2027",
  method: "competitive-dialogue",
  engagementDate: "2027-01-15",
  tenderDate: "2027-04-01",
  awardDate: "2027-07-01",
  contractStart: "2027-09-01",
  contractEnd: "2031-08-31",
};

function releaseOf(opportunity: Opportunity, tag: "planning" | "planningUpdate" = "planning"): OcdsRelease {
  const content = buildReleaseContent({ ocid, buyer, opportunity });
  return buildRelease(content, { id: `${ocid}-1`, date: new Date("2027-01-02T10:00:00Z"), tag });
}

const packageOf = (...releases: OcdsRelease[]) =>
  buildReleasePackage({
    uri: "https://workspace.example/api/v1/cities/harbourside/pipeline.ocds.json",
    publisher: { name: "Harbourside" },
    releases,
  });

describe("an opportunity as an OCDS release", () => {
  it("names the city as buyer and carries the planning and tender sections", () => {
    const release = releaseOf(streetLights);
    expect(release).toEqual({
      ocid,
      id: `${ocid}-1`,
      date: "2027-01-02T10:00:00.000Z",
      tag: ["planning"],
      initiationType: "tender",
      language: "en",
      parties: [{ id: "city-harbourside", name: "Harbourside", roles: ["buyer"] }],
      buyer: { id: "city-harbourside", name: "Harbourside" },
      planning: {
        rationale: streetLights.outcome,
        budget: {
          description: "Capital programme 2027",
          amount: { amount: 1_250_000, currency: "GBP" },
        },
        milestones: [
          {
            id: "market-engagement",
            title: "Market engagement",
            type: "engagement",
            dueDate: "2027-01-15T00:00:00Z",
            status: "scheduled",
          },
        ],
      },
      tender: {
        id: ocid,
        title: "Street lights that dim and report faults",
        description: streetLights.outcome,
        status: "planned",
        value: { amount: 1_250_000, currency: "GBP" },
        mainProcurementCategory: "goods",
        procurementMethod: "selective",
        procurementMethodDetails: "Competitive dialogue",
        items: [
          {
            id: "1",
            description: "Street lights that dim and report faults",
            classification: { scheme: "CPV", id: "34993000" },
          },
        ],
        tenderPeriod: { startDate: "2027-04-01T00:00:00Z" },
        awardPeriod: { startDate: "2027-07-01T00:00:00Z" },
        contractPeriod: { startDate: "2027-09-01T00:00:00Z", endDate: "2031-08-31T00:00:00Z" },
      },
    });
    expect(releasePackageErrors(packageOf(release))).toEqual([]);
  });

  it("maps every stage to the tender status OCDS knows", () => {
    const statuses = Object.fromEntries(
      STAGES.map((stage) => [stage.value, releaseOf({ ...streetLights, stage: stage.value }).tender.status]),
    );
    expect(statuses).toEqual({
      idea: "planning",
      pipeline: "planned",
      "market-engagement": "planned",
      tender: "active",
      awarded: "complete",
      "contract-live": "complete",
      closed: "complete",
      cancelled: "cancelled",
      withdrawn: "withdrawn",
    });
    const releases = STAGES.map((stage, index) => ({
      ...releaseOf({ ...streetLights, stage: stage.value }),
      id: `${ocid}-${index + 1}`,
    }));
    expect(releasePackageErrors(packageOf(...releases))).toEqual([]);
  });

  it("marks the market engagement met once the tender is under way, and unscheduled once withdrawn", () => {
    expect(releaseOf({ ...streetLights, stage: "tender" }).planning.milestones?.[0]?.status).toBe("met");
    expect(releaseOf({ ...streetLights, stage: "withdrawn" }).planning.milestones?.[0]).not.toHaveProperty(
      "status",
    );
  });

  it("leaves out what the opportunity does not say yet, and is still a valid release", () => {
    const release = releaseOf({
      title: "Ideas for kerbside deliveries",
      outcome: "",
      stage: "idea",
      category: null,
      cpv: "",
      value: null,
      currency: "GBP",
      budgetSource: "",
      method: "undecided",
      engagementDate: null,
      tenderDate: null,
      awardDate: null,
      contractStart: null,
      contractEnd: null,
    });
    expect(release.planning).toEqual({});
    expect(release.tender).toEqual({ id: ocid, title: "Ideas for kerbside deliveries", status: "planning" });
    expect(releasePackageErrors(packageOf(release))).toEqual([]);
  });

  it("maps each method to OCDS's procurement method, keeping the city's own name for it", () => {
    const direct = releaseOf({ ...streetLights, method: "direct-award" }).tender;
    expect(direct).toMatchObject({ procurementMethod: "direct", procurementMethodDetails: "Direct award" });
    const open = releaseOf({ ...streetLights, method: "open" }).tender;
    expect(open).toMatchObject({ procurementMethod: "open", procurementMethodDetails: "Open procedure" });
  });

  it("is found invalid by the schema when it breaks it, so the check above can fail", () => {
    const release = releaseOf(streetLights);
    const broken = {
      ...release,
      tender: { ...release.tender, status: "pending", tenderPeriod: { startDate: "1 April 2027" } },
    };
    expect(releasePackageErrors(packageOf(broken as unknown as OcdsRelease))).toEqual([
      expect.stringContaining("/releases/0/tender/status must be equal to one of the allowed values"),
      expect.stringContaining("/releases/0/tender/tenderPeriod/startDate must match format"),
    ]);
  });
});

describe("the digest of a release", () => {
  it("ignores the release's id, date and tag but not what it says", () => {
    const content = buildReleaseContent({ ocid, buyer, opportunity: streetLights });
    const reordered = buildReleaseContent({
      ocid,
      buyer,
      opportunity: Object.fromEntries(Object.entries(streetLights).reverse()) as Opportunity,
    });
    expect(digestOf(reordered)).toBe(digestOf(content));
    const changed = buildReleaseContent({ ocid, buyer, opportunity: { ...streetLights, value: 1_300_000 } });
    expect(digestOf(changed)).not.toBe(digestOf(content));
  });
});

describe("a release package", () => {
  it("lists releases oldest first and is dated by the latest", () => {
    const first = releaseOf(streetLights);
    const later = {
      ...releaseOf(streetLights, "planningUpdate"),
      id: `${ocid}-2`,
      date: "2027-02-01T09:00:00.000Z",
    };
    const releasePackage = packageOf(later, first);
    expect(releasePackage.releases.map((release) => release.id)).toEqual([`${ocid}-1`, `${ocid}-2`]);
    expect(releasePackage.publishedDate).toBe("2027-02-01T09:00:00.000Z");
    expect(releasePackage.version).toBe("1.1");
    expect(releasePackageErrors(releasePackage)).toEqual([]);
  });
});

describe("ocid prefixes", () => {
  it("accepts ocds- with six letters or digits and an optional part of the publisher's own", () => {
    for (const prefix of ["ocds-a1b2c3", "ocds-213czf", "ocds-a1b2c3-transport", "ocds-a1b2c3-north-2"])
      expect(OCID_PREFIX.test(prefix), prefix).toBe(true);
    for (const prefix of [
      "ocds-a1b2c",
      "ocds-a1b2c3d",
      "ocds_a1b2c3",
      "a1b2c3",
      "ocds-a1b2c3-",
      "ocds-a1b2c3-x y",
    ])
      expect(OCID_PREFIX.test(prefix), prefix).toBe(false);
  });
});
