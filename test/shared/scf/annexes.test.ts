import { describe, expect, it } from "vitest";
import { PRINCIPLE_GROUPS, SUCCESS_FACTORS } from "../../../shared/scf/catalogue";

/** Points per statement of Annex A, as counted in the framework. */
const POINTS_PER_STATEMENT = {
  "A.1": { "A.1.1": 3, "A.1.2": 2 },
  "A.2": { "A.2.1": 2, "A.2.2": 3, "A.2.3": 2 },
  "A.3": { "A.3.1": 3, "A.3.2": 2 },
  "A.4": { "A.4.1": 3, "A.4.2": 5, "A.4.3": 2, "A.4.4": 3 },
};

/** Checklist statements per sub-factor of Annex B, as counted in the framework. */
const STATEMENTS_PER_SUB_FACTOR: Record<number, Record<string, number>> = {
  1: { a: 3, b: 2, c: 3 },
  2: { a: 1, b: 2, c: 2 },
  3: { a: 3, b: 3, c: 2 },
  4: { a: 1, b: 2, c: 1 },
  5: { a: 1, b: 1 },
  6: { a: 2, b: 1 },
  7: { a: 1, b: 1, c: 1, d: 1, e: 2 },
  8: { a: 1, b: 1, c: 2 },
  9: { a: 3, b: 3, c: 1 },
};

const letters = (count: number) =>
  Array.from({ length: count }, (_, index) => String.fromCharCode(97 + index));

describe("Annex A, the guiding principles", () => {
  it("has the four groups in the framework's order", () => {
    expect(PRINCIPLE_GROUPS.map((group) => group.id)).toEqual(["A.1", "A.2", "A.3", "A.4"]);
    expect(PRINCIPLE_GROUPS.map((group) => group.title)).toEqual([
      "The visionary city",
      "The citizen-centric city",
      "The digital city",
      "The open and collaborative city",
    ]);
  });

  it("numbers each group's statements in order and letters their points from a", () => {
    for (const group of PRINCIPLE_GROUPS) {
      const expected = POINTS_PER_STATEMENT[group.id];
      expect(group.statements.map((statement) => statement.id)).toEqual(Object.keys(expected));
      for (const statement of group.statements) {
        const count = expected[statement.id as keyof typeof expected];
        expect(statement.points.map((point) => point.letter)).toEqual(letters(count));
      }
    }
  });

  it("has 11 statements with 30 points in all, every one with text", () => {
    const statements = PRINCIPLE_GROUPS.flatMap((group) => group.statements);
    const points = statements.flatMap((statement) => statement.points);
    expect(statements).toHaveLength(11);
    expect(points).toHaveLength(30);
    const texts = [
      ...PRINCIPLE_GROUPS.flatMap((group) => [group.title, group.summary]),
      ...statements.map((statement) => statement.text),
      ...points.map((point) => point.text),
    ];
    for (const text of texts) expect(text.trim()).not.toBe("");
  });

  it("gives every statement a unique id", () => {
    const ids = PRINCIPLE_GROUPS.flatMap((group) => group.statements.map((statement) => statement.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("Annex B, the critical success factors", () => {
  it("numbers the nine factors 1 to 9", () => {
    expect(SUCCESS_FACTORS.map((factor) => factor.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("letters each factor's sub-factors as the framework does and ids them by number and letter", () => {
    for (const factor of SUCCESS_FACTORS) {
      const expected = Object.keys(STATEMENTS_PER_SUB_FACTOR[factor.number]!);
      expect(factor.subFactors.map((subFactor) => subFactor.letter)).toEqual(expected);
      expect(factor.subFactors.map((subFactor) => subFactor.id)).toEqual(
        expected.map((letter) => `${factor.number}${letter}`),
      );
    }
  });

  it("has as many checklist statements in each sub-factor as the framework has bullets", () => {
    for (const factor of SUCCESS_FACTORS) {
      for (const subFactor of factor.subFactors) {
        expect(subFactor.statements, subFactor.id).toHaveLength(
          STATEMENTS_PER_SUB_FACTOR[factor.number]![subFactor.letter]!,
        );
      }
    }
  });

  it("has 27 sub-factors and 47 checklist statements in all, with unique ids", () => {
    const subFactors = SUCCESS_FACTORS.flatMap((factor) => factor.subFactors);
    expect(subFactors).toHaveLength(27);
    expect(subFactors.flatMap((subFactor) => subFactor.statements)).toHaveLength(47);
    expect(new Set(subFactors.map((subFactor) => subFactor.id)).size).toBe(27);
  });

  it("titles every factor and sub-factor and words every statement as the city speaking", () => {
    for (const factor of SUCCESS_FACTORS) {
      expect(factor.title.trim()).not.toBe("");
      for (const subFactor of factor.subFactors) {
        expect(subFactor.title.trim()).not.toBe("");
        for (const statement of subFactor.statements) expect(statement).toMatch(/^(We|Our) \S.*\.$/);
      }
    }
  });
});
