import { describe, expect, it } from "vitest";
import { listBoardRows } from "../../../db/repositories/board-rows";
import { findCityBySlug } from "../../../db/repositories/cities";
import { findCityBoard } from "../../../server/boards/commands";
import { DEMO_CITIES, seedDemo } from "../../../server/demo";
import { buildDemoPipeline, DEMO_PIPELINES, type DemoOpportunity } from "../../../server/demo-pipelines";
import { checkRow, readBoard } from "../../../shared/boards/model";
import { PIPELINE, STAGES, summariseCheck, type SmartCheck } from "../../../shared/boards/pipeline";
import { useTestDatabase } from "../../support/database";

const database = useTestDatabase();

/** An opportunity's values checked as a new row would be: each field's initial value unless given. */
function check(values: Record<string, unknown>) {
  return checkRow(PIPELINE, { title: "Smart street lighting", ...values });
}

const answered = (answers: Partial<Record<keyof SmartCheck, "yes" | "partly" | "no" | null>>): SmartCheck =>
  Object.fromEntries(Object.entries(answers).map(([key, answer]) => [key, { answer, note: "" }]));

describe("an opportunity's values", () => {
  it("start as an untitled idea in pounds with the method not decided and nothing answered", () => {
    const { valid, errors } = checkRow(PIPELINE, {});
    expect(errors).toEqual({ title: "Give the opportunity a title" });
    expect(valid).toMatchObject({
      stage: "idea",
      category: null,
      cpv: "",
      value: null,
      currency: "GBP",
      method: "undecided",
      roadmapItems: [],
      clauses: [],
      check: {},
    });
  });

  it("take a CPV code of eight digits with or without its check digit, and say how to write one otherwise", () => {
    expect(check({ cpv: "34970000" }).errors).toEqual({});
    expect(check({ cpv: "45316110-9" }).errors).toEqual({});
    expect(check({ cpv: "" }).errors).toEqual({});
    for (const cpv of ["3497000", "34970000-12", "street lights", "34970000X"]) {
      expect(check({ cpv }).errors, cpv).toEqual({ cpv: "Enter eight digits, such as 34970000" });
      expect(check({ cpv }).valid.cpv, cpv).toBeUndefined();
    }
  });

  it("refuse a negative or impossible value, and a stage, category or method that is not on the list", () => {
    expect(check({ value: 4_800_000 }).valid.value).toBe(4_800_000);
    expect(check({ value: -1 }).errors).toEqual({ value: "A cost cannot be negative" });
    expect(check({ value: 5e12 }).errors).toEqual({ value: "That amount is too large" });
    expect(check({ value: "lots" }).errors).toEqual({ value: "Enter an amount in figures, such as 25000" });
    expect(check({ stage: "shortlisted" }).errors).toEqual({ stage: "Choose a stage" });
    expect(check({ category: "software" }).errors).toEqual({ category: "Choose goods, services or works" });
    expect(check({ method: "auction" }).errors).toEqual({ method: "Choose a method" });
    expect(check({ currency: "JPY" }).errors).toEqual({ currency: "Choose a currency" });
  });

  it("keep the planned dates in order, flagging each date that comes before the one it follows", () => {
    const inOrder = {
      engagementDate: "2026-10-05",
      tenderDate: "2027-02-01",
      awardDate: "2027-05-28",
      contractStart: "2027-07-01",
      contractEnd: "2032-06-30",
    };
    expect(check(inOrder).errors).toEqual({});

    const awardFirst = check({ ...inOrder, awardDate: "2027-01-15" });
    expect(awardFirst.errors).toEqual({ awardDate: "This comes before the tender date" });
    expect(awardFirst.valid.awardDate).toBeUndefined();
    expect(awardFirst.valid.contractStart).toBe("2027-07-01");

    // A date is compared with the last one before it that was given and in order.
    const gaps = check({ engagementDate: "2027-03-01", contractEnd: "2027-01-31" });
    expect(gaps.errors).toEqual({ contractEnd: "This comes before the market engagement date" });
    const endBeforeStart = check({ contractStart: "2027-07-01", contractEnd: "2027-06-30" });
    expect(endBeforeStart.errors).toEqual({ contractEnd: "This comes before the contract start date" });

    expect(check({ tenderDate: "2027-02-30" }).errors).toEqual({ tenderDate: "That date does not exist" });
    expect(check({ tenderDate: "1 Feb 2027" }).errors).toEqual({ tenderDate: "Enter a date as YYYY-MM-DD" });
  });

  it("take check answers with notes, and refuse an answer that is not yes, partly or no", () => {
    expect(
      check({ check: { openData: { answer: "yes", note: "The council owns the data" } } }).valid.check,
    ).toEqual({ openData: { answer: "yes", note: "The council owns the data" } });
    expect(check({ check: { openData: { answer: "maybe", note: "" } } }).errors.check).toBeDefined();
    expect(check({ check: { exit: { answer: "no", note: "x".repeat(1001) } } }).errors).toEqual({
      check: "At most 1,000 characters",
    });
  });
});

