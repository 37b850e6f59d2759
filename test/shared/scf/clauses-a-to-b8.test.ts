import { describe, expect, it } from "vitest";
import { CLAUSES_A_TO_B8 } from "../../../shared/scf/clauses-a-to-b8";

const VALID_CLAUSE_IDS = ["A", ...Array.from({ length: 14 }, (_, index) => `B${index + 1}`), "C", "D"];

/**
 * Each clause's recommendations as lettered in the framework's guidance notes, with the number
 * of numbered points under each (0 where there are none); null is the single unlettered one.
 */
const EXPECTED: Record<string, [letter: string | null, items: number][]> = {
  A: [
    ["a", 4],
    ["b", 0],
  ],
  B1: [
    ["a", 0],
    ["b", 0],
    ["c", 0],
  ],
  B2: [[null, 0]],
  B3: [
    ["a", 0],
    ["b", 0],
    ["c", 0],
    ["d", 0],
    ["e", 0],
    ["f", 0],
    ["g", 0],
  ],
  B4: [
    ["a", 0],
    ["b", 0],
    ["c", 0],
  ],
  B5: [
    ["a", 0],
    ["b", 4],
    ["c", 3],
  ],
  B6: [
    ["a", 0],
    ["b", 0],
    ["c", 0],
  ],
  B7: [
    ["a", 0],
    ["b", 0],
  ],
  B8: [
    ["a", 0],
    ["b", 0],
    ["c", 0],
    ["d", 0],
    ["e", 0],
  ],
};

/** The clauses each guidance note's Linkages section names, in the order it names them. */
const EXPECTED_LINKS: Record<string, string[]> = {
  A: ["B3", "B1", "B8"],
  B1: ["A", "B4"],
  B2: ["B3", "B9", "B10", "B13", "B14"],
  B3: ["A", "B1", "B4", "B8", "C"],
  B4: ["B8", "C", "B1", "B3", "B5", "B9", "B10", "B12"],
  B5: ["B4", "B14"],
  B6: ["B14", "B8"],
  B7: [],
  B8: ["D"],
};

describe("component A and the business management notes", () => {
  it("lists A and B1 to B8 in the framework's order", () => {
    expect(CLAUSES_A_TO_B8.map((clause) => clause.id)).toEqual([
      "A",
      "B1",
      "B2",
      "B3",
      "B4",
      "B5",
      "B6",
      "B7",
      "B8",
    ]);
  });

  it("places A in its own component and B1 to B8 in business management", () => {
    for (const clause of CLAUSES_A_TO_B8) {
      if (clause.id === "A") expect([clause.component, clause.area]).toEqual(["A", null]);
      else expect([clause.component, clause.area]).toEqual(["B", "business"]);
    }
  });

  it.each(Object.entries(EXPECTED))("letters %s's recommendations as the framework does", (id, expected) => {
    const clause = CLAUSES_A_TO_B8.find((candidate) => candidate.id === id);
    expect(clause).toBeDefined();
    expect(clause!.recommendations.map((recommendation) => recommendation.letter)).toEqual(
      expected.map(([letter]) => letter),
    );
    expect(clause!.recommendations.map((recommendation) => recommendation.items?.length ?? 0)).toEqual(
      expected.map(([, items]) => items),
    );
  });

  it("numbers each recommendation's points from 1 in order", () => {
    for (const recommendation of CLAUSES_A_TO_B8.flatMap((clause) => clause.recommendations)) {
      const numbers = (recommendation.items ?? []).map((item) => item.number);
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    }
  });

  it("gives every recommendation a unique id made of its clause id and letter", () => {
    const ids = CLAUSES_A_TO_B8.flatMap((clause) =>
      clause.recommendations.map((recommendation) => {
        expect(recommendation.id).toBe(`${clause.id}${recommendation.letter ?? ""}`);
        return recommendation.id;
      }),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("links each clause only to other clauses of the framework, each once and with a reason", () => {
    for (const clause of CLAUSES_A_TO_B8) {
      const targets = clause.linkages.map((linkage) => linkage.clause);
      for (const target of targets) {
        expect(VALID_CLAUSE_IDS).toContain(target);
        expect(target).not.toBe(clause.id);
      }
      expect(new Set(targets).size).toBe(targets.length);
      for (const linkage of clause.linkages) expect(linkage.why.trim()).not.toBe("");
    }
  });

  it.each(Object.entries(EXPECTED_LINKS))("links %s to the clauses its note names", (id, expected) => {
    const clause = CLAUSES_A_TO_B8.find((candidate) => candidate.id === id);
    expect(clause?.linkages.map((linkage) => linkage.clause)).toEqual(expected);
  });

  it("states the need, context and title of every clause and explains it in a few paragraphs", () => {
    for (const clause of CLAUSES_A_TO_B8) {
      expect(clause.need.trim()).not.toBe("");
      expect(clause.context.trim()).not.toBe("");
      expect(clause.title.trim()).not.toBe("");
      expect(clause.explanation.length).toBeGreaterThanOrEqual(3);
      expect(clause.explanation.length).toBeLessThanOrEqual(5);
    }
  });
});
