import { describe, expect, it } from "vitest";
import {
  clauseOfRef,
  compareRoadmaps,
  roadmapFigures,
  type ComparedItem,
} from "../../../shared/boards/compare";

const item = (overrides: Partial<ComparedItem> = {}): ComparedItem => ({
  phase: "PLAN",
  status: "proposed",
  quickWin: false,
  clauses: [],
  ...overrides,
});

const ours: ComparedItem[] = [
  item({ phase: "PLAN", status: "done", quickWin: true, clauses: ["B1", "B4a"] }),
  item({ phase: "PLAN", status: "in-progress", clauses: ["B3a", "A"] }),
  item({ phase: "DELIVER", status: "planned", quickWin: true, clauses: ["B9"] }),
  item({ phase: "DELIVER", status: "blocked", clauses: ["B5b", "B13"] }),
  item({ phase: "DELIVER", status: "done", clauses: [] }),
  // Without a valid phase or status (the projection leaves invalid values out).
  item({ phase: undefined, status: undefined, clauses: ["D"] }),
];

const theirs: ComparedItem[] = [
  item({ phase: "PLAN", status: "done", quickWin: true, clauses: ["B1a", "B4"] }),
  item({ phase: "PLAN", status: "planned", quickWin: true, clauses: ["B2"] }),
  item({ phase: "INITIATE", status: "proposed", clauses: ["B8a", "B8"] }),
  item({ phase: "DELIVER", status: "in-progress", clauses: ["B9", "B10a", "Ca"] }),
  item({ phase: "TRANSFORM", status: "dropped", quickWin: false, clauses: ["B14"] }),
];

describe("comparing two roadmaps", () => {
  it("takes a reference's clause from its id", () => {
    expect(["A", "Aa", "B4", "B4c", "B10a", "B14", "Ca", "D"].map(clauseOfRef)).toEqual([
      "A",
      "A",
      "B4",
      "B4",
      "B10",
      "B14",
      "C",
      "D",
    ]);
  });

  it("counts items, quick wins and statuses of each phase", () => {
    const { phases } = compareRoadmaps(ours, theirs);
    expect(
      phases.map((phase) => [
        phase.phase,
        phase.ours.items,
        phase.theirs.items,
        phase.ours.quickWins,
        phase.theirs.quickWins,
      ]),
    ).toEqual([
      ["PLAN", 2, 2, 1, 2],
      ["INITIATE", 0, 1, 0, 0],
      ["DELIVER", 3, 1, 1, 0],
      ["CONSOLIDATE", 0, 0, 0, 0],
      ["TRANSFORM", 0, 1, 0, 0],
    ]);
    const deliver = phases.find((phase) => phase.phase === "DELIVER")!;
    expect(deliver.ours.statuses).toEqual({
      proposed: 0,
      planned: 1,
      "in-progress": 0,
      done: 1,
      blocked: 1,
      dropped: 0,
    });
    expect(deliver.theirs.statuses["in-progress"]).toBe(1);
  });

  it("lists the clauses and recommendations each phase covers, and the gaps both ways", () => {
    const plan = compareRoadmaps(ours, theirs).phases[0]!;
    expect(plan.ours.clauses).toEqual(["A", "B1", "B3", "B4"]);
    expect(plan.ours.recommendations).toEqual(["B3a", "B4a"]);
    expect(plan.theirs.clauses).toEqual(["B1", "B2", "B4"]);
    // B2 has one unlettered recommendation, which takes the clause's own id.
    expect(plan.theirs.recommendations).toEqual(["B1a", "B2"]);
    expect(plan.oursLacks).toEqual({ clauses: ["B2"], recommendations: ["B1a", "B2"] });
    expect(plan.theirsLacks).toEqual({ clauses: ["A", "B3"], recommendations: ["B3a", "B4a"] });

    const deliver = compareRoadmaps(ours, theirs).phases[2]!;
    expect(deliver.oursLacks).toEqual({ clauses: ["B10", "C"], recommendations: ["B10a", "Ca"] });
    expect(deliver.theirsLacks).toEqual({ clauses: ["B5", "B13"], recommendations: ["B5b", "B13"] });
  });

  it("adds up the whole roadmaps, items without a phase or status included", () => {
    const { overall } = compareRoadmaps(ours, theirs);
    expect(overall.ours.items).toBe(6);
    expect(overall.theirs.items).toBe(5);
    expect(overall.ours.quickWins).toBe(2);
    expect(overall.theirs.quickWins).toBe(2);
    expect(overall.ours.withoutStatus).toBe(1);
    expect(overall.ours.statuses).toEqual({
      proposed: 0,
      planned: 1,
      "in-progress": 1,
      done: 2,
      blocked: 1,
      dropped: 0,
    });
    expect(overall.ours.clauses).toEqual(["A", "B1", "B3", "B4", "B5", "B9", "B13", "D"]);
    expect(overall.theirs.clauses).toEqual(["B1", "B2", "B4", "B8", "B9", "B10", "B14", "C"]);
    expect(overall.oursLacks).toEqual({
      clauses: ["B2", "B8", "B10", "B14", "C"],
      recommendations: ["B1a", "B2", "B8a", "B10a", "B14", "Ca"],
    });
    expect(overall.theirsLacks).toEqual({
      clauses: ["A", "B3", "B5", "B13", "D"],
      recommendations: ["B3a", "B4a", "B5b", "B13", "D"],
    });
  });

  it("gives zeros and no gaps for two empty roadmaps", () => {
    const { phases, overall } = compareRoadmaps([], []);
    expect(phases).toHaveLength(5);
    expect(overall.ours).toEqual(roadmapFigures([]));
    expect(overall.ours.items).toBe(0);
    expect(overall.oursLacks).toEqual({ clauses: [], recommendations: [] });
  });
});