describe("the smart-procurement check", () => {
  it("scores yes fully and partly half over all six criteria, leaving out what is not answered", () => {
    expect(summariseCheck(undefined, "idea")).toEqual({ score: 0, answered: 0, lockIn: [] });
    expect(
      summariseCheck(
        answered({
          outcomes: "yes",
          openData: "yes",
          innovation: "yes",
          interoperability: "yes",
          exit: "yes",
          smes: "yes",
        }),
        "tender",
      ),
    ).toEqual({ score: 100, answered: 6, lockIn: [] });
    // Four yes of six: 67%.
    expect(
      summariseCheck(
        answered({ outcomes: "yes", openData: "yes", interoperability: "yes", exit: "yes" }),
        "pipeline",
      ),
    ).toMatchObject({ score: 67, answered: 4 });
    // Two yes and two partly: three of six.
    expect(
      summariseCheck(
        answered({ outcomes: "yes", openData: "partly", innovation: "partly", smes: "yes", exit: null }),
        "idea",
      ),
    ).toMatchObject({ score: 50, answered: 4 });
  });

  it("flags lock-in when open data, interoperability or exit costs are answered no, whatever the stage", () => {
    const check = answered({
      outcomes: "no",
      openData: "no",
      innovation: "no",
      interoperability: "yes",
      exit: "no",
      smes: "no",
    });
    expect(summariseCheck(check, "idea").lockIn).toEqual([
      "Open data: no",
      "Exit costs and whole-life cost: no",
    ]);
    // A no on the other criteria lowers the score but is not lock-in.
    expect(
      summariseCheck(answered({ outcomes: "no", innovation: "no", smes: "no" }), "contract-live").lockIn,
    ).toEqual([
      "Open data: not answered",
      "Interoperability and open standards: not answered",
      "Exit costs and whole-life cost: not answered",
    ]);
  });

  it("flags unanswered lock-in questions only once the terms are being set: from tender to a live contract", () => {
    const partial = answered({ openData: "yes", interoperability: "partly" });
    const flagged = STAGES.filter((stage) => summariseCheck(partial, stage.value).lockIn.length > 0).map(
      (stage) => stage.value,
    );
    expect(flagged).toEqual(["tender", "awarded", "contract-live"]);
    expect(summariseCheck(partial, "awarded").lockIn).toEqual([
      "Exit costs and whole-life cost: not answered",
    ]);
    expect(summariseCheck(partial, undefined).lockIn).toEqual([]);
  });
});

describe("the demo cities' pipelines", () => {
  it("give each city 8 to 12 valid opportunities across the stages, linked to its own roadmap, a few at risk of lock-in", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    let atRisk = 0;
    const stages = new Set<string>();
    for (const demoCity of DEMO_CITIES) {
      const city = (await findCityBySlug(db, { slug: demoCity.slug }))!;
      const pipeline = await findCityBoard(db, { cityId: city.id, kind: "pipeline" });
      const rows = await listBoardRows(db, { documentId: pipeline.id });
      expect(rows.length, demoCity.slug).toBeGreaterThanOrEqual(8);
      expect(rows.length, demoCity.slug).toBeLessThanOrEqual(12);
      expect(
        rows.filter((row) => Object.keys(row.errors).length > 0),
        demoCity.slug,
      ).toEqual([]);

      const roadmap = await findCityBoard(db, { cityId: city.id, kind: "roadmap" });
      const items = new Map(
        (await listBoardRows(db, { documentId: roadmap.id })).map((row) => [row.rowId, row.data.title]),
      );
      for (const { data } of rows) {
        expect(data.outcome, String(data.title)).not.toBe("");
        for (const link of data.roadmapItems as { id: string; title: string }[])
          expect(items.get(link.id), String(data.title)).toBe(link.title);
        stages.add(String(data.stage));
        const summary = summariseCheck(data.check as SmartCheck, data.stage as never);
        expect(summary.answered, String(data.title)).toBeGreaterThan(0);
        if (summary.lockIn.length > 0) atRisk++;
      }
    }
    expect(atRisk).toBeGreaterThanOrEqual(2);
    expect(stages.size).toBeGreaterThanOrEqual(7);
  });

  it("have all three cities planning smart street lighting as works, with tender windows that overlap", () => {
    const lighting = DEMO_CITIES.map((city) => {
      const found = DEMO_PIPELINES[city.slug]!.filter((opportunity) =>
        /street lighting/i.test(opportunity.title),
      );
      expect(found, city.slug).toHaveLength(1);
      return found[0]!;
    });
    for (const opportunity of lighting) {
      expect(opportunity.category).toBe("works");
      expect(opportunity.outcome).toMatch(/energy/i);
    }
    const latestTender = lighting
      .map((opportunity) => opportunity.dates.tender!)
      .sort()
      .at(-1)!;
    const earliestAward = lighting.map((opportunity) => opportunity.dates.award!).sort()[0]!;
    expect(latestTender < earliestAward).toBe(true);
  });

  it("refuse a link to a roadmap item the city does not have", () => {
    const opportunity: DemoOpportunity = {
      ...DEMO_PIPELINES.aldermoor![0]!,
      roadmapItems: ["An item nobody wrote"],
    };
    expect(() => buildDemoPipeline([opportunity], new Map())).toThrow(/An item nobody wrote/);
    const ydoc = buildDemoPipeline([{ ...opportunity, roadmapItems: [] }], new Map());
    const [row] = readBoard(ydoc, PIPELINE);
    expect(row!.errors).toEqual({});
    expect(row!.valid).toMatchObject({ title: opportunity.title, stage: opportunity.stage, currency: "GBP" });
  });
});
