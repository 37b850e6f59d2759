import { describe, expect, it } from "vitest";
import { CLAUSES_B9_TO_D } from "../../../shared/scf/clauses-b9-to-d";
import type { ClauseId } from "../../../shared/scf/types";

const CLAUSE_IDS: readonly ClauseId[] = [
  "A",
  ...(Array.from({ length: 14 }, (_, index) => `B${index + 1}`) as ClauseId[]),
  "C",
  "D",
];

/** As lettered in each guidance note's own Recommendation(s) section; null for an unlettered one. */
const EXPECTED: Record<string, { component: string; area: string | null; letters: (string | null)[] }> = {
  B9: { component: "B", area: "service", letters: [null] },
  B10: { component: "B", area: "service", letters: ["a", "b", "c"] },
  B11: { component: "B", area: "service", letters: ["a", "b"] },
  B12: { component: "B", area: "service", letters: ["a", "b", "c"] },
  B13: { component: "B", area: "technology", letters: [null] },
  B14: { component: "B", area: "technology", letters: [null] },
  C: { component: "C", area: null, letters: ["a", "b", "c"] },
  D: { component: "D", area: null, letters: [null] },
};

/** The clauses each guidance note's Linkages section names. */
const LINKED: Record<string, string[]> = {
  B9: ["B2", "B5", "B12", "B13", "B14"],
  B10: ["B2", "B4", "B11", "B12", "B13", "B14"],
  B11: ["B6", "B8", "B9", "B10", "B14"],
  B12: ["B8", "B9", "B10", "B14"],
  B13: ["B8", "B9", "B10", "B12", "B14"],
  B14: ["B5", "B8", "B9", "B13"],
  C: ["B8", "D"],
  D: ["B3", "B8"],
};

const recommendations = CLAUSES_B9_TO_D.flatMap((clause) => clause.recommendations);

describe("the catalogue's clauses B9 to D", () => {
  it("lists the service and technology notes, then benefit realisation and success factors, in order", () => {
    expect(CLAUSES_B9_TO_D.map((clause) => clause.id)).toEqual(Object.keys(EXPECTED));
  });

  it("places each clause in its component and process area", () => {
    for (const clause of CLAUSES_B9_TO_D) {
      const { component, area } = EXPECTED[clause.id]!;
      expect({ id: clause.id, component: clause.component, area: clause.area }).toEqual({
        id: clause.id,
        component,
        area,
      });
    }
  });

  it("letters each clause's recommendations as its guidance note does", () => {
    for (const clause of CLAUSES_B9_TO_D) {
      expect({ id: clause.id, letters: clause.recommendations.map((r) => r.letter) }).toEqual({
        id: clause.id,
        letters: EXPECTED[clause.id]!.letters,
      });
    }
  });

  it("gives each recommendation the clause id followed by its letter, or the clause id alone", () => {
    for (const clause of CLAUSES_B9_TO_D) {
      for (const recommendation of clause.recommendations) {
        expect(recommendation.id).toBe(`${clause.id}${recommendation.letter ?? ""}`);
        expect(recommendation.text.trim()).not.toBe("");
      }
    }
    const ids = recommendations.map((recommendation) => recommendation.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps numbered points only where the framework numbers them: B11 b) has three", () => {
    const numbered = recommendations
      .filter((recommendation) => recommendation.items !== undefined)
      .map((recommendation) => ({
        id: recommendation.id,
        numbers: recommendation.items!.map((item) => item.number),
      }));
    expect(numbered).toEqual([{ id: "B11b", numbers: [1, 2, 3] }]);
    for (const item of recommendations.flatMap((recommendation) => recommendation.items ?? [])) {
      expect(item.text.trim()).not.toBe("");
    }
  });

  it("links each clause to the clauses its guidance note names, never to itself, each with a reason", () => {
    for (const clause of CLAUSES_B9_TO_D) {
      const targets = clause.linkages.map((linkage) => linkage.clause);
      for (const target of targets) {
        expect(CLAUSE_IDS).toContain(target);
        expect(target).not.toBe(clause.id);
      }
      expect(new Set(targets).size).toBe(targets.length);
      expect({ id: clause.id, targets: [...targets].sort(byClauseOrder) }).toEqual({
        id: clause.id,
        targets: LINKED[clause.id],
      });
      for (const linkage of clause.linkages) expect(linkage.why.trim()).not.toBe("");
    }
  });

  it("states the need, the context and an explanation of a few paragraphs for every clause", () => {
    for (const clause of CLAUSES_B9_TO_D) {
      expect(clause.title.trim()).not.toBe("");
      expect(clause.context.trim()).not.toBe("");
      expect(clause.need.trim()).not.toBe("");
      expect(clause.explanation.length).toBeGreaterThanOrEqual(3);
      expect(clause.explanation.length).toBeLessThanOrEqual(5);
    }
  });
});

function byClauseOrder(a: ClauseId, b: ClauseId) {
  return CLAUSE_IDS.indexOf(a) - CLAUSE_IDS.indexOf(b);
}
