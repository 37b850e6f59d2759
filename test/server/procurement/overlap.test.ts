import { describe, expect, it } from "vitest";
import {
  findOverlaps,
  SIMILARITY_THRESHOLD,
  stem,
  tenderWindow,
  terms,
  textSimilarity,
  type OverlapCandidate,
} from "../../../server/procurement/overlap";

let counter = 0;

function opportunity(
  overrides: Partial<OverlapCandidate> & Pick<OverlapCandidate, "cityId">,
): OverlapCandidate {
  counter++;
  return {
    rowId: `row-${counter}`,
    category: "goods",
    tenderStart: "2027-03-01",
    awardDate: "2027-06-30",
    title: "Smart street lighting",
    description:
      "Cut the energy our street lights use by half, and let the council dim lights and spot faults remotely.",
    status: "planned",
    ...overrides,
  };
}

const LIGHTS_ELSEWHERE = {
  title: "Connected LED street lights",
  description:
    "Street lights that report their own faults and can be dimmed from a central system, reducing energy use.",
};

const LIGHTS_THIRD = {
  title: "Street lighting renewal",
  description:
    "Replace old street lamps with efficient lighting that can be controlled remotely, lowering energy bills.",
};

const EV_CHARGING = {
  title: "On-street EV chargers",
  description:
    "On-street charging for electric vehicles in terraced streets, so households without off-street parking can switch to electric cars.",
};

const rowIds = (groups: { opportunities: OverlapCandidate[] }[]) =>
  groups.map((group) => group.opportunities.map((opportunity) => opportunity.rowId).sort());

describe("text similarity", () => {
  it("reads words without stop words, case or common endings", () => {
    expect(terms("The Lights are DIMMED and the lighting is monitored")).toEqual([
      "light",
      "dim",
      "light",
      "monitor",
    ]);
    // Words every city's plans use say nothing about what is bought.
    expect(terms("Residents can use the council's services online")).toEqual(["onlin"]);
    expect(stem("cities")).toBe("city");
    expect(stem("planning")).toBe("plan");
    expect(stem("charging")).toBe(stem("chargers"));
    expect(stem("bus")).toBe("bus");
    expect(stem("stations")).toBe("station");
  });

  it("scores the same purchase in other words above the threshold and different purchases below it", () => {
    const lights = `${"Smart street lighting"} Cut the energy our street lights use by half, and let the council dim lights and spot faults remotely.`;
    expect(
      textSimilarity(lights, `${LIGHTS_ELSEWHERE.title} ${LIGHTS_ELSEWHERE.description}`),
    ).toBeGreaterThan(SIMILARITY_THRESHOLD);
    expect(textSimilarity(lights, `${LIGHTS_THIRD.title} ${LIGHTS_THIRD.description}`)).toBeGreaterThan(
      SIMILARITY_THRESHOLD,
    );
    expect(textSimilarity(lights, `${EV_CHARGING.title} ${EV_CHARGING.description}`)).toBeLessThan(
      SIMILARITY_THRESHOLD,
    );
    expect(textSimilarity(lights, lights)).toBeCloseTo(1);
    expect(textSimilarity("", lights)).toBe(0);
  });
});

describe("tender windows", () => {
  it("run from the tender to the award, or 90 days without an award date, and not at all without a tender", () => {
    const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    expect(tenderWindow({ tenderStart: "2027-03-01", awardDate: "2027-04-15" })).toEqual({
      start: day("2027-03-01"),
      end: day("2027-04-15"),
    });
    expect(tenderWindow({ tenderStart: "2027-03-01", awardDate: null })).toEqual({
      start: day("2027-03-01"),
      end: day("2027-05-30"),
    });
    expect(tenderWindow({ tenderStart: null, awardDate: "2027-04-15" })).toBeNull();
  });
});

