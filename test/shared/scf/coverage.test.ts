import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  TRACKER,
  addMissingRecommendations,
  isOverdue,
  type TrackerEntry,
} from "../../../shared/boards/framework";
import { checkRow, insertRow, readBoard } from "../../../shared/boards/model";
import { RECOMMENDATIONS } from "../../../shared/scf/catalogue";
import { trackerCoverage, type CoverageGroup } from "../../../shared/scf/coverage";

const TODAY = "2026-11-25";

const entries = (values: Record<string, TrackerEntry>) => new Map(Object.entries(values));

/** A group's figures without its title, for comparing. */
const figures = ({ id, counts, total, inPlace, applicable }: CoverageGroup) => ({
  id,
  counts,
  total,
  inPlace,
  applicable,
});

const counts = (partial: Partial<CoverageGroup["counts"]>, total: number): CoverageGroup["counts"] => {
  const given = Object.values(partial).reduce((sum, count) => sum + count, 0);
  return {
    "not-started": total - given,
    planned: 0,
    "in-progress": 0,
    "in-place": 0,
    "not-applicable": 0,
    ...partial,
  };
};

describe("trackerCoverage", () => {
  const known = entries({
    Aa: { status: "in-place" },
    Ab: { status: "planned", target: "2027-03-31" },
    B1a: { status: "in-place" },
    B3d: { status: "in-progress", target: "2026-06-30" },
    B5a: { status: "not-applicable", reason: "The county council buys for the city" },
    B9: { status: "in-progress", target: "2026-11-24" },
    B10a: { status: "not-applicable", reason: "Services are run by the region", target: "2026-01-01" },
    B13: { status: "in-place", target: "2026-02-01" },
    B14: { status: "planned", target: "2026-09-15" },
    Ca: { status: "planned", target: TODAY },
    D: { status: "not-started", target: "2025-12-01" },
  });
  const coverage = trackerCoverage(known, TODAY);

  it("counts every recommendation by status, with missing entries as not started", () => {
    expect(figures(coverage.overall)).toEqual({
      id: "all",
      counts: counts({ "in-place": 3, planned: 3, "in-progress": 2, "not-applicable": 2 }, 44),
      total: 44,
      inPlace: 3,
      applicable: 42,
    });
  });

  it("counts per component", () => {
    expect(coverage.components.map(figures)).toEqual([
      { id: "A", counts: counts({ "in-place": 1, planned: 1 }, 2), total: 2, inPlace: 1, applicable: 2 },
      {
        id: "B",
        counts: counts({ "in-place": 2, planned: 1, "in-progress": 2, "not-applicable": 2 }, 38),
        total: 38,
        inPlace: 2,
        applicable: 36,
      },
      { id: "C", counts: counts({ planned: 1 }, 3), total: 3, inPlace: 0, applicable: 3 },
      { id: "D", counts: counts({}, 1), total: 1, inPlace: 0, applicable: 1 },
    ]);
  });

  it("counts per process area of component B", () => {
    expect(coverage.areas.map(figures)).toEqual([
      {
        id: "business",
        counts: counts({ "in-place": 1, "in-progress": 1, "not-applicable": 1 }, 27),
        total: 27,
        inPlace: 1,
        applicable: 26,
      },
      {
        id: "service",
        counts: counts({ "in-progress": 1, "not-applicable": 1 }, 9),
        total: 9,
        inPlace: 0,
        applicable: 8,
      },
      {
        id: "technology",
        counts: counts({ "in-place": 1, planned: 1 }, 2),
        total: 2,
        inPlace: 1,
        applicable: 2,
      },
    ]);
  });

  it("lists what is overdue earliest first, leaving out what is in place, does not apply or is due today", () => {
    expect(coverage.overdue.map((item) => [item.recommendation.id, item.entry.target])).toEqual([
      ["D", "2025-12-01"],
      ["B3d", "2026-06-30"],
      ["B14", "2026-09-15"],
      ["B9", "2026-11-24"],
    ]);
    expect(coverage.overdue[0]!.recommendation.clause.id).toBe("D");
  });

  it("treats an empty tracker as nothing started and nothing overdue", () => {
    const empty = trackerCoverage(new Map(), TODAY);
    expect(figures(empty.overall)).toEqual({
      id: "all",
      counts: counts({}, 44),
      total: 44,
      inPlace: 0,
      applicable: 44,
    });
    expect(empty.overdue).toEqual([]);
  });

  it("counts an entry whose status was invalid, or that has no target, as not overdue and not started", () => {
    const coverage = trackerCoverage(entries({ B2: { target: null }, B4a: {} }), TODAY);
    expect(coverage.overall.counts["not-started"]).toBe(44);
    expect(isOverdue({ status: "planned", target: null }, TODAY)).toBe(false);
    expect(isOverdue({ target: "2026-01-01" }, TODAY)).toBe(true);
  });
});

describe("the tracker's rows", () => {
  it("need a reason when a recommendation does not apply", () => {
    const check = (values: Record<string, unknown>) => checkRow(TRACKER, values);
    expect(check({ status: "not-applicable" }).errors).toEqual({
      reason: "Say why this does not apply to the city",
    });
    expect(check({ status: "not-applicable", reason: "   " }).errors).toEqual({
      reason: "Say why this does not apply to the city",
    });
    const explained = check({ status: "not-applicable", reason: "The county runs all procurement" });
    expect(explained.errors).toEqual({});
    expect(explained.valid).toMatchObject({
      status: "not-applicable",
      reason: "The county runs all procurement",
    });
    expect(check({ status: "planned" }).errors).toEqual({});
    expect(check({ status: "not-applicable", reason: "x".repeat(501) }).errors).toEqual({
      reason: "At most 500 characters",
    });
  });

  it("refuse an unknown status, a bad date and an owner who is not a member", () => {
    const { errors, valid } = checkRow(TRACKER, {
      status: "done",
      target: "2026-02-30",
      owner: { type: "partner", name: "Harbour Trust" },
    });
    expect(Object.keys(errors).sort()).toEqual(["owner", "status", "target"]);
    expect(errors.status).toBe("Choose a status");
    expect(valid).not.toHaveProperty("status");
  });

  it("are added once per recommendation, in the framework's order, keeping rows already there", () => {
    const ydoc = new Y.Doc();
    insertRow(ydoc, TRACKER, { id: "B4c", values: { status: "in-place" } });
    expect(addMissingRecommendations(ydoc)).toBe(43);
    expect(addMissingRecommendations(ydoc)).toBe(0);
    const rows = readBoard(ydoc, TRACKER);
    expect(rows).toHaveLength(44);
    expect(rows.filter((row) => row.id !== "B4c").map((row) => row.id)).toEqual(
      RECOMMENDATIONS.map((recommendation) => recommendation.id).filter((id) => id !== "B4c"),
    );
    expect(rows.find((row) => row.id === "B4c")!.valid.status).toBe("in-place");
    expect(rows.find((row) => row.id === "B9")!.valid).toMatchObject({
      status: "not-started",
      reason: "",
      owner: null,
      target: null,
      evidence: [],
      notes: "",
    });
    for (const row of rows) expect(row.errors).toEqual({});
  });
});
