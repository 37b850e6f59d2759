import { describe, expect, it } from "vitest";
import { CLAUSE_REF, clauseRefs } from "../../../shared/boards/fields";
import {
  CLAUSES,
  COMPONENTS,
  PRINCIPLE_GROUPS,
  PROCESS_AREAS,
  RECOMMENDATIONS,
  SUCCESS_FACTORS,
  clauseById,
  isClauseId,
  recommendationById,
} from "../../../shared/scf/catalogue";

const B_NOTES = Array.from({ length: 14 }, (_, index) => `B${index + 1}`);

describe("the framework catalogue as a whole", () => {
  it("has 17 clauses in the framework's order: A, B1 to B14, C, D", () => {
    expect(CLAUSES.map((clause) => clause.id)).toEqual(["A", ...B_NOTES, "C", "D"]);
  });

  it("places every clause in its component, and only component B's notes in a process area", () => {
    expect(COMPONENTS.map((component) => component.id)).toEqual(["A", "B", "C", "D"]);
    for (const clause of CLAUSES) {
      expect({ id: clause.id, component: clause.component }).toEqual({
        id: clause.id,
        component: clause.id.charAt(0),
      });
      if (clause.component !== "B")
        expect({ id: clause.id, area: clause.area }).toEqual({ id: clause.id, area: null });
    }
  });

  it("groups the 14 B notes into business B1 to B8, service B9 to B12 and technology B13 to B14", () => {
    expect(PROCESS_AREAS.map((area) => area.id)).toEqual(["business", "service", "technology"]);
    const notesOf = (area: string) =>
      CLAUSES.filter((clause) => clause.area === area).map((clause) => clause.id);
    expect(CLAUSES.filter((clause) => clause.component === "B")).toHaveLength(14);
    expect(notesOf("business")).toEqual(["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"]);
    expect(notesOf("service")).toEqual(["B9", "B10", "B11", "B12"]);
    expect(notesOf("technology")).toEqual(["B13", "B14"]);
  });

  it("has 44 recommendations with unique ids, in clause order, each found by its id with its clause", () => {
    expect(RECOMMENDATIONS).toHaveLength(44);
    const ids = RECOMMENDATIONS.map((recommendation) => recommendation.id);
    expect(new Set(ids).size).toBe(44);
    expect(ids).toEqual(CLAUSES.flatMap((clause) => clause.recommendations.map((r) => r.id)));
    for (const recommendation of RECOMMENDATIONS) {
      expect(recommendation.id).toBe(`${recommendation.clause.id}${recommendation.letter ?? ""}`);
      expect(recommendationById(recommendation.id)?.clause.id).toBe(recommendation.clause.id);
    }
    expect(recommendationById("B4")).toBeNull();
    expect(recommendationById("B4z")).toBeNull();
  });

  it("counts 2 recommendations in A, 38 in B, 3 in C and 1 in D", () => {
    const perComponent = Object.fromEntries(
      COMPONENTS.map((component) => [
        component.id,
        RECOMMENDATIONS.filter((recommendation) => recommendation.clause.component === component.id).length,
      ]),
    );
    expect(perComponent).toEqual({ A: 2, B: 38, C: 3, D: 1 });
  });

  it("resolves every linkage to a clause of the catalogue", () => {
    const linkages = CLAUSES.flatMap((clause) =>
      clause.linkages.map((linkage) => [clause.id, linkage.clause]),
    );
    expect(linkages.length).toBeGreaterThan(0);
    for (const [from, to] of linkages) {
      expect(isClauseId(to), `${from} → ${to}`).toBe(true);
      expect(clauseById(to!)?.id).toBe(to);
    }
  });

  it("tells clause ids from anything else", () => {
    for (const id of ["A", "B1", "B9", "B14", "C", "D"]) expect(isClauseId(id)).toBe(true);
    for (const id of ["B", "B0", "B15", "B4c", "b4", "E", "", null, 4]) expect(isClauseId(id)).toBe(false);
    expect(clauseById("B15")).toBeNull();
  });

  it("lets a roadmap item reference every clause and every recommendation", () => {
    for (const id of [...CLAUSES.map((clause) => clause.id), ...RECOMMENDATIONS.map((r) => r.id)]) {
      expect(id).toMatch(CLAUSE_REF);
    }
    expect(clauseRefs.safeParse(RECOMMENDATIONS.slice(0, 30).map((r) => r.id)).success).toBe(true);
  });

  it("has Annex A's 4 principle groups with 11 statements and Annex B's 9 factors, 27 sub-factors and 47 statements", () => {
    expect(PRINCIPLE_GROUPS).toHaveLength(4);
    expect(PRINCIPLE_GROUPS.flatMap((group) => group.statements)).toHaveLength(11);
    expect(SUCCESS_FACTORS).toHaveLength(9);
    const subFactors = SUCCESS_FACTORS.flatMap((factor) => factor.subFactors);
    expect(subFactors).toHaveLength(27);
    expect(subFactors.flatMap((subFactor) => subFactor.statements)).toHaveLength(47);
  });
});