describe("overlap groups", () => {
  it("group similar opportunities of different cities in one category with overlapping windows", () => {
    const a = opportunity({ cityId: "aldermoor" });
    const b = opportunity({
      cityId: "brackenford",
      tenderStart: "2027-05-01",
      awardDate: null,
      ...LIGHTS_ELSEWHERE,
    });
    const unrelated = opportunity({ cityId: "castlebridge", ...EV_CHARGING });
    const groups = findOverlaps([a, b, unrelated]);
    expect(rowIds(groups)).toEqual([[a.rowId, b.rowId].sort()]);
    expect(groups[0]!.cityCount).toBe(2);
  });

  it("count three cities when three plan the same", () => {
    const groups = findOverlaps([
      opportunity({ cityId: "aldermoor" }),
      opportunity({ cityId: "brackenford", ...LIGHTS_ELSEWHERE }),
      opportunity({ cityId: "castlebridge", ...LIGHTS_THIRD }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.cityCount).toBe(3);
    expect(groups[0]!.opportunities).toHaveLength(3);
  });

  it("chain matches into one group even when the ends alone do not match", () => {
    // March–June and May–August overlap, May–August and August–November overlap; March–June and
    // August–November do not.
    const early = opportunity({ cityId: "aldermoor", tenderStart: "2027-03-01", awardDate: "2027-06-01" });
    const middle = opportunity({
      cityId: "brackenford",
      tenderStart: "2027-05-01",
      awardDate: "2027-08-15",
      ...LIGHTS_ELSEWHERE,
    });
    const late = opportunity({
      cityId: "castlebridge",
      tenderStart: "2027-08-01",
      awardDate: "2027-11-01",
      ...LIGHTS_THIRD,
    });
    expect(findOverlaps([early, late])).toEqual([]);
    const groups = findOverlaps([early, middle, late]);
    expect(rowIds(groups)).toEqual([[early.rowId, middle.rowId, late.rowId].sort()]);
    expect(groups[0]!.opportunities.map((item) => item.cityId)).toEqual([
      "aldermoor",
      "brackenford",
      "castlebridge",
    ]);
  });

  it("leave out opportunities of another category", () => {
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor", category: "goods" }),
        opportunity({ cityId: "brackenford", category: "services", ...LIGHTS_ELSEWHERE }),
      ]),
    ).toEqual([]);
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor", category: null }),
        opportunity({ cityId: "brackenford", category: null, ...LIGHTS_ELSEWHERE }),
      ]),
    ).toEqual([]);
  });

  it("leave out opportunities whose windows are apart", () => {
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor", tenderStart: "2027-03-01", awardDate: "2027-04-30" }),
        opportunity({
          cityId: "brackenford",
          tenderStart: "2027-05-01",
          awardDate: null,
          ...LIGHTS_ELSEWHERE,
        }),
      ]),
    ).toEqual([]);
    // Without an award date the window closes 90 days after the tender.
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor", tenderStart: "2027-01-01", awardDate: null }),
        opportunity({
          cityId: "brackenford",
          tenderStart: "2027-04-02",
          awardDate: null,
          ...LIGHTS_ELSEWHERE,
        }),
      ]),
    ).toEqual([]);
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor", tenderStart: "2027-01-01", awardDate: null }),
        opportunity({
          cityId: "brackenford",
          tenderStart: "2027-03-31",
          awardDate: null,
          ...LIGHTS_ELSEWHERE,
        }),
      ]),
    ).toHaveLength(1);
  });

  it("leave out opportunities without a tender date", () => {
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor", tenderStart: null, awardDate: null }),
        opportunity({ cityId: "brackenford", tenderStart: null, awardDate: null, ...LIGHTS_ELSEWHERE }),
      ]),
    ).toEqual([]);
  });

  it("leave out unrelated text", () => {
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor" }),
        opportunity({ cityId: "brackenford", ...EV_CHARGING }),
      ]),
    ).toEqual([]);
  });

  it("never group a city with itself", () => {
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor" }),
        opportunity({ cityId: "aldermoor", ...LIGHTS_ELSEWHERE }),
        opportunity({ cityId: "aldermoor", ...LIGHTS_THIRD }),
      ]),
    ).toEqual([]);
  });

  it("leave out procurements that were withdrawn or cancelled", () => {
    expect(
      findOverlaps([
        opportunity({ cityId: "aldermoor", status: "withdrawn" }),
        opportunity({ cityId: "brackenford", ...LIGHTS_ELSEWHERE }),
        opportunity({ cityId: "castlebridge", status: "cancelled", ...LIGHTS_THIRD }),
      ]),
    ).toEqual([]);
  });

  it("list groups spanning more cities first", () => {
    const pair = [
      opportunity({ cityId: "aldermoor", ...EV_CHARGING }),
      opportunity({
        cityId: "brackenford",
        title: "Electric vehicle charging points",
        description:
          "Residents without driveways can charge electric cars on their street, with chargers placed where demand is.",
      }),
    ];
    const trio = [
      opportunity({ cityId: "aldermoor" }),
      opportunity({ cityId: "brackenford", ...LIGHTS_ELSEWHERE }),
      opportunity({ cityId: "castlebridge", ...LIGHTS_THIRD }),
    ];
    const groups = findOverlaps([...pair, ...trio]);
    expect(groups.map((group) => group.cityCount)).toEqual([3, 2]);
    expect(rowIds(groups)).toEqual([
      trio.map((item) => item.rowId).sort(),
      pair.map((item) => item.rowId).sort(),
    ]);
  });
});
